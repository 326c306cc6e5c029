import type { Migration } from './migration';

export default {
  id: 27,
  name: 'opening hours and queue limits',
  sql: `
-- A queue's opening hours as the contract's OpeningHours ({timeZone, weekly, exceptions}), checked
-- by the server before it is written; NULL: always open.
ALTER TABLE queues ADD COLUMN opening_hours jsonb;
-- While closed, customers may leave a message that waits until opening.
ALTER TABLE queues ADD COLUMN leave_message boolean NOT NULL DEFAULT false;
-- The most conversations that may wait (state queued) in the queue; NULL: no limit.
ALTER TABLE queues ADD COLUMN max_waiting integer CHECK (max_waiting IS NULL OR max_waiting >= 1);

-- A message left while the queue was closed: the conversation waits, in nobody's picklist and
-- offered to nobody, until this time (the queue's next opening); then the release sweeper clears
-- it and announces the conversation. NULL for every other conversation.
ALTER TABLE conversations ADD COLUMN held_until timestamptz;
CREATE INDEX conversations_held_until ON conversations (held_until) WHERE held_until IS NOT NULL;
`,
} satisfies Migration;
