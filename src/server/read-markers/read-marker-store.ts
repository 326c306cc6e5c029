import type { ReadState, UnreadTotals } from '../../contract/read-markers';
import type { Database, Sql } from '../db/database';
import { HOLDER_UNREAD_SQL } from '../conversations/list-orders';
import { appendUserEvent } from '../realtime/event-log';

interface ReadRow {
  conversation_id: string;
  last_read_seq: number;
  unread_count: number;
}

const readFromRow = (row: ReadRow): ReadState => ({
  conversationId: row.conversation_id,
  lastReadSeq: row.last_read_seq,
  unreadCount: row.unread_count,
});

/**
 * Customer messages of conversation `c` after the user's marker `r` (0 when none): both counts
 * are kept on the rows (migration 14), so this counts nothing.
 */
const UNREAD_COUNT = '(c.customer_messages - COALESCE(r.read_customer_messages, 0))';

interface TotalsRow {
  mine_conversations: number;
  mine_messages: number;
  offer_conversations: number;
  offer_messages: number;
}

/**
 * The user's unread totals over what they hold and what they are offered, in one statement that
 * answers with one row however many conversations that is. The holder's counts are kept on the
 * held rows (migrations 14 and 16), so those are summed from one index range, joining nothing.
 */
export async function unreadTotals(sql: Sql, userId: string): Promise<UnreadTotals> {
  const [row] = await sql.query<TotalsRow>(
    `SELECT
       count(*) FILTER (WHERE held AND unread > 0)::int AS mine_conversations,
       COALESCE(sum(unread) FILTER (WHERE held), 0)::int AS mine_messages,
       count(*) FILTER (WHERE NOT held AND unread > 0)::int AS offer_conversations,
       COALESCE(sum(unread) FILTER (WHERE NOT held), 0)::int AS offer_messages
     FROM (
       SELECT true AS held, ${HOLDER_UNREAD_SQL} AS unread FROM conversations c WHERE c.state = 'picked' AND c.agent_id = $1
       UNION ALL
       SELECT false, ${UNREAD_COUNT} FROM conversations c
       LEFT JOIN read_markers r ON r.conversation_id = c.id AND r.user_id = $1
       WHERE c.state = 'offered' AND c.offered_to_agent_id = $1) mine`,
    [userId],
  );
  return {
    mine: { conversations: row?.mine_conversations ?? 0, messages: row?.mine_messages ?? 0 },
    offers: { conversations: row?.offer_conversations ?? 0, messages: row?.offer_messages ?? 0 },
  };
}

async function readState(sql: Sql, userId: string, conversationId: string): Promise<ReadState> {
  const [row] = await sql.query<ReadRow>(
    `SELECT c.id AS conversation_id, COALESCE(r.last_read_seq, 0) AS last_read_seq, ${UNREAD_COUNT} AS unread_count
     FROM conversations c LEFT JOIN read_markers r ON r.conversation_id = c.id AND r.user_id = $1
     WHERE c.id = $2`,
    [userId, conversationId],
  );
  if (!row) throw new Error(`conversation ${conversationId} vanished`);
  return readFromRow(row);
}

/**
 * Moves the user's marker forward to `seq` (never back, never past the last message) and tells
 * the user's other devices, in one transaction. Marking what was already read changes nothing
 * and sends no event, so a device that repeats itself costs one query.
 */
export async function markRead(db: Database, userId: string, conversationId: string, seq: number): Promise<ReadState> {
  return db.transaction(async (tx) => {
    const moved = await tx.query(
      `INSERT INTO read_markers (user_id, conversation_id, last_read_seq, read_customer_messages)
       SELECT $1, c.id, LEAST($3, c.last_seq), (SELECT count(*) FROM messages m
         WHERE m.conversation_id = c.id AND m.author_kind = 'customer' AND m.seq <= LEAST($3, c.last_seq))
       FROM conversations c WHERE c.id = $2
       ON CONFLICT (user_id, conversation_id) DO UPDATE
         SET last_read_seq = EXCLUDED.last_read_seq, read_customer_messages = EXCLUDED.read_customer_messages, updated_at = now()
         WHERE read_markers.last_read_seq < EXCLUDED.last_read_seq
       RETURNING last_read_seq`,
      [userId, conversationId, seq],
    );
    const read = await readState(tx, userId, conversationId);
    if (moved.length > 0) await appendUserEvent(tx, userId, { type: 'read.updated', read });
    return read;
  });
}
