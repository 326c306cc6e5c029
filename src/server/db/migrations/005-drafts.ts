import type { Migration } from './migration';

export default {
  id: 5,
  name: 'drafts',
  sql: `
-- What a user has typed but not sent, per conversation: it follows the user to every device.
CREATE TABLE drafts (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  text text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, conversation_id)
);
`,
} satisfies Migration;
