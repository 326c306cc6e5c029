import type { Migration } from './migration';

export default {
  id: 26,
  name: 'chat prompts',
  sql: `
-- What a queue says to customers on its own (src/contract/prompts.ts), as the admin wrote it. A
-- kind without a row says its default, so queues need no rows until an admin saves their prompts.
CREATE TABLE queue_prompts (
  queue_id uuid NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('welcome', 'inQueue', 'queueFull', 'serviceClosed', 'idleWarning', 'endedByInactivity', 'agentSessionLost', 'transferred', 'closing')),
  enabled boolean NOT NULL,
  text text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (queue_id, kind)
);

-- The estimated wait counts a queue's picks of the last hour (src/domain/wait-estimate.ts).
CREATE INDEX conversations_queue_picked ON conversations(queue_id, picked_at) WHERE picked_at IS NOT NULL;
`,
} satisfies Migration;
