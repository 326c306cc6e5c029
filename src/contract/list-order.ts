import type { Conversation } from './conversations';
import type { ConversationSort } from './preferences';

/**
 * The server's list orders (src/server/conversations/list-orders.ts) as comparators, so a row a
 * realtime event adds or changes lands where the server would have put it. Change both together.
 */

/** Unread customer messages per conversation id (missing: none). */
export type UnreadCounts = Readonly<Record<string, number>>;

export type Compare = (a: Conversation, b: Conversation) => number;

/** The lists the client pages through; `mine` in each order the user may choose. */
export type ListKind = { view: 'picklist' } | { view: 'offers' } | { view: 'open' } | { view: 'mine'; sort: ConversationSort };
/** The agent's paged lists. */
export type PagedKind = Extract<ListKind, { view: 'picklist' | 'mine' }>;

// ISO times of one format compare as strings; code-unit order matches PostgreSQL's uuid order.
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byArrival: Compare = (a, b) => binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id);
/** Later times first; conversations without the time after all that have it. */
const newestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : binary(b, a));
/** Earlier times first; conversations without the time after all that have it. */
const oldestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : binary(a, b));

/** What the row shows as the customer's name. */
export const customerLabel = (c: Conversation) => c.customer.name || c.customer.phone || c.customer.email || '';

/** The server sorts the lower-cased label by code point. */
const sortLabel = (c: Conversation) => customerLabel(c).toLowerCase();

function mineOrder(sort: ConversationSort, unread: UnreadCounts): Compare {
  switch (sort) {
    case 'arrived-newest':
      return (a, b) => binary(b.arrivedAt, a.arrivedAt) || binary(b.id, a.id);
    case 'arrived-oldest':
      return byArrival;
    case 'last-customer-message':
      return (a, b) => newestFirst(a.lastCustomerMessageAt, b.lastCustomerMessageAt) || byArrival(a, b);
    case 'waiting-longest':
      return (a, b) => oldestFirst(a.awaitingReplySince, b.awaitingReplySince) || byArrival(a, b);
    case 'unread-first':
      return (a, b) => (unread[b.id] ?? 0) - (unread[a.id] ?? 0) || byArrival(a, b);
    case 'customer-name':
      return (a, b) => binary(sortLabel(a), sortLabel(b)) || byArrival(a, b);
  }
}

/** The comparator of one list; only `mine` in 'unread-first' reads `unread`. */
export function listOrder(kind: ListKind, unread: UnreadCounts = {}): Compare {
  switch (kind.view) {
    // Conversations that came back from a lost agent wait at the top.
    case 'picklist':
      return (a, b) => Number(a.returnedAt === null) - Number(b.returnedAt === null) || byArrival(a, b);
    case 'offers':
      return (a, b) => binary(a.offer?.expiresAt ?? '', b.offer?.expiresAt ?? '') || binary(a.id, b.id);
    case 'open':
      return byArrival;
    case 'mine':
      return mineOrder(kind.sort, unread);
  }
}
