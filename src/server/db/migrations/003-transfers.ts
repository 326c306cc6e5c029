import type { Migration } from './migration';

export default {
  id: 3,
  name: 'transfers',
  sql: `
-- Set while a conversation transferred to one agent waits for that agent; cleared when picked.
ALTER TABLE conversations ADD COLUMN reserved_for_agent_id uuid REFERENCES users(id);
CREATE INDEX conversations_reserved ON conversations(reserved_for_agent_id) WHERE state IN ('queued', 'offered');
CREATE INDEX conversations_ended ON conversations(ended_at, id) WHERE state = 'ended';
CREATE INDEX conversations_ended_agent ON conversations(agent_id, ended_at) WHERE state = 'ended';

CREATE TABLE transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  from_agent_id uuid NOT NULL REFERENCES users(id),
  from_queue_id uuid NOT NULL REFERENCES queues(id),
  -- Exactly one target: a queue, or an agent (the conversation then stays in its queue).
  to_queue_id uuid REFERENCES queues(id),
  to_agent_id uuid REFERENCES users(id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((to_queue_id IS NULL) <> (to_agent_id IS NULL))
);
CREATE INDEX transfers_conversation ON transfers(conversation_id, created_at);
CREATE INDEX transfers_from_agent ON transfers(from_agent_id, conversation_id);

-- A transfer's event also reaches the agent who gave the conversation away.
ALTER TABLE events ADD COLUMN previous_agent_id uuid;
`,
} satisfies Migration;
