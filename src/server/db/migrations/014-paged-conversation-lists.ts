import type { Migration } from './migration';

export default {
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
} satisfies Migration;
