import type { Conversation } from '../../contract/conversations';
import type { ConversationSort } from '../../contract/preferences';

/** Unread customer messages per conversation id (missing: none). */
export type UnreadCounts = Readonly<Record<string, number>>;

type Compare = (a: Conversation, b: Conversation) => number;

// ISO times of one format compare as strings; code-unit order keeps ids stable across browsers.
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The tie-breaker of every order: arrival, then id, so equal keys never swap places. */
const byArrival: Compare = (a, b) => binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id);
/** Later times first; conversations without the time after all that have it. */
const newestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : binary(b, a));
/** Earlier times first; conversations without the time after all that have it. */
const oldestFirst = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : binary(a, b));

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** What the row shows as the customer's name. */
export const customerLabel = (c: Conversation) => c.customer.name || c.customer.phone || c.customer.email || '';

function comparator(sort: ConversationSort, unread: UnreadCounts): Compare {
  switch (sort) {
    case 'arrived-newest':
      return (a, b) => binary(b.arrivedAt, a.arrivedAt) || binary(a.id, b.id);
    case 'arrived-oldest':
      return byArrival;
    case 'last-customer-message':
      return (a, b) => newestFirst(a.lastCustomerMessageAt, b.lastCustomerMessageAt) || byArrival(a, b);
    case 'waiting-longest':
      return (a, b) => oldestFirst(a.awaitingReplySince, b.awaitingReplySince) || byArrival(a, b);
    case 'unread-first':
      return (a, b) => (unread[b.id] ?? 0) - (unread[a.id] ?? 0) || byArrival(a, b);
    case 'customer-name':
      return (a, b) => collator.compare(customerLabel(a), customerLabel(b)) || byArrival(a, b);
  }
}

/**
 * The Conversations list in the user's chosen order; a new array, the input untouched. Only
 * 'unread-first' reads `unread`, so callers may leave it out of their memo for other orders.
 */
export function sortConversations(list: readonly Conversation[], sort: ConversationSort, unread: UnreadCounts = {}): Conversation[] {
  return list.slice().sort(comparator(sort, unread));
}
