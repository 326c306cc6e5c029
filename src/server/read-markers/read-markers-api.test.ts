import { beforeAll, expect, it } from 'vitest';
import { ConversationListSchema, ConversationPageSchema, ConversationResponseSchema } from '../../contract/conversations';
import { CONVERSATION_PAGE_MAX } from '../../contract/limits';
import { MarkReadResponseSchema, UnreadTotalsSchema } from '../../contract/read-markers';
import { TransferResponseSchema } from '../../contract/transfers';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Chat, type Staff } from '../test-support/test-server';

describeEachBackend('Read markers and unread counts', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff;
  let ben: Staff;
  let sara: Staff;

  beforeAll(async () => {
    [anna, ben, sara] = await Promise.all([server.staff('anna'), server.staff('ben'), server.staff('sara')]);
  });

  /** My read state in one conversation I hold, as my Conversations list brings it. */
  const unreadOf = async (who: Staff, conversationId: string) =>
    (await server.get(`/api/conversations?view=mine&limit=${CONVERSATION_PAGE_MAX}`, who))
      .expect(200, ConversationPageSchema)
      .reads.find((c) => c.conversationId === conversationId);
  const totals = async (who: Staff) => (await server.get('/api/conversations/unread', who)).expect(200, UnreadTotalsSchema);
  const markRead = (who: Staff | Chat | undefined, conversationId: string, seq: unknown) =>
    server.request('PUT', `/api/conversations/${conversationId}/read`, { auth: who, body: { seq } });

  /** A chat Anna holds, with the customer's first message and her join message. */
  async function heldChat(): Promise<Chat> {
    const chat = await server.startChat('Support');
    await server.picked(anna, chat.conversationId);
    return chat;
  }

  it('counts customer messages after my marker in the conversations I hold', async () => {
    const chat = await heldChat();
    expect(await unreadOf(anna, chat.conversationId)).toEqual({ conversationId: chat.conversationId, lastReadSeq: 0, unreadCount: 1 });
    await server.customerSays(chat, 'Are you there?');
    await server.agentSays(anna, chat.conversationId, 'Yes!');
    await server.customerSays(chat, 'Great');
    // Agent and system messages are never unread.
    expect((await unreadOf(anna, chat.conversationId))!.unreadCount).toBe(3);
    // Ben does not hold it: it is not in his list.
    expect(await unreadOf(ben, chat.conversationId)).toBeUndefined();
  });

  it('answers with totals only: conversations with unread customer messages and those messages, held and offered apart', async () => {
    const before = await totals(anna);
    const chat = await heldChat();
    expect(await totals(anna)).toEqual({ ...before, mine: { conversations: before.mine.conversations + 1, messages: before.mine.messages + 1 } });
    await server.customerSays(chat, 'One');
    await server.customerSays(chat, 'Two');
    expect((await totals(anna)).mine).toEqual({ conversations: before.mine.conversations + 1, messages: before.mine.messages + 3 });
    const last = await server.customerSays(chat, 'Three');
    (await markRead(anna, chat.conversationId, last.seq)).expect(200, MarkReadResponseSchema);
    expect(await totals(anna)).toEqual(before);
    // Ben holds nothing of it.
    expect((await totals(ben)).mine.messages).toBe(0);
  });

  it('names the holder on message events and the previous holder on transfers, for panels that have not loaded the conversation', async () => {
    const chat = await heldChat();
    const socket = await server.connect({ token: anna.token });
    await socket.ready();
    await server.customerSays(chat, 'Whose is this?');
    const message = await socket.next((f) => f.kind === 'event' && f.event.type === 'message.created' && f.event.message.text === 'Whose is this?');
    expect(message).toMatchObject({ event: { holderId: anna.user.id } });
    (await server.request('POST', `/api/conversations/${chat.conversationId}/transfer`, { auth: anna, body: { target: { kind: 'queue', queueId: server.queueIds.Support } } })).expect(
      200,
      TransferResponseSchema,
    );
    const transferred = await socket.next((f) => f.kind === 'event' && f.event.type === 'conversation.transferred');
    expect(transferred).toMatchObject({ event: { previousHolderId: anna.user.id } });
  });

  it('moves the marker forward only, clamps it to the last message and tells only my own devices', async () => {
    const chat = await heldChat();
    const second = await server.customerSays(chat, 'Second question');
    const [annaSocket, annaOtherDevice, benSocket] = await Promise.all([
      server.connect({ token: anna.token }),
      server.connect({ token: (await server.login('anna')).token }),
      server.connect({ token: ben.token }),
    ]);
    await Promise.all([annaSocket.ready(), annaOtherDevice.ready(), benSocket.ready()]);

    const read = (await markRead(anna, chat.conversationId, second.seq)).expect(200, MarkReadResponseSchema).read;
    expect(read).toEqual({ conversationId: chat.conversationId, lastReadSeq: second.seq, unreadCount: 0 });
    for (const socket of [annaSocket, annaOtherDevice]) {
      const frame = await socket.next((f) => f.kind === 'user-event');
      expect(frame).toMatchObject({ kind: 'user-event', event: { type: 'read.updated', read } });
    }

    // Going back changes nothing; a seq past the end is clamped to the last message.
    expect((await markRead(anna, chat.conversationId, 1)).expect(200, MarkReadResponseSchema).read.lastReadSeq).toBe(second.seq);
    const third = await server.customerSays(chat, 'Third');
    expect((await markRead(anna, chat.conversationId, 10_000)).expect(200, MarkReadResponseSchema).read).toEqual({
      conversationId: chat.conversationId,
      lastReadSeq: third.seq,
      unreadCount: 0,
    });

    // Ben's socket saw the customer's messages (his queue) but no read marker of Anna's.
    await server.customerSays(chat, 'Marker for the end of this test');
    const benFrames = await benSocket.takeUntil((f) => f.kind === 'event' && f.event.type === 'message.created' && f.event.message.text === 'Marker for the end of this test');
    expect(benFrames.filter((f) => f.kind === 'user-event')).toEqual([]);
  });

  it("lets a supervisor read a conversation without touching the agent's unread count", async () => {
    const chat = await heldChat();
    await server.customerSays(chat, 'Hello again');
    const before = await unreadOf(anna, chat.conversationId);
    const { conversation } = (await server.get(`/api/conversations/${chat.conversationId}`, sara)).expect(200, ConversationResponseSchema);
    (await markRead(sara, chat.conversationId, conversation.lastSeq)).expect(200, MarkReadResponseSchema);
    expect(await unreadOf(anna, chat.conversationId)).toEqual(before);
  });

  it('refuses markers for conversations the user may not see, bad seqs and callers without a session', async () => {
    const chat = await server.startChat('Sales');
    // Anna does not serve Sales: the conversation does not exist for her.
    (await markRead(anna, chat.conversationId, 1)).expectError(404, 'not_found');
    (await markRead(anna, 'not-a-uuid', 1)).expectError(404, 'not_found');
    (await markRead(ben, chat.conversationId, -1)).expectError(400, 'invalid_request');
    (await markRead(ben, chat.conversationId, 'one')).expectError(400, 'invalid_request');
    (await markRead(undefined, chat.conversationId, 1)).expectError(401, 'unauthenticated');
    (await markRead(chat, chat.conversationId, 1)).expectError(401, 'unauthenticated');
    (await server.get('/api/conversations/unread')).expectError(401, 'unauthenticated');
  });
});

describeEachBackend('Conversation reply-waiting fields', (backend) => {
  const server = useTestServer(backend);

  it('tracks the customer\'s latest message and the oldest one still waiting for a reply', async () => {
    const anna = await server.staff('anna');
    const chat = await server.startChat('Support');
    await server.picked(anna, chat.conversationId);
    const get = async () => (await server.get(`/api/conversations/${chat.conversationId}`, anna)).expect(200, ConversationResponseSchema).conversation;

    let c = await get();
    expect(c.lastCustomerMessageAt).toBe(chat.firstMessage.createdAt);
    // Anna's join message is a system message: the customer still waits for a reply.
    expect(c.awaitingReplySince).toBe(chat.firstMessage.createdAt);

    await server.agentSays(anna, chat.conversationId, 'Hi, how can I help?');
    c = await get();
    expect(c.awaitingReplySince).toBeNull();
    expect(c.lastCustomerMessageAt).toBe(chat.firstMessage.createdAt);

    const first = await server.customerSays(chat, 'My order is late');
    const second = await server.customerSays(chat, 'Order 4411');
    c = await get();
    expect(c.awaitingReplySince).toBe(first.createdAt);
    expect(c.lastCustomerMessageAt).toBe(second.createdAt);

    const mine = (await server.get('/api/conversations?view=mine', anna)).expect(200, ConversationListSchema).conversations;
    expect(mine.find((x) => x.id === chat.conversationId)).toMatchObject({ awaitingReplySince: first.createdAt, offer: null, returnedAt: null });
  });
});
