import type { Migration } from './migration';

export default {
  id: 22,
  name: 'canned responses',
  sql: `
-- Prepared answers agents insert into the composer. Shared ones (owner_id NULL) are managed by
-- supervisors and admins and may be limited to the agents of one queue; personal ones belong to
-- one user and nobody else sees them. A shortcut names one response per scope: among the shared
-- ones, and among each user's own (the API stores shortcuts in lower case).
CREATE TABLE canned_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id uuid REFERENCES users(id) ON DELETE CASCADE,
  queue_id uuid REFERENCES queues(id),
  shortcut text NOT NULL,
  text text NOT NULL,
  -- How often agents inserted it (counted at insertion, see the README).
  use_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (owner_id IS NULL OR queue_id IS NULL)
);
CREATE UNIQUE INDEX canned_responses_shared_shortcut ON canned_responses (shortcut) WHERE owner_id IS NULL;
CREATE UNIQUE INDEX canned_responses_personal_shortcut ON canned_responses (owner_id, shortcut) WHERE owner_id IS NOT NULL;

-- A response's files are stored like a message's (same upload checks, same chunks, signed links):
-- bound to the response instead of a conversation. An upload with neither is one for a response
-- not saved yet; the hourly cleanup removes it after a day like any unsent upload. Inserting a
-- response copies its files into the conversation as the agent's own unsent uploads.
ALTER TABLE attachments ALTER COLUMN conversation_id DROP NOT NULL;
ALTER TABLE attachments ADD COLUMN canned_response_id uuid REFERENCES canned_responses(id) ON DELETE CASCADE;
ALTER TABLE attachments ADD CONSTRAINT attachments_one_owner CHECK (conversation_id IS NULL OR canned_response_id IS NULL);
CREATE INDEX attachments_canned_response ON attachments(canned_response_id, position) WHERE canned_response_id IS NOT NULL;

-- Changes to shared responses are audited with the admins' other changes.
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_target_kind_check;
ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_target_kind_check CHECK (target_kind IN ('queue', 'user', 'settings', 'channel', 'canned-response'));
`,
} satisfies Migration;
