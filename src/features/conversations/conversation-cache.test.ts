import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { Conversation, ConversationView, Transfer } from '../../contract/conversations';
import type { ConversationEvent } from '../../contract/events';
import type { Message } from '../../contract/messages';
import { applyStaffEvent, belongsIn } from './conversation-cache';
import { listTotal, loadedRows, toLoadedPage, type ListPages } from '../../lib/list-pages';
import { queryKeys } from '../../lib/query-keys';
import { makeAgent, makeConversation, makeMessage, makeUser, supportQueue as support } from '../../lib/test-factories';

const sales = { id: 'q-sales', name: 'Sales', address: 'sales@acme.example' };
const anna = makeAgent('anna', [support.id]);
const ben = makeAgent('ben', [support.id, sales.id]);
const sam = makeAgent('sam', [sales.id]);
const sara = makeUser('sara', { displayName: 'Sara', role: 'supervisor' });
const at = '2024-05-01T10:00:00.000Z';

describe('belongsIn', () => {
  it('puts a waiting conversation in the picklists of its queue’s agents and of supervisors', () => {
    const waiting = makeConversation({ queue: sales });
    expect([anna, ben, sam, sara].map((u) => belongsIn('picklist', waiting, u))).toEqual([false, true, true, true]);
  });

  it('puts a reserved conversation only in its agent’s picklist, whatever their queues', () => {
    const reserved = makeConversation({ queue: support, reservedFor: { id: 'sam', displayName: 'Sam' } });
    expect([anna, ben, sam, sara].map((u) => belongsIn('picklist', reserved, u))).toEqual([false, false, true, true]);
  });
});

describe('applyStaffEvent: conversation.transferred', () => {
  const picked = makeConversation({ state: 'picked', agent: { id: 'anna', displayName: 'anna' } });
  const transfer: Transfer = {
    id: 't1',
    from: { id: 'anna', displayName: 'anna' },
    fromQueue: { id: support.id, name: 'Support' },
    toQueue: null,
    toAgent: { id: 'sam', displayName: 'Sam' },
    note: 'For you',
    at,
  };
  const moved = makeConversation({ reservedFor: { id: 'sam', displayName: 'Sam' }, lastTransfer: transfer });
  const event = { seq: 5, at, type: 'conversation.transferred' as const, conversation: moved, transfer };

  const cacheFor = (mine: Conversation[], picklist: Conversation[]) => cacheWith({ mine, picklist });
  const ids = (client: QueryClient, view: 'mine' | 'picklist') => idsIn(client, view);

  it('takes it out of the sender’s list', () => {
    const client = cacheFor([picked], []);
    applyStaffEvent(client, anna, event);
    expect(ids(client, 'mine')).toEqual([]);
    expect(ids(client, 'picklist')).toEqual([]);
    expect(client.getQueryData(queryKeys.conversations.detail('c1'))).toEqual(moved);
  });

  it('puts it in the receiver’s picklist only', () => {
    const forSam = cacheFor([], []);
    applyStaffEvent(forSam, sam, event);
    expect(ids(forSam, 'picklist')).toEqual(['c1']);
    const forBen = cacheFor([], []);
    applyStaffEvent(forBen, ben, event);
    expect(ids(forBen, 'picklist')).toEqual([]);
  });
});

describe('belongsIn: offers', () => {
  const offered = makeConversation({ state: 'offered', offer: { agent: { id: 'anna', displayName: 'anna' }, expiresAt: at } });

  it('keeps an offered conversation out of every picklist', () => {
    expect([anna, ben, sam, sara].map((u) => belongsIn('picklist', offered, u))).toEqual([false, false, false, false]);
  });

  it('shows it in the offers of the agent it is offered to, and nobody else’s', () => {
    expect([anna, ben, sam, sara].map((u) => belongsIn('offers', offered, u))).toEqual([true, false, false, false]);
    expect(belongsIn('mine', offered, anna)).toBe(false);
  });
});

/** One whole list as a single loaded page (nothing more on the server). */
const onePage = (rows: Conversation[]): ListPages => ({
  pages: [toLoadedPage({ conversations: rows, nextCursor: null, total: rows.length, reads: [] })],
  pageParams: [undefined],
});

/** A cache holding the three live lists (my Conversations oldest first), empty unless given. */
function cacheWith(lists: Partial<Record<'picklist' | 'mine' | 'offers', Conversation[]>>) {
  const client = new QueryClient();
  client.setQueryData(queryKeys.conversations.pages('picklist'), onePage(lists.picklist ?? []));
  client.setQueryData(queryKeys.conversations.pages('mine', 'arrived-oldest'), onePage(lists.mine ?? []));
  client.setQueryData(queryKeys.conversations.list('offers'), lists.offers ?? []);
  return client;
}
const listOf = (client: QueryClient, view: ConversationView) =>
  view === 'offers'
    ? client.getQueryData<Conversation[]>(queryKeys.conversations.list(view))!
    : loadedRows(client.getQueryData<ListPages>(view === 'mine' ? queryKeys.conversations.pages('mine', 'arrived-oldest') : queryKeys.conversations.pages('picklist')));
const idsIn = (client: QueryClient, view: ConversationView) => listOf(client, view).map((c) => c.id);
const event = <T extends ConversationEvent['type']>(type: T, rest: Omit<Extract<ConversationEvent, { type: T }>, 'type' | 'seq' | 'at'>) =>
  ({ seq: 9, at, type, ...rest }) as Extract<ConversationEvent, { type: T }>;

describe('applyStaffEvent: offers and returns', () => {
  const queued = makeConversation();
  const offeredToAnna = makeConversation({ state: 'offered', offer: { agent: { id: 'anna', displayName: 'anna' }, expiresAt: at } });
  const heldByAnna = makeConversation({ state: 'picked', agent: { id: 'anna', displayName: 'anna' }, pickedAt: at });

  it('conversation.offered moves it from the picklist into the offered agent’s offers', () => {
    const forAnna = cacheWith({ picklist: [queued] });
    applyStaffEvent(forAnna, anna, event('conversation.offered', { conversation: offeredToAnna }));
    expect(idsIn(forAnna, 'picklist')).toEqual([]);
    expect(idsIn(forAnna, 'offers')).toEqual(['c1']);
    // A colleague of the queue just sees it leave the picklist.
    const forBen = cacheWith({ picklist: [queued] });
    applyStaffEvent(forBen, ben, event('conversation.offered', { conversation: offeredToAnna }));
    expect(idsIn(forBen, 'picklist')).toEqual([]);
    expect(idsIn(forBen, 'offers')).toEqual([]);
  });

  it('conversation.accepted moves it from offers into my conversations', () => {
    const client = cacheWith({ offers: [offeredToAnna] });
    applyStaffEvent(client, anna, event('conversation.accepted', { conversation: heldByAnna }));
    expect(idsIn(client, 'offers')).toEqual([]);
    expect(idsIn(client, 'mine')).toEqual(['c1']);
    expect(client.getQueryData(queryKeys.conversations.detail('c1'))).toEqual(heldByAnna);
  });

  it('conversation.offer-declined takes it out of offers and back into the picklist', () => {
    const client = cacheWith({ offers: [offeredToAnna] });
    applyStaffEvent(client, anna, event('conversation.offer-declined', { conversation: queued, agent: { id: 'anna', displayName: 'anna' }, outcome: 'expired' }));
    expect(idsIn(client, 'offers')).toEqual([]);
    expect(idsIn(client, 'picklist')).toEqual(['c1']);
  });

  it('conversation.returned takes it from its agent and puts it at the top of the picklist', () => {
    const older = makeConversation({ id: 'c0', arrivedAt: '2024-05-01T09:00:00.000Z' });
    const returned = makeConversation({ returnedAt: '2024-05-01T11:00:00.000Z' });
    const forAnna = cacheWith({ mine: [heldByAnna], picklist: [older] });
    applyStaffEvent(forAnna, anna, event('conversation.returned', { conversation: returned, agent: { id: 'anna', displayName: 'anna' } }));
    expect(idsIn(forAnna, 'mine')).toEqual([]);
    expect(idsIn(forAnna, 'picklist')).toEqual(['c1', 'c0']);
  });
});

describe('applyStaffEvent: message.created keeps waiting times', () => {
  let seq = 1;
  const message = (authorKind: Message['authorKind'], createdAt: string): Message =>
    makeMessage({ id: `m${++seq}`, conversationId: 'c1', seq, authorKind, createdAt });
  const send = (client: QueryClient, m: Message) => applyStaffEvent(client, anna, event('message.created', { message: m }));
  const held = () => listOf(client, 'mine')[0]!;
  let client: QueryClient;

  it('a customer message sets the last customer message and starts the wait once; an agent reply ends it', () => {
    seq = 1;
    const other = makeConversation({ id: 'c2', state: 'picked', agent: { id: 'anna', displayName: 'anna' } });
    client = cacheWith({ mine: [makeConversation({ state: 'picked', agent: { id: 'anna', displayName: 'anna' } }), other] });
    client.setQueryData(queryKeys.conversations.detail('c1'), listOf(client, 'mine')[0]);

    send(client, message('customer', '2024-05-01T10:01:00.000Z'));
    expect(held()).toMatchObject({ lastCustomerMessageAt: '2024-05-01T10:01:00.000Z', awaitingReplySince: '2024-05-01T10:01:00.000Z', lastSeq: 2 });
    send(client, message('customer', '2024-05-01T10:02:00.000Z'));
    // Still waiting since the first unanswered message.
    expect(held()).toMatchObject({ lastCustomerMessageAt: '2024-05-01T10:02:00.000Z', awaitingReplySince: '2024-05-01T10:01:00.000Z' });
    send(client, message('system', '2024-05-01T10:03:00.000Z'));
    expect(held()).toMatchObject({ lastCustomerMessageAt: '2024-05-01T10:02:00.000Z', awaitingReplySince: '2024-05-01T10:01:00.000Z', lastSeq: 4 });
    send(client, message('agent', '2024-05-01T10:04:00.000Z'));
    expect(held()).toMatchObject({ lastCustomerMessageAt: '2024-05-01T10:02:00.000Z', awaitingReplySince: null });
    send(client, message('customer', '2024-05-01T10:05:00.000Z'));
    expect(held()).toMatchObject({ awaitingReplySince: '2024-05-01T10:05:00.000Z' });
    // The open conversation's detail follows too; the other row is untouched.
    expect(client.getQueryData<Conversation>(queryKeys.conversations.detail('c1'))).toMatchObject({ awaitingReplySince: '2024-05-01T10:05:00.000Z', lastSeq: 6 });
    expect(listOf(client, 'mine')[1]).toBe(other);
  });

  it('ignores a message older than what the cache already has', () => {
    client = cacheWith({ mine: [makeConversation({ state: 'picked', agent: { id: 'anna', displayName: 'anna' }, lastSeq: 10 })] });
    const before = held();
    seq = 4;
    send(client, message('customer', '2024-05-01T10:01:00.000Z'));
    expect(held()).toEqual(before);
  });
});

describe('applyStaffEvent: paged lists (only a prefix is loaded)', () => {
  const t = (minute: number) => `2024-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const waiting = (id: string, minute: number) => makeConversation({ id, arrivedAt: t(minute) });
  const mine = (id: string, minute: number, patch: Partial<Conversation> = {}) =>
    makeConversation({ id, arrivedAt: t(minute), state: 'picked', agent: { id: 'anna', displayName: 'anna' }, ...patch });

  /** The first page of a longer list: `rows` loaded, `total` on the server, more after the last row. */
  const firstPage = (rows: Conversation[], total: number): ListPages => ({
    pages: [toLoadedPage({ conversations: rows, nextCursor: 'more', total, reads: [] })],
    pageParams: [undefined],
  });
  const picklistKey = queryKeys.conversations.pages('picklist');
  const pages = (client: QueryClient, key: readonly unknown[]) => client.getQueryData<ListPages>(key)!;

  it('shows a new waiting chat that sorts into the loaded rows in its place, and counts one that sorts after them', () => {
    const client = new QueryClient();
    client.setQueryData(picklistKey, firstPage([waiting('a', 1), waiting('c', 3), waiting('e', 5)], 40));
    applyStaffEvent(client, anna, event('conversation.created', { conversation: waiting('b', 2) }));
    expect(loadedRows(pages(client, picklistKey)).map((c) => c.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(listTotal(pages(client, picklistKey))).toBe(41);
    // After the last loaded row: it comes with a later page, but the badge counts it now.
    applyStaffEvent(client, anna, event('conversation.created', { conversation: waiting('z', 50) }));
    expect(loadedRows(pages(client, picklistKey)).map((c) => c.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(listTotal(pages(client, picklistKey))).toBe(42);
  });

  it('takes out a loaded chat that is picked', () => {
    const client = new QueryClient();
    const rows = [waiting('a', 1), waiting('c', 3)];
    client.setQueryData(picklistKey, firstPage(rows, 10));
    applyStaffEvent(client, anna, event('conversation.picked', { conversation: { ...rows[0]!, state: 'picked', agent: { id: 'ben', displayName: 'ben' } } }));
    const after = loadedRows(pages(client, picklistKey));
    expect(after).toEqual([rows[1]]);
    expect(listTotal(pages(client, picklistKey))).toBe(9);
  });

  it('re-sorts my conversation when a customer writes, and lets a row that moves past the loaded ones go', () => {
    const client = new QueryClient();
    const key = queryKeys.conversations.pages('mine', 'last-customer-message');
    const rows = [mine('a', 1, { lastCustomerMessageAt: t(30) }), mine('b', 2, { lastCustomerMessageAt: t(20) }), mine('c', 3, { lastCustomerMessageAt: t(10) })];
    client.setQueryData(key, firstPage(rows, 20));
    applyStaffEvent(client, anna, event('message.created', { message: makeMessage({ conversationId: 'c', seq: 5, authorKind: 'customer', createdAt: t(40) }) }));
    expect(loadedRows(pages(client, key)).map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(listTotal(pages(client, key))).toBe(20);

    // Sorted by waiting time: my reply ends the wait, so the row sorts after every loaded one.
    const waitingKey = queryKeys.conversations.pages('mine', 'waiting-longest');
    client.setQueryData(waitingKey, firstPage([mine('a', 1, { awaitingReplySince: t(5) }), mine('b', 2, { awaitingReplySince: t(6) })], 20));
    applyStaffEvent(client, anna, event('message.created', { message: makeMessage({ conversationId: 'a', seq: 9, authorKind: 'agent', createdAt: t(41) }) }));
    expect(loadedRows(pages(client, waitingKey)).map((c) => c.id)).toEqual(['b']);
    expect(listTotal(pages(client, waitingKey))).toBe(20);
  });

  it('lowers my total when a conversation I held beyond the loaded rows ends, as its event tells', () => {
    const client = new QueryClient();
    const key = queryKeys.conversations.pages('mine', 'arrived-oldest');
    client.setQueryData(key, firstPage([mine('a', 1), mine('b', 2)], 30));
    applyStaffEvent(client, anna, event('conversation.ended', { conversation: mine('z', 50, { state: 'ended', endedBy: 'agent' }) }));
    expect(listTotal(pages(client, key))).toBe(29);
    // A reassignment by a supervisor names the agent who held it, not the sender.
    const transfer = { seq: 9, at, type: 'conversation.transferred', conversation: waiting('y', 49), previousHolderId: 'anna' } as unknown as ConversationEvent;
    applyStaffEvent(client, anna, transfer);
    expect(listTotal(pages(client, key))).toBe(28);
  });
});

describe('applyStaffEvent: a list being fetched when an event arrives', () => {
  /** An active Picklist query whose fetches answer only when told, counting them. */
  function slowPicklist(client: QueryClient) {
    const answers: ((rows: string[]) => void)[] = [];
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.conversations.pages('picklist'),
      queryFn: ({ signal }) =>
        new Promise<string[]>((resolve, reject) => {
          answers.push(resolve);
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    return { answers, unsubscribe };
  }

  it('fetches it again, so an answer read before the event committed is not what stays', async () => {
    const client = new QueryClient();
    const { answers, unsubscribe } = slowPicklist(client);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    applyStaffEvent(client, anna, event('conversation.created', { conversation: makeConversation({ id: 'new' }) }));
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    // The first answer (from before the change) is dropped; the second one is kept.
    answers[0]!(['stale']);
    answers[1]!(['fresh']);
    await vi.waitFor(() => expect(client.getQueryData(queryKeys.conversations.pages('picklist'))).toEqual(['fresh']));
    unsubscribe();
  });

  it('leaves a list that is not being fetched alone', async () => {
    const client = new QueryClient();
    const { answers, unsubscribe } = slowPicklist(client);
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    answers[0]!(['loaded']);
    await vi.waitFor(() => expect(client.getQueryData(queryKeys.conversations.pages('picklist'))).toEqual(['loaded']));
    applyStaffEvent(client, anna, event('note.created', { note: { conversationId: 'x' } as never }));
    await Promise.resolve();
    expect(answers).toHaveLength(1);
    unsubscribe();
  });
});
