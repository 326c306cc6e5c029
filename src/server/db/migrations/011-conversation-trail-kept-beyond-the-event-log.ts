import type { Migration } from './migration';

export default {
  id: 11,
  name: 'conversation trail kept beyond the event log',
  sql: `
-- The event log is pruned after a while (retention); the events a conversation's audit trail is
-- made of are copied here first, so the trail outlives the log. Same columns as in events.
CREATE TABLE conversation_trail (
  seq bigint PRIMARY KEY,
  conversation_id uuid NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX conversation_trail_conversation ON conversation_trail(conversation_id, seq);
`,
} satisfies Migration;
