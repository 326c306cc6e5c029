import type { Migration } from './migration';

export default {
  id: 8,
  name: 'session idle timeout',
  sql: `
-- Session lifetimes (idle minutes, maximum days), set by admins.
ALTER TABLE settings ADD COLUMN security jsonb;
-- Refreshed at most about once a minute while the session is used (requests, open sockets).
ALTER TABLE sessions ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now();
`,
} satisfies Migration;
