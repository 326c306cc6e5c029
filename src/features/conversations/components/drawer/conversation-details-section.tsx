import type { Conversation } from '../../../../contract/conversations';
import { formatDateTime } from '../../../../lib/format';
import { strings } from '../../../../lib/strings';
import { FieldList } from './field-list';

export function ConversationDetailsSection({ conversation: c }: { conversation: Conversation }) {
  const s = strings.drawer;
  return (
    <FieldList
      fields={[
        [s.state, s.states[c.state]],
        [s.source, c.source],
        [s.destination, `${c.destination} (${c.queue.name})`],
        [s.channel, c.channel === 'webchat' ? 'Web chat' : c.channel],
        [s.arrived, formatDateTime(c.arrivedAt)],
        [s.pickedBy, c.agent?.displayName ?? s.notPicked],
        [s.pickedAt, c.pickedAt && formatDateTime(c.pickedAt)],
        ...(c.state === 'ended'
          ? ([
              [s.endedAt, c.endedAt && formatDateTime(c.endedAt)],
              [s.endedBy, c.endedBy],
            ] as [string, string | null][])
          : []),
      ]}
    />
  );
}
