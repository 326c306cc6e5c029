import { sql, type RawBuilder } from 'kysely';
import type { ConversationSort } from '../../contract/preferences';

/**
 * The orders of the paged lists, as SQL over `conversations c` alone, each served by an index.
 * Every order ends in the conversation id, so no two rows share a key and a cursor (the last
 * row's key) names one exact place. The client sorts the rows it updates from
 * realtime events the same way (src/contract/list-order.ts): change both together.
 */
export interface SortKey {
  /** A fixed SQL expression, never caller text. */
  expr: string;
  dir: 'ASC' | 'DESC';
  /** How the key travels in the cursor, and the cast that brings it back. */
  type: 'timestamptz' | 'int' | 'text' | 'boolean' | 'uuid';
}

export interface ListOrder {
  name: string;
  keys: SortKey[];
}

const arrivedAsc: SortKey = { expr: 'c.arrived_at', dir: 'ASC', type: 'timestamptz' };
const idAsc: SortKey = { expr: 'c.id', dir: 'ASC', type: 'uuid' };

/** Waiting conversations that came back from a lost agent first, then oldest first. */
export const PICKLIST_ORDER: ListOrder = {
  name: 'picklist',
  keys: [{ expr: '(c.returned_at IS NULL)', dir: 'ASC', type: 'boolean' }, arrivedAsc, idAsc],
};

/** Offers to me: the one expiring first on top. Few at a time: they come in one page. */
export const OFFERS_ORDER: ListOrder = {
  name: 'offers',
  keys: [{ expr: 'c.offer_expires_at', dir: 'ASC', type: 'timestamptz' }, idAsc],
};

/** Supervisors' open conversations: oldest arrival first. */
export const OPEN_ORDER: ListOrder = { name: 'open', keys: [arrivedAsc, idAsc] };

/**
 * The label the list shows for the customer, lower-cased (kept on the row, migration 14) and
 * compared by code point on both sides.
 */
export const CUSTOMER_LABEL_SQL = `c.customer_sort_name COLLATE "C"`;

/**
 * Customer messages of conversation `c` after the user's marker `r` (0 when none): both counts
 * are kept on the rows (migration 14), so this counts nothing.
 */
export const UNREAD_COUNT = sql<number>`(c.customer_messages - COALESCE(r.read_customer_messages, 0))`;

/** The holder's unread customer messages, kept on the row (migration 16); only `mine` lists are the holder's. */
export const HOLDER_UNREAD_SQL = '(c.customer_messages - c.holder_read_messages)';

/** My held conversations in each order the user may choose (preferences.ts). */
export const MINE_ORDERS: Record<ConversationSort, ListOrder> = {
  'arrived-oldest': { name: 'arrived-oldest', keys: [arrivedAsc, idAsc] },
  // Both descending, so one index serves it scanned backwards.
  'arrived-newest': {
    name: 'arrived-newest',
    keys: [
      { expr: 'c.arrived_at', dir: 'DESC', type: 'timestamptz' },
      { expr: 'c.id', dir: 'DESC', type: 'uuid' },
    ],
  },
  // Conversations without a customer message last; the sentinels keep keys comparable.
  'last-customer-message': {
    name: 'last-customer-message',
    keys: [{ expr: "COALESCE(c.last_customer_message_at, '-infinity'::timestamptz)", dir: 'DESC', type: 'timestamptz' }, arrivedAsc, idAsc],
  },
  'waiting-longest': {
    name: 'waiting-longest',
    keys: [{ expr: "COALESCE(c.awaiting_reply_since, 'infinity'::timestamptz)", dir: 'ASC', type: 'timestamptz' }, arrivedAsc, idAsc],
  },
  // My held conversations' unread counts are the holder's, kept on the row (migration 16): the
  // same number as UNREAD_SQL for the reader, on an index.
  'unread-first': {
    name: 'unread-first',
    keys: [{ expr: HOLDER_UNREAD_SQL, dir: 'DESC', type: 'int' }, arrivedAsc, idAsc],
  },
  'customer-name': {
    name: 'customer-name',
    keys: [{ expr: CUSTOMER_LABEL_SQL, dir: 'ASC', type: 'text' }, arrivedAsc, idAsc],
  },
};

/** A timestamp column or expression (fixed SQL) as ISO text to the microsecond, in UTC. */
export const exactTimeText = (expr: string) => `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The key as text, exact (timestamps to the microsecond, infinities kept), for the cursor. */
export function keyText(key: SortKey): string {
  if (key.type !== 'timestamptz') return `(${key.expr})::text`;
  return `CASE WHEN isfinite(${key.expr}) THEN ${exactTimeText(key.expr)} ELSE (${key.expr})::text END`;
}

export const orderBy = (order: ListOrder) => sql.raw(order.keys.map((k) => `${k.expr} ${k.dir}`).join(', '));

/**
 * "After the cursor's row" in this order, given the cursor's key values: (k1 after v1) or
 * (k1 = v1 and k2 after v2) or …, plus a plain bound on the first key so the index scan starts
 * at the cursor instead of filtering from the list's start.
 */
export function afterSql(order: ListOrder, values: readonly string[]): RawBuilder<boolean> {
  // The keys' expressions and types are fixed SQL; only the values are parameters.
  const key = (i: number) => sql.raw(order.keys[i]!.expr);
  const value = (i: number) => sql`${values[i]}::${sql.raw(order.keys[i]!.type)}`;
  const op = (i: number, strict: boolean) => sql.raw(order.keys[i]!.dir === 'ASC' ? (strict ? '>' : '>=') : strict ? '<' : '<=');
  const alternatives = order.keys.map((_, i) => {
    const equal = order.keys.slice(0, i).map((_k, j) => sql`${key(j)} = ${value(j)}`);
    return sql`(${sql.join([...equal, sql`${key(i)} ${op(i, true)} ${value(i)}`], sql` AND `)})`;
  });
  return sql<boolean>`(${key(0)} ${op(0, false)} ${value(0)} AND (${sql.join(alternatives, sql` OR `)}))`;
}
