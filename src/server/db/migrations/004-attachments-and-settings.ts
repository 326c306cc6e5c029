import type { Migration } from './migration';

export default {
  id: 4,
  name: 'attachments and settings',
  sql: `
-- One row of workspace settings; until an admin saves it the defaults of src/contract apply.
CREATE TABLE settings (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  agent_uploads jsonb NOT NULL,
  customer_uploads jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users(id)
);

-- Files live in the database, so every server instance on it can serve every file. A row is
-- written before its bytes and marked complete after them; incomplete and never-sent uploads
-- are removed by the cleanup.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  -- Null until sent with a message; bound in the message's transaction.
  message_id uuid REFERENCES messages(id),
  position integer,
  uploader_kind text NOT NULL CHECK (uploader_kind IN ('agent', 'customer')),
  uploader_id uuid NOT NULL,
  file_name text NOT NULL,
  file_type text NOT NULL,
  mime_type text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('image', 'video', 'document')),
  size_bytes bigint NOT NULL DEFAULT 0,
  sha256 text NOT NULL DEFAULT '',
  width integer,
  height integer,
  -- A displayable copy (JPEG of a HEIC photo), stored as variant 'display'; null: show the original.
  display_mime_type text,
  display_size_bytes bigint,
  display_sha256 text,
  -- Signs this file's expiring links; never leaves the server.
  url_key text NOT NULL,
  complete boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_message ON attachments(message_id, position) WHERE message_id IS NOT NULL;
CREATE INDEX attachments_unbound ON attachments(created_at) WHERE message_id IS NULL;

CREATE TABLE attachment_chunks (
  attachment_id uuid NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
  variant text NOT NULL CHECK (variant IN ('original', 'display')),
  idx integer NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (attachment_id, variant, idx)
);

-- Refused uploads, for the supervisors' audit trail.
CREATE TABLE rejected_uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid REFERENCES conversations(id),
  uploader_kind text NOT NULL CHECK (uploader_kind IN ('agent', 'customer')),
  uploader_id uuid NOT NULL,
  file_name text,
  -- Bytes read before the refusal (not the file's size when it was cut short).
  bytes_received bigint NOT NULL,
  code text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rejected_uploads_created ON rejected_uploads(created_at DESC);
`,
} satisfies Migration;
