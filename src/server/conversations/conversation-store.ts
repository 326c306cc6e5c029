import type { Conversation, ConversationState, Transfer } from '../../contract/conversations';
import type { Message } from '../../contract/messages';
import type { Sql } from '../db/database';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../messages/message-store';

export interface ConversationRow {
  id: string;
  customer_id: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
  customer_verified: boolean;
  customer_external_id: string | null;
  queue_id: string;
  queue_name: string;
  queue_address: string;
  channel: 'webchat';
  source: string;
  destination: string;
  state: ConversationState;
  agent_id: string | null;
  agent_name: string | null;
  arrived_at: Date | string;
  picked_at: Date | string | null;
  ended_at: Date | string | null;
  ended_by: 'customer' | 'agent' | 'system' | null;
  reserved_for_agent_id: string | null;
  reserved_for_name: string | null;
  offered_to_agent_id: string | null;
  offered_to_name: string | null;
  offer_expires_at: Date | string | null;
  returned_at: Date | string | null;
  last_customer_message_at: Date | string | null;
  awaiting_reply_since: Date | string | null;
  last_transfer: TransferRow | null;
  last_seq: number;
  first_message: MessageRow | null;
  last_message: MessageRow | null;
}

const withoutClientId = (m: Message): Message => ({ ...m, clientMessageId: null });

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** A transfer joined with the names it shows; also what row_to_json gives for `last_transfer`. */
export interface TransferRow {
  id: string;
  conversation_id: string;
  from_agent_id: string;
  from_agent_name: string;
  from_queue_id: string;
  from_queue_name: string;
  to_queue_id: string | null;
  to_queue_name: string | null;
  to_agent_id: string | null;
  to_agent_name: string | null;
  note: string | null;
  created_at: Date | string;
}

/** Selects TransferRow columns from `transfers t`. */
export const TRANSFER_SELECT = `
SELECT t.id, t.conversation_id, t.from_agent_id, fa.display_name AS from_agent_name,
  t.from_queue_id, fq.name AS from_queue_name, t.to_queue_id, tq.name AS to_queue_name,
  t.to_agent_id, ta.display_name AS to_agent_name, t.note, t.created_at
FROM transfers t
JOIN users fa ON fa.id = t.from_agent_id
JOIN queues fq ON fq.id = t.from_queue_id
LEFT JOIN queues tq ON tq.id = t.to_queue_id
LEFT JOIN users ta ON ta.id = t.to_agent_id`;

export function transferFromRow(row: TransferRow): Transfer {
  return {
    id: row.id,
    from: { id: row.from_agent_id, displayName: row.from_agent_name },
    fromQueue: { id: row.from_queue_id, name: row.from_queue_name },
    toQueue: row.to_queue_id ? { id: row.to_queue_id, name: row.to_queue_name ?? 'Unknown queue' } : null,
    toAgent: row.to_agent_id ? { id: row.to_agent_id, displayName: row.to_agent_name ?? 'Unknown agent' } : null,
    note: row.note,
    at: iso(row.created_at)!,
  };
}

// row_to_json gives timestamps as text; messageFromRow normalises them. The reply-waiting
// fields are kept on the row by a trigger (migration 14).
const CONVERSATION_COLUMNS = `
c.id, c.customer_id, cu.name AS customer_name, cu.email AS customer_email, cu.phone AS customer_phone,
  cu.verified AS customer_verified, cu.external_id AS customer_external_id,
  c.queue_id, q.name AS queue_name, q.address AS queue_address, c.channel, c.source, c.destination,
  c.state, c.agent_id, u.display_name AS agent_name, c.arrived_at, c.picked_at, c.ended_at, c.ended_by, c.last_seq,
  c.reserved_for_agent_id, r.display_name AS reserved_for_name,
  c.offered_to_agent_id, o.display_name AS offered_to_name, c.offer_expires_at, c.returned_at,
  c.last_customer_message_at, c.awaiting_reply_since,
  (SELECT row_to_json(lt) FROM (${TRANSFER_SELECT} WHERE t.conversation_id = c.id
    ORDER BY t.created_at DESC, t.id DESC LIMIT 1) lt) AS last_transfer,
  (SELECT row_to_json(x) FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'customer'
    ORDER BY m.seq LIMIT 1) x) AS first_message,
  (SELECT row_to_json(x) FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = c.id
    ORDER BY m.seq DESC LIMIT 1) x) AS last_message`;
const CONVERSATION_FROM = `
FROM conversations c
JOIN customers cu ON cu.id = c.customer_id
JOIN queues q ON q.id = c.queue_id
LEFT JOIN users u ON u.id = c.agent_id
LEFT JOIN users r ON r.id = c.reserved_for_agent_id
LEFT JOIN users o ON o.id = c.offered_to_agent_id`;
const SELECT_CONVERSATION = `SELECT ${CONVERSATION_COLUMNS} ${CONVERSATION_FROM}`;

export function conversationFromRow(row: ConversationRow): Conversation {
  return {
    id: row.id,
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      email: row.customer_email,
      phone: row.customer_phone,
      verified: row.customer_verified,
      externalId: row.customer_external_id,
    },
    queue: { id: row.queue_id, name: row.queue_name, address: row.queue_address },
    channel: row.channel,
    source: row.source,
    destination: row.destination,
    state: row.state,
    arrivedAt: iso(row.arrived_at)!,
    agent: row.agent_id ? { id: row.agent_id, displayName: row.agent_name ?? 'Unknown agent' } : null,
    pickedAt: iso(row.picked_at),
    endedAt: iso(row.ended_at),
    endedBy: row.ended_by,
    reservedFor: row.reserved_for_agent_id
      ? { id: row.reserved_for_agent_id, displayName: row.reserved_for_name ?? 'Unknown agent' }
      : null,
    offer:
      row.state === 'offered' && row.offered_to_agent_id && row.offer_expires_at
        ? { agent: { id: row.offered_to_agent_id, displayName: row.offered_to_name ?? 'Unknown agent' }, expiresAt: iso(row.offer_expires_at)! }
        : null,
    returnedAt: iso(row.returned_at),
    lastCustomerMessageAt: iso(row.last_customer_message_at),
    awaitingReplySince: iso(row.awaiting_reply_since),
    lastTransfer: row.last_transfer ? transferFromRow(row.last_transfer) : null,
    // Conversations reach every staff member who may see them: no author's client id (messageFor).
    firstMessage: row.first_message ? withoutClientId(messageFromRow(row.first_message)) : null,
    lastMessage: row.last_message ? withoutClientId(messageFromRow(row.last_message)) : null,
    lastSeq: row.last_seq,
  };
}

export async function getConversation(sql: Sql, id: string): Promise<Conversation | null> {
  const [row] = await sql.query<ConversationRow>(`${SELECT_CONVERSATION} WHERE c.id = $1`, [id]);
  return row ? conversationFromRow(row) : null;
}

/** Which conversations a list may show: for an agent those canView allows, for everyone else all (null). */
export type Visibility = { queueIds: string[]; agentId: string } | null;

/**
 * The SQL form of canView for conversations `c`, given the parameter numbers of the visibility's
 * queue ids and agent id: an agent sees their queues, what they hold or held, what is reserved
 * for them, and what they transferred away.
 */
export function visibleSql(queueIdsParam: number, agentIdParam: number): string {
  const agent = `$${agentIdParam}::uuid`;
  return `($${queueIdsParam}::uuid[] IS NULL OR c.queue_id = ANY($${queueIdsParam})
    OR c.agent_id = ${agent} OR c.reserved_for_agent_id = ${agent}
    OR EXISTS (SELECT 1 FROM transfers vt WHERE vt.conversation_id = c.id AND vt.from_agent_id = ${agent}))`;
}

/** Whether `agentId` ever transferred the conversation away: they may still open it. */
export async function transferredBy(sql: Sql, conversationId: string, agentId: string): Promise<boolean> {
  const rows = await sql.query('SELECT 1 FROM transfers WHERE conversation_id = $1 AND from_agent_id = $2 LIMIT 1', [
    conversationId,
    agentId,
  ]);
  return rows.length > 0;
}

/** A position in a list ordered by arrival: the arrival time at full (microsecond) precision, and the id. */
export interface ArrivalKey {
  arrivedAt: string;
  id: string;
}

/**
 * One page of a customer's conversations ordered by arrival, after `after` (exclusive) when
 * given, skipping `excludeId`. Each row comes with its exact key for asking for the next page:
 * the ISO time in `Conversation.arrivedAt` has only milliseconds and would skip or repeat rows.
 */
export async function listCustomerConversations(
  sql: Sql,
  q: {
    customerId: string;
    excludeId: string;
    visibility: Visibility;
    order: 'newest' | 'oldest';
    after: ArrivalKey | null;
    limit: number;
  },
): Promise<{ conversation: Conversation; key: ArrivalKey }[]> {
  // Fixed fragments picked by `order`, never caller text.
  const [compare, direction] = q.order === 'newest' ? ['<', 'DESC'] : ['>', 'ASC'];
  const rows = await sql.query<ConversationRow & { arrival_key: string }>(
    `SELECT ${CONVERSATION_COLUMNS},
       to_char(c.arrived_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS arrival_key
     ${CONVERSATION_FROM}
     WHERE c.customer_id = $1 AND c.id <> $2
       AND ${visibleSql(3, 4)}
       AND ($5::timestamptz IS NULL OR (c.arrived_at, c.id) ${compare} ($5::timestamptz, $6::uuid))
     ORDER BY c.arrived_at ${direction}, c.id ${direction}
     LIMIT $7`,
    [
      q.customerId,
      q.excludeId,
      q.visibility?.queueIds ?? null,
      q.visibility?.agentId ?? null,
      q.after?.arrivedAt ?? null,
      q.after?.id ?? null,
      q.limit,
    ],
  );
  return rows.map((row) => ({ conversation: conversationFromRow(row), key: { arrivedAt: row.arrival_key, id: row.id } }));
}

/** A position in a list sorted by one time column: that time at full (microsecond) precision, and the id. */
export interface TimeKey {
  at: string;
  id: string;
}

/** Escapes LIKE's wildcards (and its escape character) so user text matches literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * One page of ended conversations, sorted by arrival or end time, after `after` (exclusive) when
 * given. With `handledBy`, only those that agent held when they ended or transferred away at
 * some point. `search` matches part of the customer's name, email or phone, in any case.
 * The agent's transfers are one set read once (an uncorrelated IN, hashed), not a lookup per
 * row; a search starts from the few customers it matches (trigram indexes, migration 15) rather
 * than reading every customer. One statement per page whatever its size.
 */
export async function listHandled(
  sql: Sql,
  q: {
    handledBy: string | null;
    search: string | null;
    sort: 'arrived' | 'ended';
    order: 'newest' | 'oldest';
    after: TimeKey | null;
    limit: number;
  },
): Promise<{ conversation: Conversation; key: TimeKey }[]> {
  // Fixed fragments picked by `sort` and `order`, never caller text.
  const column = q.sort === 'arrived' ? 'c.arrived_at' : 'c.ended_at';
  const [compare, direction] = q.order === 'newest' ? ['<', 'DESC'] : ['>', 'ASC'];
  const rows = await sql.query<ConversationRow & { sort_key: string }>(
    `SELECT ${CONVERSATION_COLUMNS},
       to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key
     ${CONVERSATION_FROM}
     WHERE c.state = 'ended' AND ${column} IS NOT NULL
       AND ($1::uuid IS NULL OR c.agent_id = $1::uuid
         OR c.id IN (SELECT ht.conversation_id FROM transfers ht WHERE ht.from_agent_id = $1::uuid))
       AND ($2::text IS NULL OR cu.name ILIKE $2 ESCAPE '\\' OR cu.email ILIKE $2 ESCAPE '\\' OR cu.phone ILIKE $2 ESCAPE '\\')
       AND ($3::timestamptz IS NULL OR (${column}, c.id) ${compare} ($3::timestamptz, $4::uuid))
     ORDER BY ${column} ${direction}, c.id ${direction}
     LIMIT $5`,
    [q.handledBy, q.search ? `%${escapeLike(q.search)}%` : null, q.after?.at ?? null, q.after?.id ?? null, q.limit],
  );
  return rows.map((row) => ({ conversation: conversationFromRow(row), key: { at: row.sort_key, id: row.id } }));
}

/** Locks the conversation row for the rest of the transaction. */
export async function lockConversation(tx: Sql, id: string) {
  const [row] = await tx.query<{
    id: string;
    queue_id: string;
    state: ConversationState;
    agent_id: string | null;
    reserved_for_agent_id: string | null;
  }>(
    'SELECT id, queue_id, state, agent_id, reserved_for_agent_id FROM conversations WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row ?? null;
}
