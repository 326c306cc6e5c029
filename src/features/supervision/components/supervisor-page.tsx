import { Box, Stack, Tab, Tabs } from '@mui/material';
import { PageColumn, PageHeading } from '../../../components/page-frame';
import type { ConversationEvent } from '../../../contract/events';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import type { EventFrame } from '../../../lib/realtime-events';
import { queryKeys } from '../../../lib/query-keys';
import { supervisorStrings } from '../../../lib/supervisor-strings';
import { SUPERVISOR_TABS, type SupervisorTab } from '../supervisor-tab';
import { AgentTable } from './agent-table';
import { OpenConversationTable } from './open-conversation-table';
import { QueueTable } from './queue-table';
import { WrapUpCountTable } from './wrap-up-count-table';
import { RatingTable } from './rating-table';

interface Props {
  tab: SupervisorTab;
  onTabChange(tab: SupervisorTab): void;
  queueId: string | undefined;
  onQueueChange(queueId: string | undefined): void;
  /** The Conversations view, filtered to one queue. */
  onShowQueue(queueId: string): void;
  onOpenConversation(conversationId: string): void;
}

/** Conversation events that move a conversation between waiting, offered, held and ended. */
const movesConversation = (event: ConversationEvent) => event.type !== 'message.created' && event.type !== 'note.created' && event.type !== 'conversation.rated';

const workspace = (frame: EventFrame, ...types: string[]) => frame.kind === 'workspace-event' && types.includes(frame.event.type);

// What each view depends on. Frames for hidden views only mark their data stale, so a view shows
// fresh figures as soon as it is opened again.
const affectsQueues = (f: EventFrame) =>
  (f.kind === 'event' && movesConversation(f.event)) || workspace(f, 'queue.updated', 'user.updated', 'presence.changed');
const affectsAgents = (f: EventFrame) =>
  (f.kind === 'event' && movesConversation(f.event)) || workspace(f, 'queue.updated', 'user.updated', 'presence.changed');
// The list shows each conversation's latest message, so new messages count too.
const affectsConversations = (f: EventFrame) => (f.kind === 'event' && f.event.type !== 'note.created' && f.event.type !== 'conversation.rated') || workspace(f, 'queue.updated');
const affectsRatings = (f: EventFrame) => f.kind === 'event' && f.event.type === 'conversation.rated';

const tabId = (tab: SupervisorTab) => `supervisor-tab-${tab}`;
const panelId = (tab: SupervisorTab) => `supervisor-panel-${tab}`;

/** The supervisors' live views of queues, agents and open conversations. */
export function SupervisorPage({ tab, onTabChange, queueId, onQueueChange, onShowQueue, onOpenConversation }: Props) {
  const s = supervisorStrings;
  useLiveRefresh(queryKeys.supervision.queues(), affectsQueues);
  useLiveRefresh(queryKeys.supervision.agents(), affectsAgents);
  useLiveRefresh(queryKeys.supervision.conversationLists(), affectsConversations);
  useLiveRefresh(queryKeys.supervision.allRatings(), affectsRatings);

  return (
    <PageColumn maxWidth={1280} dense>
      <PageHeading title={s.title} intro={s.intro} />
      <Tabs value={tab} onChange={(_, next: SupervisorTab) => onTabChange(next)} aria-label={s.tabsLabel} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {SUPERVISOR_TABS.map((t) => (
          <Tab key={t} value={t} label={s.tabs[t]} id={tabId(t)} aria-controls={panelId(t)} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
        {tab === 'queues' && (
          <Stack spacing={3}>
            <QueueTable onShowQueue={onShowQueue} />
            <WrapUpCountTable />
            <RatingTable />
          </Stack>
        )}
        {tab === 'agents' && <AgentTable />}
        {tab === 'conversations' && <OpenConversationTable queueId={queueId} onQueueChange={onQueueChange} onOpen={onOpenConversation} />}
      </Box>
    </PageColumn>
  );
}
