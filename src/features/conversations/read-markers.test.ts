// @vitest-environment jsdom
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../contract/conversations';
import type { ConversationEvent } from '../../contract/events';
import type { Message } from '../../contract/messages';
import { createQueryClient } from '../../lib/query-client';
import { queryKeys } from '../../lib/query-keys';
import {
  applyReadState,
  applyUnreadEvent,
  rememberReads,
  setOpenConversation,
  totalUnread,
  type UnreadMap,
} from './read-markers';
import type { UnreadTotals } from '../../contract/read-markers';
import { makeAgent, makeConversation, makeMessage, supportQueue } from '../../lib/test-factories';
import { staffRoutes } from '../../contract/staff-routes';
import { callApi } from '../../lib/api-client';
import { mockData } from '../../mocks/data';
import { customerWrites } from '../../mocks/dev-tools';
import { answeredRequests, logInMock, setUpMockApi } from '../../mocks/testing';
import { pickConversation } from './api/pick-conversation';

const anna = makeAgent('anna', [supportQueue.id]);
// Reads are marked through the mock API; the other tests make no request.
setUpMockApi();
const at = '2024-05-01T10:00:00.000Z';

/** A conversation Anna holds, so it counts among hers. */
const held = (id: string, patch: Partial<Conversation> = {}): Conversation =>
  makeConversation({ id, state: 'picked', agent: { id: 'anna', displayName: 'Anna' }, pickedAt: at, ...patch });

const message = (conversationId: string, seq: number, authorKind: Message['authorKind'] = 'customer'): Message =>
  makeMessage({ id: `m${conversationId}${seq}`, conversationId, seq, authorKind });
/** A message event, naming who held the conversation then (Anna, unless told). */
const created = (m: Message, holderId: string | null = 'anna'): ConversationEvent => ({ seq: 100 + m.seq, at, type: 'message.created', message: m, holderId });

let visibility: DocumentVisibilityState = 'visible';
let client: QueryClient;
const unread = () => client.getQueryData<UnreadMap>(queryKeys.conversations.reads())!;
const totals = () => client.getQueryData<UnreadTotals>(queryKeys.conversations.unread())!;
const totalsInvalidated = () => client.getQueryState(queryKeys.conversations.unread())!.isInvalidated;

beforeEach(() => {
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  client = createQueryClient();
  client.setQueryData(queryKeys.conversations.list('mine'), [held('c1'), held('c2')]);
  client.setQueryData(queryKeys.conversations.list('offers'), []);
  // Anna's loaded rows brought their read states; the server's totals count c2's two messages.
  rememberReads(client, [
    { conversationId: 'c1', lastReadSeq: 3, unreadCount: 0 },
    { conversationId: 'c2', lastReadSeq: 1, unreadCount: 2 },
  ]);
  client.setQueryData<UnreadTotals>(queryKeys.conversations.unread(), { mine: { conversations: 1, messages: 2 }, offers: { conversations: 0, messages: 0 } });
});

afterEach(() => setOpenConversation(null));

describe('unread counts from realtime events', () => {
  it('counts a customer message in one of my loaded conversations, and only customer messages', () => {
    applyUnreadEvent(client, anna, created(message('c1', 4)));
    applyUnreadEvent(client, anna, created(message('c1', 5, 'agent')));
    applyUnreadEvent(client, anna, created(message('c1', 6, 'system'), null));
    applyUnreadEvent(client, anna, created(message('elsewhere', 7), 'ben'));
    expect(unread().c1).toEqual({ conversationId: 'c1', lastReadSeq: 3, unreadCount: 1 });
    expect(unread().elsewhere).toBeUndefined();
    expect(totals().mine).toEqual({ conversations: 2, messages: 3 });
    expect(totalUnread(totals())).toBe(3);
    expect(totalsInvalidated()).toBe(false);
  });

  it('counts a message in a conversation I hold beyond my loaded rows, and asks the server how many conversations that is', () => {
    applyUnreadEvent(client, anna, created(message('c9', 4)));
    expect(unread().c9).toBeUndefined();
    expect(totals().mine.messages).toBe(3);
    expect(totalsInvalidated()).toBe(true);
  });

  it('does not count a message at or before what I have read', () => {
    applyUnreadEvent(client, anna, created(message('c1', 3)));
    expect(unread().c1!.unreadCount).toBe(0);
    expect(totals().mine.messages).toBe(2);
  });

  it('marks read instead of counting while I look at the conversation', async () => {
    // In the mock workspace: Anna picks the oldest waiting chat and has it open when its customer writes again.
    const { user: me } = await logInMock('anna');
    const [oldest] = (await callApi(staffRoutes.conversations, { query: { view: 'picklist' } })).conversations;
    await pickConversation(oldest!.id);
    setOpenConversation(oldest!.id);
    const written = customerWrites(oldest!.id, 'Are you still there?');
    rememberReads(client, [{ conversationId: oldest!.id, lastReadSeq: written.seq - 1, unreadCount: 0 }]);

    applyUnreadEvent(client, me, created(written, me.id));
    expect(unread()[oldest!.id]).toEqual({ conversationId: oldest!.id, lastReadSeq: written.seq, unreadCount: 0 });
    // The mock workspace keeps it read, and the panel keeps the server's answer.
    await vi.waitFor(() => expect(mockData.readMarkers.get(`${me.id}:${oldest!.id}`)).toBe(written.seq));
    expect(answeredRequests()).toContain(`PUT /api/conversations/${oldest!.id}/read`);
    await vi.waitFor(() => expect(unread()[oldest!.id]).toEqual({ conversationId: oldest!.id, lastReadSeq: written.seq, unreadCount: 0 }));
    expect(totals().mine.messages).toBe(2);
  });

  it('counts while the conversation is open in a tab that is not on screen', () => {
    setOpenConversation('c1');
    visibility = 'hidden';
    applyUnreadEvent(client, anna, created(message('c1', 4)));
    expect(unread().c1!.unreadCount).toBe(1);
    expect(answeredRequests()).toEqual([]);
  });

  it('counts the totals again when a conversation becomes mine, and drops one that leaves me', () => {
    const picked = held('c3');
    applyUnreadEvent(client, anna, { seq: 200, at, type: 'conversation.picked', conversation: picked });
    expect(totalsInvalidated()).toBe(true);

    const ended = held('c2', { state: 'ended', endedAt: at, endedBy: 'agent' });
    applyUnreadEvent(client, anna, { seq: 201, at, type: 'conversation.ended', conversation: ended });
    expect(unread().c2).toBeUndefined();
  });

  it('asks again when a message comes while the totals are on their way (that answer may be older than the message)', async () => {
    const answers: ((totals: UnreadTotals) => void)[] = [];
    const observer = new QueryObserver(client, {
      queryKey: queryKeys.conversations.unread(),
      queryFn: () => new Promise<UnreadTotals>((resolve) => answers.push(resolve)),
      staleTime: Infinity,
    });
    const unsubscribe = observer.subscribe(() => {});
    void client.refetchQueries({ queryKey: queryKeys.conversations.unread() });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    applyUnreadEvent(client, anna, created(message('c1', 4)));
    // The count taken before the message lands after it: the message is asked for again.
    answers[0]!({ mine: { conversations: 1, messages: 2 }, offers: { conversations: 0, messages: 0 } });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    answers[1]!({ mine: { conversations: 2, messages: 3 }, offers: { conversations: 0, messages: 0 } });
    await vi.waitFor(() => expect(totals().mine).toEqual({ conversations: 2, messages: 3 }));
    expect(unread().c1!.unreadCount).toBe(1);
    unsubscribe();
  });

  it('leaves the totals alone when a change concerns none of mine', async () => {
    await client.fetchQuery({ queryKey: queryKeys.conversations.unread(), queryFn: () => totals() });
    const bens = makeConversation({ id: 'c7', state: 'picked', agent: { id: 'ben', displayName: 'Ben' }, pickedAt: at });
    applyUnreadEvent(client, anna, { seq: 202, at, type: 'conversation.picked', conversation: bens });
    expect(totalsInvalidated()).toBe(false);
  });
});

describe('applyReadState (read.updated from my other devices)', () => {
  it('takes the server’s count, and the totals follow', () => {
    applyReadState(client, { conversationId: 'c2', lastReadSeq: 3, unreadCount: 0 });
    expect(unread().c2).toEqual({ conversationId: 'c2', lastReadSeq: 3, unreadCount: 0 });
    expect(totals().mine).toEqual({ conversations: 0, messages: 0 });
    expect(totalUnread(totals())).toBe(0);
  });

  it('ignores an older read position than the one already known', () => {
    applyReadState(client, { conversationId: 'c1', lastReadSeq: 2, unreadCount: 1 });
    expect(unread().c1).toEqual({ conversationId: 'c1', lastReadSeq: 3, unreadCount: 0 });
  });

  it('asks the server for the totals when the conversation is not loaded here', () => {
    applyReadState(client, { conversationId: 'c9', lastReadSeq: 5, unreadCount: 0 });
    expect(unread().c9).toBeUndefined();
    expect(totalsInvalidated()).toBe(true);
  });

  it('keeps a later read position than a page fetched before it', () => {
    applyReadState(client, { conversationId: 'c2', lastReadSeq: 3, unreadCount: 0 });
    rememberReads(client, [{ conversationId: 'c2', lastReadSeq: 1, unreadCount: 2 }]);
    expect(unread().c2).toEqual({ conversationId: 'c2', lastReadSeq: 3, unreadCount: 0 });
  });
});
