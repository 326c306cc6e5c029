import { describe, expect, it } from 'vitest';
import type { Conversation } from '../contract/conversations';
import type { ConversationSort } from '../contract/preferences';
import { listOrder } from '../contract/list-order';
import { makeConversation, makeCustomer } from './test-factories';

const t = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

const conversation = (id: string, name: string, patch: Partial<Conversation> = {}): Conversation =>
  makeConversation({ id, customer: makeCustomer({ name }), ...patch });

// Arrival b < a < c; d arrives with a, e with c (ties broken by id).
const a = conversation('a', 'Zoë', { arrivedAt: t(2), lastCustomerMessageAt: t(20), awaitingReplySince: t(15) });
const b = conversation('b', 'adam', { arrivedAt: t(1), lastCustomerMessageAt: t(10), awaitingReplySince: null });
const c = conversation('c', 'Émile', { arrivedAt: t(3), lastCustomerMessageAt: t(30), awaitingReplySince: t(5) });
const d = conversation('d', 'Zoe', { arrivedAt: t(2), lastCustomerMessageAt: null, awaitingReplySince: null });
const e = conversation('e', 'bea', { arrivedAt: t(3), lastCustomerMessageAt: t(30), awaitingReplySince: t(15) });
const all = [e, d, c, b, a];
const order = (sort: ConversationSort, unread?: Record<string, number>) =>
  all
    .slice()
    .sort(listOrder({ view: 'mine', sort }, unread))
    .map((x) => x.id);

// The server's orders (list-orders.ts); conversation-pages.test.ts checks both agree on real rows.
describe('listOrder: my conversations', () => {
  it('arrived-oldest: earliest arrival first, equal arrivals by id', () => {
    expect(order('arrived-oldest')).toEqual(['b', 'a', 'd', 'c', 'e']);
  });

  it('arrived-newest: the exact reverse, so one index serves both', () => {
    expect(order('arrived-newest')).toEqual(['e', 'c', 'd', 'a', 'b']);
  });

  it('last-customer-message: most recent customer message first, none last, ties by arrival', () => {
    expect(order('last-customer-message')).toEqual(['c', 'e', 'a', 'b', 'd']);
  });

  it('waiting-longest: the oldest unanswered message first, answered conversations last by arrival', () => {
    expect(order('waiting-longest')).toEqual(['c', 'a', 'e', 'b', 'd']);
  });

  it('unread-first: most unread first, then by arrival', () => {
    expect(order('unread-first', { e: 1, c: 3, d: 1 })).toEqual(['c', 'd', 'e', 'b', 'a']);
    expect(order('unread-first')).toEqual(order('arrived-oldest'));
  });

  it('customer-name: A to Z ignoring case (by code point, as the server compares), equal names by arrival', () => {
    expect(order('customer-name')).toEqual(['b', 'e', 'd', 'a', 'c']);
  });
});

describe('listOrder: other lists', () => {
  it('picklist: returned conversations first, then oldest first', () => {
    const returned = { ...c, returnedAt: t(40) };
    expect([a, b, returned].sort(listOrder({ view: 'picklist' })).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});
