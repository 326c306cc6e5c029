import type { Migration } from './migration';

export default {
  id: 7,
  name: 'supervision and administration',
  sql: `
-- Waiting conversations per queue, sampled about once a minute, for the dashboard's chart.
CREATE TABLE queue_waiting_samples (
  queue_id uuid NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  sampled_at timestamptz NOT NULL,
  waiting integer NOT NULL,
  PRIMARY KEY (queue_id, sampled_at)
);
CREATE INDEX queue_waiting_samples_time ON queue_waiting_samples(sampled_at);

-- A supervisor or admin moved the conversation, rather than the agent holding it.
ALTER TABLE transfers ADD COLUMN reassigned boolean NOT NULL DEFAULT false;

-- What admins changed in the workspace, newest first.
CREATE TABLE admin_audit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  actor_id uuid NOT NULL REFERENCES users(id),
  actor_name text NOT NULL,
  action text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('queue', 'user', 'settings')),
  target_id uuid,
  target_name text NOT NULL,
  summary text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_created ON admin_audit(created_at DESC);
`,
} satisfies Migration;
