import type { Migration } from './migration';

export default {
  id: 10,
  name: 'customer identity and idempotent web-chat start',
  sql: `
-- An email typed into the web chat proves nothing, so it no longer finds a customer: every
-- unverified start gets its own record. Records that exist already stay as they are (unverified).
DROP INDEX customers_email;
CREATE INDEX customers_email ON customers(lower(email)) WHERE email IS NOT NULL;
-- Verified customers came with a link the embedding site signed; their site's id joins them.
ALTER TABLE customers ADD COLUMN verified boolean NOT NULL DEFAULT false;
ALTER TABLE customers ADD COLUMN external_id text UNIQUE;
ALTER TABLE customers ADD CONSTRAINT customers_verified_by_external_id CHECK (verified = (external_id IS NOT NULL));

-- The secret embedding sites sign their customers' ids with. One row; kept apart from the
-- settings so it never travels with them.
CREATE TABLE webchat_identity (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  secret text NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now(),
  generated_by uuid REFERENCES users(id)
);

-- Web-chat starts by their first message's client id, so a retried or concurrent start finds the
-- first one (see webchat-start.ts). customer_token is kept only during the short replay window.
CREATE TABLE webchat_starts (
  client_message_id uuid PRIMARY KEY,
  request_hash text NOT NULL,
  conversation_id uuid REFERENCES conversations(id),
  customer_token text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webchat_starts_tokens ON webchat_starts(created_at) WHERE customer_token IS NOT NULL;
`,
} satisfies Migration;
