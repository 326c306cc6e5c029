import type { Migration } from './migration';

export default {
  id: 29,
  name: 'satisfaction ratings',
  sql: `
-- The customer's answer to the satisfaction survey: one per conversation (the primary key makes a
-- second answer fail). Queue and agent are the conversation's at the end, kept here so the
-- supervisors' figures read this table alone.
CREATE TABLE conversation_ratings (
  conversation_id uuid PRIMARY KEY REFERENCES conversations(id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment text,
  queue_id uuid NOT NULL REFERENCES queues(id),
  agent_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- The dashboard's "today" and "last 7 days", per queue and per agent.
CREATE INDEX conversation_ratings_recent ON conversation_ratings (created_at, queue_id, agent_id) INCLUDE (rating);
`,
} satisfies Migration;
