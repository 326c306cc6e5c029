import type { Migration } from './migration';

export default {
  id: 25,
  name: 'note mentions',
  sql: `
-- The colleagues a note @mentions, as [{id, displayName}]: the names as they were when it was
-- written, like author_name, so a note reads the same after a rename.
ALTER TABLE notes ADD COLUMN mentions jsonb NOT NULL DEFAULT '[]'::jsonb;
`,
} satisfies Migration;
