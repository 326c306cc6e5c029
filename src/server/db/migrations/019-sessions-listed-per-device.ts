import type { Migration } from './migration';

export default {
  id: 19,
  name: 'sessions listed per device',
  sql: `
-- A user lists their logged-in devices and logs one out: each session gets an id the API can name
-- (the token hash must never leave the server) and what tells the devices apart.
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD CONSTRAINT sessions_id_key UNIQUE (id);
ALTER TABLE sessions ADD COLUMN device_name text;
ALTER TABLE sessions ADD COLUMN user_agent text;
`,
} satisfies Migration;
