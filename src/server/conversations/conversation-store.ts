import type { Conversation, ConversationState } from '../../contract/conversations';
import type { Sql } from '../db/database';
import { messageFromRow, type MessageRow } from '../messages/message-store';

interface ConversationRow {
  id: string;
  customer_id: string;
  customer_name: string;
  customer_email: string | null;
  customer_phone: string | null;
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
  last_seq: number;
  first_message: MessageRow | null;
  last_message: MessageRow | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

// row_to_json gives timestamps as text; messageFromRow normalises them.
const CONVERSATION_COLUMNS = `
c.id, c.customer_id, cu.name AS customer_name, cu.email AS customer_email, cu.phone AS customer_phone,
  c.queue_id, q.name AS queue_name, q.address AS queue_address, c.channel, c.source, c.destination,
  c.state, c.agent_id, u.display_name AS agent_name, c.arrived_at, c.picked_at, c.ended_at, c.ended_by, c.last_seq,
  (SELECT row_to_json(m) FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'customer'
    ORDER BY m.seq LIMIT 1) AS first_message,
  (SELECT row_to_json(m) FROM messages m WHERE m.conversation_id = c.id ORDER BY m.seq DESC LIMIT 1) AS last_message`;
const CONVERSATION_FROM = `
FROM conversations c
JOIN customers cu ON cu.id = c.customer_id
JOIN queues q ON q.id = c.queue_id
LEFT JOIN users u ON u.id = c.agent_id`;
const SELECT_CONVERSATION = `SELECT ${CONVERSATION_COLUMNS} ${CONVERSATION_FROM}`;

function conversationFromRow(row: ConversationRow): Conversation {
  return {
    id: row.id,
    customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email, phone: row.customer_phone },
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
    firstMessage: row.first_message ? messageFromRow(row.first_message) : null,
    lastMessage: row.last_message ? messageFromRow(row.last_message) : null,
    lastSeq: row.last_seq,
  };
}

export async function getConversation(sql: Sql, id: string): Promise<Conversation | null> {
  const [row] = await sql.query<ConversationRow>(`${SELECT_CONVERSATION} WHERE c.id = $1`, [id]);
  return row ? conversationFromRow(row) : null;
}

/** Waiting conversations in the given queues (all queues when null), oldest first. */
export async function listWaiting(sql: Sql, queueIds: string[] | null): Promise<Conversation[]> {
  const rows = await sql.query<ConversationRow>(
    `${SELECT_CONVERSATION} WHERE c.state IN ('queued', 'offered') AND ($1::uuid[] IS NULL OR c.queue_id = ANY($1))
     ORDER BY c.arrived_at, c.id`,
    [queueIds],
  );
  return rows.map(conversationFromRow);
}

export async function listHeldBy(sql: Sql, agentId: string): Promise<Conversation[]> {
  const rows = await sql.query<ConversationRow>(
    `${SELECT_CONVERSATION} WHERE c.state = 'picked' AND c.agent_id = $1 ORDER BY c.arrived_at, c.id`,
    [agentId],
  );
  return rows.map(conversationFromRow);
}

/** Which conversations a list may show: for an agent those canView allows, for everyone else all (null). */
export type Visibility = { queueIds: string[]; agentId: string } | null;

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
       AND ($3::uuid[] IS NULL OR c.queue_id = ANY($3) OR c.agent_id = $4::uuid)
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

/** Locks the conversation row for the rest of the transaction. */
export async function lockConversation(tx: Sql, id: string) {
  const [row] = await tx.query<{ id: string; queue_id: string; state: ConversationState; agent_id: string | null }>(
    'SELECT id, queue_id, state, agent_id FROM conversations WHERE id = $1 FOR UPDATE',
    [id],
  );
  return row ?? null;
}
