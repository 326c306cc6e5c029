import type { ConversationPage } from '../../contract/conversations';
import type { Sql } from '../db/database';
import { MESSAGE_COLUMNS } from '../messages/message-store';
import { conversationFromRow, TRANSFER_SELECT, type ConversationRow } from './conversation-store';
import { decodeListCursor, encodeListCursor } from './list-cursor';
import { afterSql, keyText, orderBy, UNREAD_SQL, type ListOrder } from './list-orders';

/**
 * One page of a conversation list in two statements whatever the page size: the page (its keys
 * found on an index, then each row's names, latest transfer and first/last messages joined for
 * those rows only) and the list's total.
 */

/** Which rows a list holds, as SQL over `conversations c` with its parameters from $1. */
export interface ListFilter {
  where: string;
  params: unknown[];
}

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

// For the page's rows only: one index probe each, no subquery over the whole list.
const PAGE_COLUMNS = `
  c.id, c.customer_id, cu.name AS customer_name, cu.email AS customer_email, cu.phone AS customer_phone,
  cu.verified AS customer_verified, cu.external_id AS customer_external_id,
  c.queue_id, q.name AS queue_name, q.address AS queue_address, c.channel, c.source, c.destination,
  c.state, c.agent_id, u.display_name AS agent_name, c.arrived_at, c.picked_at, c.ended_at, c.ended_by, c.last_seq,
  c.reserved_for_agent_id, rs.display_name AS reserved_for_name,
  c.offered_to_agent_id, o.display_name AS offered_to_name, c.offer_expires_at, c.returned_at,
  c.last_customer_message_at, c.awaiting_reply_since,
  lt.j AS last_transfer, fm.j AS first_message, lm.j AS last_message`;
const PAGE_JOINS = `
JOIN customers cu ON cu.id = c.customer_id
JOIN queues q ON q.id = c.queue_id
LEFT JOIN users u ON u.id = c.agent_id
LEFT JOIN users rs ON rs.id = c.reserved_for_agent_id
LEFT JOIN users o ON o.id = c.offered_to_agent_id
LEFT JOIN LATERAL (SELECT row_to_json(t) AS j FROM (${TRANSFER_SELECT} WHERE t.conversation_id = c.id
  ORDER BY t.created_at DESC, t.id DESC LIMIT 1) t) lt ON true
LEFT JOIN LATERAL (SELECT row_to_json(x) AS j FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m
  WHERE m.conversation_id = c.id AND m.author_kind = 'customer' ORDER BY m.seq LIMIT 1) x) fm ON true
LEFT JOIN LATERAL (SELECT row_to_json(x) AS j FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m
  WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) x) lm ON true`;

interface PageRow extends ConversationRow {
  read_seq: number | null;
  unread_count: number | null;
  [key: `k${number}`]: string;
}

export async function listPage(sql: Sql, q: PageRequest): Promise<ConversationPage> {
  const { order, filter } = q;
  const after = q.cursor ? decodeListCursor(q.cursor, q.listing, order) : null;
  const n = filter.params.length;
  // Parameters after the filter's: the reader, the limit, then the cursor's key values.
  const readerParam = n + 1;
  const limitParam = n + 2;
  const reads = `LEFT JOIN read_markers r ON r.conversation_id = c.id AND r.user_id = $${readerParam}::uuid`;
  const keys = order.keys.map((k, i) => `${keyText(k)} AS k${i}`).join(', ');
  const rows = await sql.query<PageRow>(
    `WITH page AS (
       SELECT c.id FROM conversations c
       WHERE ${filter.where} ${after ? `AND ${afterSql(order, n + 3)}` : ''}
       ORDER BY ${orderBy(order)}
       LIMIT $${limitParam})
     SELECT ${PAGE_COLUMNS}, ${keys},
       r.last_read_seq AS read_seq, ${UNREAD_SQL} AS unread_count
     FROM page JOIN conversations c ON c.id = page.id
     ${PAGE_JOINS}
     ${reads}
     ORDER BY ${orderBy(order)}`,
    [...filter.params, q.readerId, q.limit + 1, ...(after ?? [])],
  );
  const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM conversations c WHERE ${filter.where}`, filter.params);
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
  if (!agent) return { where: `c.state = 'queued'`, params: [] };
  return {
    where: `c.state = 'queued' AND ((c.reserved_for_agent_id IS NULL AND c.queue_id = ANY($1::uuid[])) OR c.reserved_for_agent_id = $2::uuid)`,
    params: [agent.queueIds, agent.id],
  };
}

export const offersFilter = (agentId: string): ListFilter => ({
  where: `c.state = 'offered' AND c.offered_to_agent_id = $1::uuid`,
  params: [agentId],
});

export const heldFilter = (agentId: string): ListFilter => ({ where: `c.state = 'picked' AND c.agent_id = $1::uuid`, params: [agentId] });

/** Every open conversation (waiting, offered or held), of one queue or all, for supervisors. */
export const openFilter = (queueId: string | null): ListFilter =>
  queueId === null
    ? { where: `c.state IN ('queued', 'offered', 'picked')`, params: [] }
    : { where: `c.state IN ('queued', 'offered', 'picked') AND c.queue_id = $1::uuid`, params: [queueId] };
