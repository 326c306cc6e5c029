import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { MessagePageSchema, SendMessageResponseSchema } from '../../contract/messages';
import {
  CustomerConversationResponseSchema,
  PublicQueueListSchema,
  StartChatResponseSchema,
} from '../../contract/webchat';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer } from '../test-support/test-server';

describeEachBackend('Web chat', (backend) => {
  const server = useTestServer(backend);

  it('lists the queues a customer may write to, without internal addresses', async () => {
    const { queues } = (await server.get('/api/webchat/queues')).expect(200, PublicQueueListSchema);
    expect(queues.map((q) => q.name)).toEqual(['Billing', 'Sales', 'Support']);
    expect(JSON.stringify(queues)).not.toContain('@acme.example');
  });

  it('starts a chat and returns the customer token', async () => {
    const res = await server.post('/api/webchat/conversations', undefined, {
      queueId: server.queueIds.Support,
      name: 'Maya Costa',
      email: 'maya.costa@example.com',
      text: 'My parcel is late.',
      clientMessageId: randomUUID(),
    });
    const body = res.expect(201, StartChatResponseSchema);
    expect(body.customerToken.length).toBeGreaterThanOrEqual(32);
    expect(body.conversation).toMatchObject({ queueName: 'Support', state: 'queued', customerName: 'Maya Costa', agentName: null });
    expect(body.message).toMatchObject({ seq: 1, authorKind: 'customer', text: 'My parcel is late.', conversationId: body.conversation.id });

    const own = (await server.get('/api/webchat/conversation', body.customerToken)).expect(200, CustomerConversationResponseSchema);
    expect(own.conversation.id).toBe(body.conversation.id);
  });

  it('shows each visitor the name they typed, even under an email typed before', async () => {
    const start = (name: string, email: string) =>
      server
        .post('/api/webchat/conversations', undefined, { queueId: server.queueIds.Support, name, email, text: 'Hello', clientMessageId: randomUUID() })
        .then((res) => res.expect(201, StartChatResponseSchema));
    const first = await start('Rita Returning', 'rita.returning@example.com');
    // A typed email proves nothing: the second visitor is not Rita (see customer-identity.test.ts).
    const again = await start('Someone Else', 'RITA.returning@example.com');
    expect(again.conversation.customerName).toBe('Someone Else');
    expect(again.message.authorName).toBe('Someone Else');
    expect(again.conversation.id).not.toBe(first.conversation.id);
  });

  it('refuses a chat into a queue that does not exist', async () => {
    const res = await server.post('/api/webchat/conversations', undefined, {
      queueId: randomUUID(),
      name: 'Maya Costa',
      email: 'maya.costa@example.com',
      text: 'Hello?',
      clientMessageId: randomUUID(),
    });
    expect(res.expectError(400, 'invalid_request').fields).toHaveProperty('queueId');
  });

  it('shows each customer only their own conversation and messages', async () => {
    const first = await server.startChat('Support', { text: 'I am the first customer.' });
    const second = await server.startChat('Sales', { text: 'I am the second customer.' });
    await server.customerSays(second, 'A second message from the second customer.');

    const own = (await server.get('/api/webchat/conversation', first)).expect(200, CustomerConversationResponseSchema);
    expect(own.conversation.id).toBe(first.conversationId);
    const page = (await server.get('/api/webchat/messages', first)).expect(200, MessagePageSchema);
    expect(page.messages.map((m) => m.text)).toEqual(['I am the first customer.']);
    expect(page.messages.every((m) => m.conversationId === first.conversationId)).toBe(true);

    const theirs = (await server.get('/api/webchat/messages', second)).expect(200, MessagePageSchema);
    expect(theirs.messages.map((m) => m.text)).toEqual(['I am the second customer.', 'A second message from the second customer.']);
  });

  it('refuses a wrong, missing or staff token with 401', async () => {
    (await server.get('/api/webchat/conversation', 'not-a-real-token')).expectError(401, 'unauthenticated');
    (await server.get('/api/webchat/conversation')).expectError(401, 'unauthenticated');
    (await server.get('/api/webchat/messages', 'not-a-real-token')).expectError(401, 'unauthenticated');
    const anna = await server.staff('anna');
    (await server.get('/api/webchat/conversation', anna)).expectError(401, 'unauthenticated');
    const send = await server.post('/api/webchat/messages', 'not-a-real-token', { clientMessageId: randomUUID(), text: 'Hi' });
    send.expectError(401, 'unauthenticated');
    // Without a token the answer is 401 even when the input is missing too.
    (await server.post('/api/webchat/messages')).expectError(401, 'unauthenticated');
    (await server.get('/api/webchat/messages?limit=0')).expectError(401, 'unauthenticated');
  });

  it('stores a resent message once and answers the retry with created false', async () => {
    const chat = await server.startChat('Support');
    const clientMessageId = randomUUID();
    const first = (await server.customerSend(chat, 'Are you there?', clientMessageId)).expect(201, SendMessageResponseSchema);
    const retry = (await server.customerSend(chat, 'Are you there?', clientMessageId)).expect(200, SendMessageResponseSchema);
    expect(first.created).toBe(true);
    expect(retry.created).toBe(false);
    expect(retry.message).toEqual(first.message);

    const page = (await server.get('/api/webchat/messages', chat)).expect(200, MessagePageSchema);
    expect(page.messages.filter((m) => m.clientMessageId === clientMessageId)).toHaveLength(1);
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('stores simultaneous retries of one message once', async () => {
    const chat = await server.startChat('Support');
    const clientMessageId = randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => server.customerSend(chat, 'Hello hello', clientMessageId)));
    const bodies = results.map((r) => SendMessageResponseSchema.parse(r.json()));
    expect(bodies.filter((b) => b.created)).toHaveLength(1);
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(bodies.map((b) => b.message.id)).size).toBe(1);
  });

  it('refuses a message into an ended conversation with 409', async () => {
    const chat = await server.startChat('Support');
    const ben = await server.staff('ben');
    const earlier = (await server.customerSend(chat, 'One more thing')).expect(201, SendMessageResponseSchema);
    await server.picked(ben, chat.conversationId);
    (await server.end(ben, chat.conversationId)).expect(200, ConversationResponseSchema);

    (await server.customerSend(chat, 'Hello again?')).expectError(409, 'conversation_ended');
    // A retry of a message the server already has still gets its first answer.
    const retry = await server.customerSend(chat, 'One more thing', earlier.message.clientMessageId!);
    expect(retry.expect(200, SendMessageResponseSchema).message.id).toBe(earlier.message.id);

    const own = (await server.get('/api/webchat/conversation', chat)).expect(200, CustomerConversationResponseSchema);
    expect(own.conversation).toMatchObject({ state: 'ended', agentName: 'Ben Okafor' });
  });
});
