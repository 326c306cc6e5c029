import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { ConversationPage } from '../../contract/conversations';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { ReadMarkers } from '../db/schema.gen';
import { conversationColumns, conversationFromRow, conversationJoins, type ConversationRow } from './conversation-store';
import { decodeListCursor, encodeListCursor } from './list-cursor';
import { afterSql, keyText, orderBy, UNREAD_COUNT, type ListOrder } from './list-orders';

/**
 * One page of a conversation list in two statements whatever the page size: the page (its keys
 * found on an index, then each row's names, latest transfer and first/last messages joined for
 * those rows only) and the list's total.
 */

/** Which rows a list holds: a condition on `conversations c`, its values as parameters. */
export type ListFilter = RawBuilder<boolean>;

export interface PageRequest {
  filter: ListFilter;
  order: ListOrder;
  /** Names the list, order and filter inside the cursor, so a cursor only continues its own list. */
  listing: string;
  cursor: string | undefined;
  limit: number;
  /** Whose read state the page brings (mine, offers); null: none. */
  readerId: string | null;
}

/** A page's row: the conversation, the reader's marker and unread count, and its key as text (k0, k1, …). */
type PageRow = ConversationRow & {
  read_seq: Selectable<ReadMarkers>['last_read_seq'] | null;
  unread_count: number | null;
  [key: `k${number}`]: string;
};

export async function listPage(db: Sql, q: PageRequest): Promise<ConversationPage> {
  const { order, filter } = q;
  const after = q.cursor ? decodeListCursor(q.cursor, q.listing, order) : null;
  const keys = sql.raw(order.keys.map((k, i) => `${keyText(k)} AS k${i}`).join(', '));
  // The page's keys found first (a CTE), then its rows joined: kept as written, a template.
  const { rows } = await sql<PageRow>`
    WITH page AS (
       SELECT c.id FROM conversations c
       WHERE ${after ? sql`${filter} AND ${afterSql(order, after)}` : filter}
       ORDER BY ${orderBy(order)}
       LIMIT ${q.limit + 1})
     SELECT ${conversationColumns}, ${keys},
       r.last_read_seq AS read_seq, ${UNREAD_COUNT} AS unread_count
     FROM page JOIN conversations c ON c.id = page.id
     ${conversationJoins}
     LEFT JOIN read_markers r ON r.conversation_id = c.id AND r.user_id = ${q.readerId}::uuid
     ORDER BY ${orderBy(order)}`.execute(typed(db));
  const count = await typed(db).selectFrom('conversations as c').select(sql<number>`count(*)::int`.as('total')).where(filter).executeTakeFirst();
  // One more row than asked tells whether another page exists.
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    conversations: page.map(conversationFromRow),
    nextCursor: rows.length > q.limit && last ? encodeListCursor(q.listing, order.keys.map((_, i) => String(last[`k${i}`]))) : null,
    total: count?.total ?? 0,
    reads:
      q.readerId === null
        ? []
        : page.map((row) => ({ conversationId: row.id, lastReadSeq: row.read_seq ?? 0, unreadCount: row.unread_count ?? 0 })),
  };
}

/**
 * The picklist's rows: for an agent, queued conversations of their queues not reserved for
 * someone, and those reserved for them in any queue; everyone else sees all queued ones. A
 * conversation being offered is one agent's offer, in nobody's picklist.
 */
export function picklistFilter(agent: { id: string; queueIds: string[] } | null): ListFilter {
  // A message left while its queue was closed (held_until set) joins the picklist at the opening.
  if (!agent) return sql`c.state = 'queued' AND c.held_until IS NULL`;
  return sql`c.state = 'queued' AND c.held_until IS NULL AND ((c.reserved_for_agent_id IS NULL AND c.queue_id = ANY(${agent.queueIds}::uuid[])) OR c.reserved_for_agent_id = ${agent.id}::uuid)`;
}

export const offersFilter = (agentId: string): ListFilter => sql`c.state = 'offered' AND c.offered_to_agent_id = ${agentId}::uuid`;

export const heldFilter = (agentId: string): ListFilter => sql`c.state = 'picked' AND c.agent_id = ${agentId}::uuid`;

/** Every open conversation (waiting, offered or held), of one queue or all, for supervisors. */
export const openFilter = (queueId: string | null): ListFilter =>
  queueId === null
    ? sql`c.state IN ('queued', 'offered', 'picked')`
    : sql`c.state IN ('queued', 'offered', 'picked') AND c.queue_id = ${queueId}::uuid`;
