import { sql } from 'kysely';
import type { ReadState, UnreadTotals } from '../../contract/read-markers';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { ReadMarkers } from '../db/schema.gen';
import { HOLDER_UNREAD_SQL, UNREAD_COUNT } from '../conversations/list-orders';
import { appendUserEvent } from '../realtime/event-log';

/**
 * The user's unread totals over what they hold and what they are offered, in one statement that
 * answers with one row however many conversations that is. The holder's counts are kept on the
 * held rows (migrations 14 and 16), so those are summed from one index range, joining nothing.
 */
export async function unreadTotals(db: Sql, userId: string): Promise<UnreadTotals> {
  // Aggregates over a UNION ALL: the statement as written reads best; its columns are counts.
  const { rows: [row] } = await sql<{ mine_conversations: number; mine_messages: number; offer_conversations: number; offer_messages: number }>`
    SELECT
       count(*) FILTER (WHERE held AND unread > 0)::int AS mine_conversations,
       COALESCE(sum(unread) FILTER (WHERE held), 0)::int AS mine_messages,
       count(*) FILTER (WHERE NOT held AND unread > 0)::int AS offer_conversations,
       COALESCE(sum(unread) FILTER (WHERE NOT held), 0)::int AS offer_messages
     FROM (
       SELECT true AS held, ${sql.raw(HOLDER_UNREAD_SQL)} AS unread FROM conversations c WHERE c.state = 'picked' AND c.agent_id = ${userId}
       UNION ALL
       SELECT false, ${UNREAD_COUNT} FROM conversations c
       LEFT JOIN read_markers r ON r.conversation_id = c.id AND r.user_id = ${userId}
       WHERE c.state = 'offered' AND c.offered_to_agent_id = ${userId}) mine`.execute(typed(db));
  return {
    mine: { conversations: row?.mine_conversations ?? 0, messages: row?.mine_messages ?? 0 },
    offers: { conversations: row?.offer_conversations ?? 0, messages: row?.offer_messages ?? 0 },
  };
}

async function readState(db: Sql, userId: string, conversationId: string): Promise<ReadState> {
  const row = await typed(db)
    .selectFrom('conversations as c')
    .leftJoin('read_markers as r', (join) => join.onRef('r.conversation_id', '=', 'c.id').on('r.user_id', '=', userId))
    .select((eb) => ['c.id', eb.fn.coalesce('r.last_read_seq', eb.lit(0)).as('last_read_seq'), UNREAD_COUNT.as('unread_count')])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) throw new Error(`conversation ${conversationId} vanished`);
  return { conversationId: row.id, lastReadSeq: row.last_read_seq, unreadCount: row.unread_count };
}

/**
 * Moves the user's marker forward to `seq` (never back, never past the last message) and tells
 * the user's other devices, in one transaction. Marking what was already read changes nothing
 * and sends no event, so a device that repeats itself costs one query.
 */
export async function markRead(db: Database, userId: string, conversationId: string, seq: number): Promise<ReadState> {
  return db.transaction(async (tx) => {
    // The upsert's conditional DO UPDATE (forward only) is the rule: kept as written.
    const { rows: moved } = await sql<Pick<ReadMarkers, 'last_read_seq'>>`
      INSERT INTO read_markers (user_id, conversation_id, last_read_seq, read_customer_messages)
       SELECT ${userId}, c.id, LEAST(${seq}, c.last_seq), (SELECT count(*) FROM messages m
         WHERE m.conversation_id = c.id AND m.author_kind = 'customer' AND m.seq <= LEAST(${seq}, c.last_seq))
       FROM conversations c WHERE c.id = ${conversationId}
       ON CONFLICT (user_id, conversation_id) DO UPDATE
         SET last_read_seq = EXCLUDED.last_read_seq, read_customer_messages = EXCLUDED.read_customer_messages, updated_at = now()
         WHERE read_markers.last_read_seq < EXCLUDED.last_read_seq
       RETURNING last_read_seq`.execute(typed(tx));
    const read = await readState(tx, userId, conversationId);
    if (moved.length > 0) await appendUserEvent(tx, userId, { type: 'read.updated', read });
    return read;
  });
}
