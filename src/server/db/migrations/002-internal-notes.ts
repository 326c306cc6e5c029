import type { Migration } from './migration';

export default {
  id: 2,
  name: 'internal notes',
  sql: `
CREATE TABLE notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  -- The author's idempotency key: a retry finds the first note instead of adding another.
  client_note_id uuid NOT NULL,
  author_id uuid NOT NULL REFERENCES users(id),
  author_name text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, client_note_id)
);
CREATE INDEX notes_conversation ON notes(conversation_id, created_at DESC);
`,
} satisfies Migration;
