import type { Migration } from './migration';

export default {
  id: 12,
  name: 'event log without a global lock',
  sql: `
-- Writers no longer take the next seq from event_counter (whose row lock serialised every writer
-- on commit latency). They insert with seq NULL; the sequencer (src/server/realtime/sequencer.ts)
-- numbers committed rows in id order, one short transaction per batch. id is insertion order.
ALTER TABLE events ADD COLUMN id bigserial;
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD PRIMARY KEY (id);
ALTER TABLE events ALTER COLUMN seq DROP NOT NULL;
CREATE UNIQUE INDEX events_seq ON events(seq);
CREATE INDEX events_unsequenced ON events(id) WHERE seq IS NULL;
-- The url_key of each file the event's messages carry (attachment id -> key), so delivery signs
-- links in memory instead of querying attachments on every read. Never sent to clients.
ALTER TABLE events ADD COLUMN link_keys jsonb;
`,
} satisfies Migration;
