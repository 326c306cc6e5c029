import type { Migration } from './migration';

export default {
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
} satisfies Migration;
