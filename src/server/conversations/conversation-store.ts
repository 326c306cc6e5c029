import type { Conversation, ConversationState, Transfer } from '../../contract/conversations';
import type { Message } from '../../contract/messages';
import { sql, type RawBuilder, type Selectable, type UpdateObject } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Conversations, Customers, DB, Queues, Transfers, Users } from '../db/schema.gen';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../messages/message-store';
import type { ArrivalKey, TimeKey } from '../../domain/history-cursor';
import { exactTimeText } from './list-orders';

type Selected<T> = Selectable<T>;

/**
 * A conversation as CONVERSATION_COLUMNS selects it: its own columns, the names it shows, and its
 * last transfer and first and last messages (row_to_json). Derived from the generated schema
 * (schema.gen.ts), so a changed column type shows up here.
 */
export type ConversationRow = Pick<
  Selected<Conversations>,
  | 'id' | 'customer_id' | 'queue_id' | 'channel' | 'source' | 'destination' | 'state' | 'agent_id' | 'arrived_at'
  | 'picked_at' | 'ended_at' | 'ended_by' | 'last_seq' | 'reserved_for_agent_id' | 'offered_to_agent_id'
  | 'offer_expires_at' | 'returned_at' | 'last_customer_message_at' | 'awaiting_reply_since'
  | 'end_reason' | 'idle_warned_at' | 'idle_ends_at' | 'held_until'
> & {
  customer_name: Customers['name'];
  customer_email: Customers['email'];
  customer_phone: Customers['phone'];
  customer_verified: Selected<Customers>['verified'];
  customer_external_id: Customers['external_id'];
  queue_name: Queues['name'];
  queue_address: Queues['address'];
  agent_name: Users['display_name'] | null;
  reserved_for_name: Users['display_name'] | null;
  offered_to_name: Users['display_name'] | null;
  last_transfer: TransferRow | null;
  first_message: MessageRow | null;
  last_message: MessageRow | null;
};

const withoutClientId = (m: Message): Message => ({ ...m, clientMessageId: null });

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** A transfer joined with the names it shows; also what row_to_json gives for `last_transfer` (its time then as text). */
export type TransferRow = Omit<Selected<Transfers>, 'reassigned' | 'created_at'> & {
  from_agent_name: Users['display_name'];
  from_queue_name: Queues['name'];
  to_queue_name: Queues['name'] | null;
  to_agent_name: Users['display_name'] | null;
  created_at: Selected<Transfers>['created_at'] | string;
};

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
  c.state, c.agent_id, u.display_name AS agent_name, c.arrived_at, c.picked_at, c.ended_at, c.ended_by, c.end_reason, c.idle_warned_at, c.idle_ends_at, c.held_until, c.last_seq,
  c.reserved_for_agent_id, rs.display_name AS reserved_for_name,
  c.offered_to_agent_id, o.display_name AS offered_to_name, c.offer_expires_at, c.returned_at,
  c.last_customer_message_at, c.awaiting_reply_since,
  (SELECT row_to_json(lt) FROM (${TRANSFER_SELECT} WHERE t.conversation_id = c.id
    ORDER BY t.created_at DESC, t.id DESC LIMIT 1) lt) AS last_transfer,
  (SELECT row_to_json(x) FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'customer'
    ORDER BY m.seq LIMIT 1) x) AS first_message,
  (SELECT row_to_json(x) FROM (SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = c.id AND m.author_kind <> 'system'
    ORDER BY m.seq DESC LIMIT 1) x) AS last_message`;
/** What CONVERSATION_COLUMNS reads beside the conversation `c` (its customer, queue and the names it shows). */
const CONVERSATION_JOINS = `
JOIN customers cu ON cu.id = c.customer_id
JOIN queues q ON q.id = c.queue_id
LEFT JOIN users u ON u.id = c.agent_id
LEFT JOIN users rs ON rs.id = c.reserved_for_agent_id
LEFT JOIN users o ON o.id = c.offered_to_agent_id`;
const CONVERSATION_FROM = `FROM conversations c ${CONVERSATION_JOINS}`;
const SELECT_CONVERSATION = `SELECT ${CONVERSATION_COLUMNS} ${CONVERSATION_FROM}`;
/** The one column list and joins for a conversation as the API shows it (lists and pages too). */
export const conversationColumns = sql.raw(CONVERSATION_COLUMNS);
export const conversationJoins = sql.raw(CONVERSATION_JOINS);
const conversationFrom = sql.raw(CONVERSATION_FROM);

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
    // CHECK constraints (migrations) hold these columns to the contract's values.
    channel: row.channel as Conversation['channel'],
    source: row.source,
    destination: row.destination,
    state: row.state as ConversationState,
    arrivedAt: iso(row.arrived_at)!,
    agent: row.agent_id ? { id: row.agent_id, displayName: row.agent_name ?? 'Unknown agent' } : null,
    pickedAt: iso(row.picked_at),
    endedAt: iso(row.ended_at),
    endedBy: row.ended_by as Conversation['endedBy'],
    endReason: row.end_reason as Conversation['endReason'],
    idleWarning: idleWarningOf(row),
    heldUntil: iso(row.held_until),
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

/** A warning counts while the conversation is open and nobody wrote after it (inactivity-sweeper.ts). */
function idleWarningOf(row: ConversationRow): Conversation['idleWarning'] {
  const warnedAt = iso(row.idle_warned_at);
  const endsAt = iso(row.idle_ends_at);
  if (row.state === 'ended' || !warnedAt || !endsAt) return null;
  const lastWritten = row.last_message ? messageFromRow(row.last_message).createdAt : null;
  return lastWritten && Date.parse(lastWritten) > Date.parse(warnedAt) ? null : { warnedAt, endsAt };
}

export async function getConversation(db: Sql, id: string): Promise<Conversation | null> {
  const { rows: [row] } = await sql<ConversationRow>`${sql.raw(SELECT_CONVERSATION)} WHERE c.id = ${id}`.execute(typed(db));
  return row ? conversationFromRow(row) : null;
}

/** Which conversations a list may show: for an agent those canView allows, for everyone else all (null). */
export type Visibility = { queueIds: string[]; agentId: string } | null;

/**
 * The SQL form of canView for conversations `c`: an agent sees their queues, what they hold or
 * held, what is reserved for them, and what they transferred away; everyone else sees all.
 */
export function visibleSql(visibility: Visibility): RawBuilder<boolean> {
  if (visibility === null) return sql<boolean>`true`;
  const { queueIds, agentId } = visibility;
  return sql<boolean>`(c.queue_id = ANY(${queueIds}::uuid[])
    OR c.agent_id = ${agentId}::uuid OR c.reserved_for_agent_id = ${agentId}::uuid
    OR EXISTS (SELECT 1 FROM transfers vt WHERE vt.conversation_id = c.id AND vt.from_agent_id = ${agentId}::uuid))`;
}

/** Whether `agentId` ever transferred the conversation away: they may still open it. */
export async function transferredBy(db: Sql, conversationId: string, agentId: string): Promise<boolean> {
  const row = await typed(db)
    .selectFrom('transfers')
    .select((eb) => eb.lit(1).as('one'))
    .where('conversation_id', '=', conversationId)
    .where('from_agent_id', '=', agentId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A position in a list ordered by arrival: the arrival time at full (microsecond) precision, and the id. */

/** The fixed fragments of a time-ordered list's order and cursor bound, never caller text. */
const keyOrder = (order: 'newest' | 'oldest') =>
  order === 'newest' ? { compare: sql.raw('<'), direction: sql.raw('DESC') } : { compare: sql.raw('>'), direction: sql.raw('ASC') };

/**
 * One page of a customer's conversations ordered by arrival, after `after` (exclusive) when
 * given, skipping `excludeId`. Each row comes with its exact key for asking for the next page:
 * the ISO time in `Conversation.arrivedAt` has only milliseconds and would skip or repeat rows.
 */
export async function listCustomerConversations(
  db: Sql,
  q: {
    customerId: string;
    excludeId: string;
    visibility: Visibility;
    order: 'newest' | 'oldest';
    after: ArrivalKey | null;
    limit: number;
  },
): Promise<{ conversation: Conversation; key: ArrivalKey }[]> {
  const { compare, direction } = keyOrder(q.order);
  const after = q.after && sql`AND (c.arrived_at, c.id) ${compare} (${q.after.arrivedAt}::timestamptz, ${q.after.id}::uuid)`;
  // The shared columns (row_to_json subqueries) are fixed SQL: the statement stays a template.
  const { rows } = await sql<ConversationRow & { arrival_key: string }>`
    SELECT ${conversationColumns}, ${sql.raw(exactTimeText('c.arrived_at'))} AS arrival_key
     ${conversationFrom}
     WHERE c.customer_id = ${q.customerId} AND c.id <> ${q.excludeId}
       AND ${visibleSql(q.visibility)}
       ${after ?? sql.raw('')}
     ORDER BY c.arrived_at ${direction}, c.id ${direction}
     LIMIT ${q.limit}`.execute(typed(db));
  return rows.map((row) => ({ conversation: conversationFromRow(row), key: { arrivedAt: row.arrival_key, id: row.id } }));
}

/** A position in a list sorted by one time column: that time at full (microsecond) precision, and the id. */

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
  db: Sql,
  q: {
    handledBy: string | null;
    search: string | null;
    sort: 'arrived' | 'ended';
    order: 'newest' | 'oldest';
    after: TimeKey | null;
    limit: number;
  },
): Promise<{ conversation: Conversation; key: TimeKey }[]> {
  // A fixed column picked by `sort`, never caller text.
  const columnName = q.sort === 'arrived' ? 'c.arrived_at' : 'c.ended_at';
  const column = sql.raw(columnName);
  const { compare, direction } = keyOrder(q.order);
  const conditions = [sql`c.state = 'ended'`, sql`${column} IS NOT NULL`];
  if (q.handledBy !== null) {
    conditions.push(sql`(c.agent_id = ${q.handledBy}::uuid
      OR c.id IN (SELECT ht.conversation_id FROM transfers ht WHERE ht.from_agent_id = ${q.handledBy}::uuid))`);
  }
  if (q.search) {
    const pattern = `%${escapeLike(q.search)}%`;
    conditions.push(sql`(${sql.join(['cu.name', 'cu.email', 'cu.phone'].map((c) => sql`${sql.raw(c)} ILIKE ${pattern} ESCAPE '\\'`), sql` OR `)})`);
  }
  if (q.after) conditions.push(sql`(${column}, c.id) ${compare} (${q.after.at}::timestamptz, ${q.after.id}::uuid)`);
  const { rows } = await sql<ConversationRow & { sort_key: string }>`
    SELECT ${conversationColumns}, ${sql.raw(exactTimeText(columnName))} AS sort_key
     ${conversationFrom}
     WHERE ${sql.join(conditions, sql` AND `)}
     ORDER BY ${column} ${direction}, c.id ${direction}
     LIMIT ${q.limit}`.execute(typed(db));
  return rows.map((row) => ({ conversation: conversationFromRow(row), key: { at: row.sort_key, id: row.id } }));
}

/** Locks the conversation row for the rest of the transaction. */
export async function lockConversation(tx: Sql, id: string) {
  const row = await typed(tx)
    .selectFrom('conversations')
    .select(['id', 'queue_id', 'state', 'agent_id', 'reserved_for_agent_id'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, state: row.state as ConversationState } : null;
}

/**
 * Puts the conversation back to waiting, held by nobody, in a new offer round (so agents who
 * declined it before may be offered it again); `also` sets where it waits and how. Caller holds
 * its row lock.
 */
export async function requeue(tx: Sql, id: string, also: Pick<UpdateObject<DB, 'conversations'>, 'reserved_for_agent_id' | 'returned_at' | 'queue_id' | 'destination'>) {
  await typed(tx)
    .updateTable('conversations')
    .set((eb) => ({ state: 'queued', agent_id: null, picked_at: null, offer_round: eb('offer_round', '+', 1), ...also }))
    .where('id', '=', id)
    .execute();
}
