import type { Migration } from './migration';

export default {
  id: 23,
  name: 'wrap-up codes',
  sql: `
-- The reasons a chat ended (wrap-up codes), defined by admins.
CREATE TABLE wrap_up_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- Offered in every queue, or only in the queues of wrap_up_code_queues.
  all_queues boolean NOT NULL DEFAULT true,
  -- A retired code is offered no more; the conversations ended with it keep naming it.
  retired_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- Two codes in use never share a name (ignoring case); a retired one may be named again.
CREATE UNIQUE INDEX wrap_up_codes_name_in_use ON wrap_up_codes (lower(name)) WHERE retired_at IS NULL;

CREATE TABLE wrap_up_code_queues (
  code_id uuid NOT NULL REFERENCES wrap_up_codes(id),
  queue_id uuid NOT NULL REFERENCES queues(id),
  PRIMARY KEY (code_id, queue_id)
);

-- Whether ending a chat in the queue needs a reason.
ALTER TABLE queues ADD COLUMN wrap_up_required boolean NOT NULL DEFAULT false;

-- How a chat ended, in its agent's words: written in the transaction that ends it. The queue is
-- the conversation's at the end, kept here so the supervisors' counts read this table alone.
CREATE TABLE conversation_wrap_ups (
  conversation_id uuid PRIMARY KEY REFERENCES conversations(id),
  code_id uuid REFERENCES wrap_up_codes(id),
  summary text,
  agent_id uuid NOT NULL REFERENCES users(id),
  queue_id uuid NOT NULL REFERENCES queues(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (code_id IS NOT NULL OR summary IS NOT NULL)
);
-- The supervisors' "ended today by reason": the day's rows with a reason.
CREATE INDEX conversation_wrap_ups_recent ON conversation_wrap_ups (created_at) WHERE code_id IS NOT NULL;

-- Admins' changes to codes are audited like those to queues and users. 'channel' is migration
-- 21's (messaging channels), kept so this list is right whichever of the two a database has.
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_target_kind_check;
ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_target_kind_check CHECK (target_kind IN ('queue', 'user', 'settings', 'channel', 'canned-response', 'wrap_up_code'));
`,
} satisfies Migration;
