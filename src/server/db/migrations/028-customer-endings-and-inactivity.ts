import type { Migration } from './migration';

export default {
  id: 28,
  name: 'customer endings and inactivity',
  sql: `
-- Why the system ended a conversation (ended_by = 'system'): 'inactivity' for now; null otherwise.
ALTER TABLE conversations ADD COLUMN end_reason text CHECK (end_reason IN ('inactivity'));
-- When the inactivity sweeper warned the customer. A warning counts only while no message came
-- after it (a message resets the clock), so a message never has to clear it.
-- idle_ends_at is when it ends unless someone writes (the end delay of the settings at warning time).
ALTER TABLE conversations ADD COLUMN idle_warned_at timestamptz;
ALTER TABLE conversations ADD COLUMN idle_ends_at timestamptz;
-- The sweeper scans the open conversations through conversations_open (migration 14).

-- The web chat's settings (survey, required email, inactivity); null until an admin saves them.
ALTER TABLE settings ADD COLUMN customer_chat jsonb;
`,
} satisfies Migration;
