import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract/conversations';
import { ConversationSortSchema } from '../../contract/preferences';
import { makeConversation, makeCustomer } from '../../lib/test-factories';
import { sortConversations } from './conversation-sort';

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
const order = (sort: Parameters<typeof sortConversations>[1], unread?: Record<string, number>) =>
  sortConversations(all, sort, unread).map((x) => x.id);

describe('sortConversations', () => {
  it('arrived-oldest: earliest arrival first, equal arrivals by id', () => {
    expect(order('arrived-oldest')).toEqual(['b', 'a', 'd', 'c', 'e']);
  });

  it('arrived-newest: latest arrival first, equal arrivals still by id', () => {
    expect(order('arrived-newest')).toEqual(['c', 'e', 'a', 'd', 'b']);
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

  it('customer-name: A to Z ignoring case and accents, equal names by arrival', () => {
    expect(order('customer-name')).toEqual(['b', 'e', 'c', 'a', 'd']);
  });

  it('covers every option of the contract and leaves its input alone', () => {
    const before = all.map((x) => x.id);
    for (const sort of ConversationSortSchema.options) expect(sortConversations(all, sort)).toHaveLength(all.length);
    expect(all.map((x) => x.id)).toEqual(before);
  });
});
