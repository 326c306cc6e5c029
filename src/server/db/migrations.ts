import type { Database } from './database';

/**
 * Ordered, append-only. Never edit a migration that has shipped; add a new one.
 * Each runs in its own transaction together with its bookkeeping row.
 */
export const migrations: { id: number; name: string; sql: string }[] = [
  {
    id: 1,
    name: 'conversation loop',
    sql: `
CREATE TABLE queues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  address text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_agents (
  queue_id uuid NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (queue_id, user_id)
);
CREATE INDEX queue_agents_user ON queue_agents(user_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email ON customers(lower(email)) WHERE email IS NOT NULL;

CREATE TABLE conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers(id),
  queue_id uuid NOT NULL REFERENCES queues(id),
  channel text NOT NULL DEFAULT 'webchat',
  source text NOT NULL,
  destination text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'offered', 'picked', 'ended')),
  agent_id uuid REFERENCES users(id),
  customer_token_hash text UNIQUE,
  arrived_at timestamptz NOT NULL DEFAULT now(),
  picked_at timestamptz,
  ended_at timestamptz,
  ended_by text CHECK (ended_by IN ('customer', 'agent', 'system')),
  last_seq integer NOT NULL DEFAULT 0
);
CREATE INDEX conversations_waiting ON conversations(queue_id, arrived_at) WHERE state IN ('queued', 'offered');
CREATE INDEX conversations_agent ON conversations(agent_id) WHERE state = 'picked';
CREATE INDEX conversations_customer ON conversations(customer_id, arrived_at);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  seq integer NOT NULL,
  client_message_id uuid,
  author_kind text NOT NULL CHECK (author_kind IN ('customer', 'agent', 'system')),
  author_id uuid,
  author_name text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, seq),
  UNIQUE (conversation_id, client_message_id)
);

-- One row whose update serialises event appends, so seq order is commit order and a reader
-- that has seen seq N never later finds a smaller seq appear.
CREATE TABLE event_counter (id boolean PRIMARY KEY DEFAULT true CHECK (id), value bigint NOT NULL);
INSERT INTO event_counter (value) VALUES (0);

CREATE TABLE events (
  seq bigint PRIMARY KEY,
  type text NOT NULL,
  conversation_id uuid,
  queue_id uuid,
  agent_id uuid,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
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
  },
  {
    id: 3,
    name: 'transfers',
    sql: `
-- Set while a conversation transferred to one agent waits for that agent; cleared when picked.
ALTER TABLE conversations ADD COLUMN reserved_for_agent_id uuid REFERENCES users(id);
CREATE INDEX conversations_reserved ON conversations(reserved_for_agent_id) WHERE state IN ('queued', 'offered');
CREATE INDEX conversations_ended ON conversations(ended_at, id) WHERE state = 'ended';
CREATE INDEX conversations_ended_agent ON conversations(agent_id, ended_at) WHERE state = 'ended';

CREATE TABLE transfers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  from_agent_id uuid NOT NULL REFERENCES users(id),
  from_queue_id uuid NOT NULL REFERENCES queues(id),
  -- Exactly one target: a queue, or an agent (the conversation then stays in its queue).
  to_queue_id uuid REFERENCES queues(id),
  to_agent_id uuid REFERENCES users(id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((to_queue_id IS NULL) <> (to_agent_id IS NULL))
);
CREATE INDEX transfers_conversation ON transfers(conversation_id, created_at);
CREATE INDEX transfers_from_agent ON transfers(from_agent_id, conversation_id);

-- A transfer's event also reaches the agent who gave the conversation away.
ALTER TABLE events ADD COLUMN previous_agent_id uuid;
`,
  },
  {
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
  },
  {
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
  },
  {
    id: 6,
    name: 'presence, offers, read markers, preferences',
    sql: `
-- Presence and workload. idle_since orders offers: the available agent who has waited longest
-- since their last conversation (or since becoming available) is offered the next one.
ALTER TABLE users ADD COLUMN presence text NOT NULL DEFAULT 'offline'
  CHECK (presence IN ('available', 'busy', 'away', 'offline'));
ALTER TABLE users ADD COLUMN presence_since timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN presence_reason text CHECK (presence_reason IN ('missed_offers', 'lost_connection'));
ALTER TABLE users ADD COLUMN capacity integer NOT NULL DEFAULT 5 CHECK (capacity BETWEEN 1 AND 50);
ALTER TABLE users ADD COLUMN idle_since timestamptz NOT NULL DEFAULT now();
-- Offers let expire in a row; reset by an accepted offer or by choosing a presence.
ALTER TABLE users ADD COLUMN missed_offers integer NOT NULL DEFAULT 0;
-- When the user's last connection (on any instance) was last known alive.
ALTER TABLE users ADD COLUMN last_seen_at timestamptz;

-- Open realtime sockets per server instance and user. Each instance refreshes seen_at while
-- it runs; rows of an instance that died go stale, so "connected" never outlives a crash.
CREATE TABLE staff_connections (
  instance_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sockets integer NOT NULL CHECK (sockets > 0),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instance_id, user_id)
);
CREATE INDEX staff_connections_user ON staff_connections(user_id, seen_at);

ALTER TABLE queues ADD COLUMN routing_mode text NOT NULL DEFAULT 'pick' CHECK (routing_mode IN ('pick', 'offer'));

-- The current offer of a conversation in state 'offered'.
ALTER TABLE conversations ADD COLUMN offered_to_agent_id uuid REFERENCES users(id);
ALTER TABLE conversations ADD COLUMN offer_expires_at timestamptz;
-- Counts the times the conversation started waiting again (transfer, lost agent): whoever
-- declined an offer in this round is not offered it again in the same round.
ALTER TABLE conversations ADD COLUMN offer_round integer NOT NULL DEFAULT 0;
-- Came back because its agent was lost: waits at the top of its queue.
ALTER TABLE conversations ADD COLUMN returned_at timestamptz;
CREATE INDEX conversations_offered ON conversations(offer_expires_at) WHERE state = 'offered';
CREATE INDEX conversations_offered_to ON conversations(offered_to_agent_id) WHERE state = 'offered';

-- Every offer and how it ended: the conversation's record, and the routing's memory.
CREATE TABLE offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  round integer NOT NULL,
  agent_id uuid NOT NULL REFERENCES users(id),
  offered_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  outcome text CHECK (outcome IN ('accepted', 'rejected', 'expired', 'withdrawn')),
  decided_at timestamptz
);
CREATE INDEX offers_conversation ON offers(conversation_id, round, agent_id);

-- Per user and conversation: the last message seq seen, on any device.
CREATE TABLE read_markers (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  last_read_seq integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, conversation_id)
);

CREATE TABLE user_preferences (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  preferences jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE settings ADD COLUMN routing jsonb;

-- Events addressed to one user's own devices (read markers, preferences).
ALTER TABLE events ADD COLUMN user_id uuid;
-- A conversation's own events, for its audit trail.
CREATE INDEX events_conversation ON events(conversation_id, seq) WHERE conversation_id IS NOT NULL;
-- Sorting by the customer's messages.
CREATE INDEX messages_author ON messages(conversation_id, author_kind, seq);
`,
  },
  {
    id: 7,
    name: 'supervision and administration',
    sql: `
-- Waiting conversations per queue, sampled about once a minute, for the dashboard's chart.
CREATE TABLE queue_waiting_samples (
  queue_id uuid NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  sampled_at timestamptz NOT NULL,
  waiting integer NOT NULL,
  PRIMARY KEY (queue_id, sampled_at)
);
CREATE INDEX queue_waiting_samples_time ON queue_waiting_samples(sampled_at);

-- A supervisor or admin moved the conversation, rather than the agent holding it.
ALTER TABLE transfers ADD COLUMN reassigned boolean NOT NULL DEFAULT false;

-- What admins changed in the workspace, newest first.
CREATE TABLE admin_audit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  actor_id uuid NOT NULL REFERENCES users(id),
  actor_name text NOT NULL,
  action text NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('queue', 'user', 'settings')),
  target_id uuid,
  target_name text NOT NULL,
  summary text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_created ON admin_audit(created_at DESC);
`,
  },
  {
    id: 8,
    name: 'session idle timeout',
    sql: `
-- Session lifetimes (idle minutes, maximum days), set by admins.
ALTER TABLE settings ADD COLUMN security jsonb;
-- Refreshed at most about once a minute while the session is used (requests, open sockets).
ALTER TABLE sessions ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now();
`,
  },
  {
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
  },
  {
    id: 11,
    name: 'conversation trail kept beyond the event log',
    sql: `
-- The event log is pruned after a while (retention); the events a conversation's audit trail is
-- made of are copied here first, so the trail outlives the log. Same columns as in events.
CREATE TABLE conversation_trail (
  seq bigint PRIMARY KEY,
  conversation_id uuid NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX conversation_trail_conversation ON conversation_trail(conversation_id, seq);
`,
  },
  {
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
  },
  {
    id: 14,
    name: 'paged conversation lists',
    sql: `
-- What the lists sort on, kept on the conversation row so a page is an index range instead of
-- a subquery over every conversation's messages. The trigger below keeps them in the message's
-- own transaction, whatever code inserts the message.
ALTER TABLE conversations
  ADD COLUMN last_customer_message_at timestamptz,
  ADD COLUMN awaiting_reply_since timestamptz,
  ADD COLUMN customer_messages integer NOT NULL DEFAULT 0;
-- Customer messages up to last_read_seq, so unread = customer_messages - this, without counting.
ALTER TABLE read_markers ADD COLUMN read_customer_messages integer NOT NULL DEFAULT 0;

UPDATE conversations c SET customer_messages = s.n, last_customer_message_at = s.last_at
FROM (SELECT conversation_id, count(*)::int AS n, (array_agg(created_at ORDER BY seq DESC))[1] AS last_at
      FROM messages WHERE author_kind = 'customer' GROUP BY conversation_id) s
WHERE s.conversation_id = c.id;
UPDATE conversations c SET awaiting_reply_since = w.since
FROM (SELECT m.conversation_id, (array_agg(m.created_at ORDER BY m.seq))[1] AS since
      FROM messages m
      LEFT JOIN (SELECT conversation_id, max(seq) AS seq FROM messages WHERE author_kind = 'agent' GROUP BY conversation_id) a
        ON a.conversation_id = m.conversation_id
      WHERE m.author_kind = 'customer' AND m.seq > COALESCE(a.seq, 0)
      GROUP BY m.conversation_id) w
WHERE w.conversation_id = c.id;
UPDATE read_markers r SET read_customer_messages = (SELECT count(*) FROM messages m
  WHERE m.conversation_id = r.conversation_id AND m.author_kind = 'customer' AND m.seq <= r.last_read_seq);

-- Messages of one conversation are inserted in seq order (last_seq is bumped under the row lock),
-- so "the latest customer message" is simply the one being inserted. System messages answer nobody.
CREATE FUNCTION conversation_message_totals() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.author_kind = 'customer' THEN
    UPDATE conversations SET customer_messages = customer_messages + 1, last_customer_message_at = NEW.created_at,
      awaiting_reply_since = COALESCE(awaiting_reply_since, NEW.created_at)
    WHERE id = NEW.conversation_id;
  ELSIF NEW.author_kind = 'agent' THEN
    UPDATE conversations SET awaiting_reply_since = NULL WHERE id = NEW.conversation_id AND awaiting_reply_since IS NOT NULL;
  END IF;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER messages_conversation_totals AFTER INSERT ON messages
  FOR EACH ROW EXECUTE FUNCTION conversation_message_totals();

-- The customer's label as the list shows it (name, else phone, else email), lower-cased for the
-- A-Z order. Customers are never renamed, so it is set once, when the conversation is inserted.
ALTER TABLE conversations ADD COLUMN customer_sort_name text NOT NULL DEFAULT '';
UPDATE conversations c SET customer_sort_name = lower(COALESCE(NULLIF(cu.name, ''), cu.phone, cu.email, ''))
FROM customers cu WHERE cu.id = c.customer_id;
CREATE FUNCTION conversation_customer_sort_name() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  SELECT lower(COALESCE(NULLIF(cu.name, ''), cu.phone, cu.email, '')) INTO NEW.customer_sort_name FROM customers cu WHERE cu.id = NEW.customer_id;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER conversations_customer_sort_name BEFORE INSERT ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversation_customer_sort_name();

-- One index per list order (conversation-pages.ts), each ending in id so every key is unique.
CREATE INDEX conversations_picklist ON conversations((returned_at IS NULL), arrived_at, id) WHERE state = 'queued';
CREATE INDEX conversations_held_arrival ON conversations(agent_id, arrived_at, id) WHERE state = 'picked';
CREATE INDEX conversations_held_customer_message
  ON conversations(agent_id, COALESCE(last_customer_message_at, '-infinity'::timestamptz) DESC, arrived_at, id) WHERE state = 'picked';
CREATE INDEX conversations_held_waiting
  ON conversations(agent_id, COALESCE(awaiting_reply_since, 'infinity'::timestamptz), arrived_at, id) WHERE state = 'picked';
CREATE INDEX conversations_held_customer_name
  ON conversations(agent_id, customer_sort_name COLLATE "C", arrived_at, id) WHERE state = 'picked';
CREATE INDEX conversations_open ON conversations(arrived_at, id) WHERE state IN ('queued', 'offered', 'picked');
CREATE INDEX conversations_open_queue ON conversations(queue_id, arrived_at, id) WHERE state IN ('queued', 'offered', 'picked');
`,
  },
  {
    id: 15,
    name: 'indexes for History search and the supervisor dashboard',
    sql: `
-- History search matches any part of a customer's name, email or phone: trigram indexes let it
-- find the few matching customers instead of reading them all. pg_trgm ships with PostgreSQL's
-- contrib and with PGlite; where it cannot be installed the search still works, by scanning.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%); History search will scan customers', SQLERRM;
END $$;
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    -- fastupdate off: no pending list that searches would read through until the next vacuum.
    CREATE INDEX customers_name_trgm ON customers USING gin (name gin_trgm_ops) WITH (fastupdate = off);
    CREATE INDEX customers_email_trgm ON customers USING gin (email gin_trgm_ops) WITH (fastupdate = off);
    CREATE INDEX customers_phone_trgm ON customers USING gin (phone gin_trgm_ops) WITH (fastupdate = off);
  END IF;
END $$;

-- The dashboard counts open conversations per queue and state: read from this small index
-- instead of every conversation ever had.
CREATE INDEX conversations_open_by_queue_state ON conversations(queue_id, state) WHERE state IN ('queued', 'offered', 'picked');
`,
  },
  {
    id: 16,
    name: 'unread-first order on an index',
    sql: `
-- "My conversations, unread first" sorts on the holder's unread count. That count lives across two
-- tables (customer_messages here, read_customer_messages on the holder's marker), so no index could
-- serve the order: every held conversation was joined and sorted for each page. The holder's side
-- is kept on the row too, by the triggers below, and the order reads an index range.
ALTER TABLE conversations ADD COLUMN holder_read_messages integer NOT NULL DEFAULT 0;
UPDATE conversations c SET holder_read_messages = r.read_customer_messages
FROM read_markers r WHERE r.conversation_id = c.id AND r.user_id = c.agent_id;

-- The holder reads: their marker moves, and so does the copy on the row.
CREATE FUNCTION read_marker_holder_copy() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  UPDATE conversations SET holder_read_messages = NEW.read_customer_messages
  WHERE id = NEW.conversation_id AND agent_id = NEW.user_id AND holder_read_messages IS DISTINCT FROM NEW.read_customer_messages;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER read_markers_holder_copy AFTER INSERT OR UPDATE ON read_markers
  FOR EACH ROW EXECUTE FUNCTION read_marker_holder_copy();

-- Another agent holds it (picked, accepted, transferred, returned): the copy is theirs from now on.
CREATE FUNCTION conversation_holder_read() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.holder_read_messages := COALESCE(
    (SELECT r.read_customer_messages FROM read_markers r WHERE r.conversation_id = NEW.id AND r.user_id = NEW.agent_id), 0);
  RETURN NEW;
END
$fn$;
CREATE TRIGGER conversations_holder_read BEFORE UPDATE OF agent_id ON conversations
  FOR EACH ROW WHEN (NEW.agent_id IS DISTINCT FROM OLD.agent_id) EXECUTE FUNCTION conversation_holder_read();

CREATE INDEX conversations_held_unread
  ON conversations(agent_id, (customer_messages - holder_read_messages) DESC, arrived_at, id) WHERE state = 'picked';
`,
  },
];

/** Applies pending migrations; safe when several instances start at once on one PostgreSQL. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // Serialises concurrent starters; released at commit. The key is arbitrary but fixed.
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    }
  });
}
