import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_PAGE_MAX, MESSAGE_TEXT_MAX_LENGTH } from '../../contract/limits';
import { MessagePageSchema, SendMessageResponseSchema } from '../../contract/messages';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Chat, type RequestOptions, type Staff } from '../test-support/test-server';

describeEachBackend('Message input', (backend) => {
  const server = useTestServer(backend);
  let chat: Chat;
  let ben: Staff;

  beforeAll(async () => {
    chat = await server.startChat('Support');
    ben = await server.staff('ben');
    await server.picked(ben, chat.conversationId);
  });

  const senders = [
    { who: 'customer', send: (opts: RequestOptions) => server.request('POST', '/api/webchat/messages', { auth: chat, ...opts }) },
    {
      who: 'agent',
      send: (opts: RequestOptions) => server.request('POST', `/api/conversations/${chat.conversationId}/messages`, { auth: ben, ...opts }),
    },
  ];

  const storedTexts = async () =>
    (await server.get(`/api/conversations/${chat.conversationId}/messages?limit=200`, ben))
      .expect(200, MessagePageSchema)
      .messages.map((m) => m.text);

  describe.each(senders)('from the $who', ({ send }) => {
    it('refuses an empty or blank message', async () => {
      for (const text of ['', '   \n\t ']) {
        const error = (await send({ body: { clientMessageId: randomUUID(), text } })).expectError(400, 'invalid_request');
        expect(error.fields).toEqual({ text: 'A message cannot be empty' });
        expect(error.message).toContain('empty');
      }
    });

    it(`refuses a message over ${MESSAGE_TEXT_MAX_LENGTH} characters and accepts one at the limit`, async () => {
      const tooLong = await send({ body: { clientMessageId: randomUUID(), text: 'x'.repeat(MESSAGE_TEXT_MAX_LENGTH + 1) } });
      expect(tooLong.expectError(400, 'invalid_request').message).toContain(String(MESSAGE_TEXT_MAX_LENGTH));

      const atLimit = 'y'.repeat(MESSAGE_TEXT_MAX_LENGTH);
      const ok = await send({ body: { clientMessageId: randomUUID(), text: atLimit } });
      expect(ok.expect(201, SendMessageResponseSchema).message.text).toBe(atLimit);
    });

    it('refuses a missing or malformed clientMessageId', async () => {
      const missing = (await send({ body: { text: 'Hello' } })).expectError(400, 'invalid_request');
      expect(missing.fields).toHaveProperty('clientMessageId');
      expect(missing.message).toContain('clientMessageId');
      const notUuid = (await send({ body: { clientMessageId: 'abc', text: 'Hello' } })).expectError(400, 'invalid_request');
      expect(notUuid.fields).toHaveProperty('clientMessageId');
    });

    it('refuses malformed JSON, a non-JSON body and a missing body', async () => {
      const malformed = (await send({ payload: '{"clientMessageId": "', headers: { 'content-type': 'application/json' } })).expectError(
        400,
        'invalid_request',
      );
      expect(malformed.message).toMatch(/JSON/);
      (await send({ payload: 'Hello', headers: { 'content-type': 'text/plain' } })).expectError(400, 'invalid_request');
      (await send({})).expectError(400, 'invalid_request');
    });

    it('refuses a body over the size limit', async () => {
      const res = await send({ body: { clientMessageId: randomUUID(), text: 'z'.repeat(300 * 1024) } });
      res.expectError(413, 'invalid_request');
    });

    it('stores markup verbatim as text', async () => {
      const text = '<img src=x onerror=alert(1)><script>alert("x")</script> & &amp;';
      const res = await send({ body: { clientMessageId: randomUUID(), text } });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.expect(201, SendMessageResponseSchema).message.text).toBe(text);
      expect(await storedTexts()).toContain(text);
      const customerView = (await server.get('/api/webchat/messages?limit=200', chat)).expect(200, MessagePageSchema);
      expect(customerView.messages.map((m) => m.text)).toContain(text);
    });
  });

  it('stores nothing for refused input', async () => {
    const before = await storedTexts();
    for (const { send } of senders) {
      (await send({ body: { clientMessageId: randomUUID(), text: '' } })).expectError(400, 'invalid_request');
      (await send({ body: { text: 'no id' } })).expectError(400, 'invalid_request');
      (await send({ body: { clientMessageId: randomUUID(), text: 'x'.repeat(MESSAGE_TEXT_MAX_LENGTH + 1) } })).expectError(
        400,
        'invalid_request',
      );
    }
    expect(await storedTexts()).toEqual(before);
  });

  it('pages messages by seq with before and limit', async () => {
    const all = (await server.get(`/api/conversations/${chat.conversationId}/messages?limit=200`, ben)).expect(200, MessagePageSchema);
    const seqs = all.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(1);
    const last = seqs[seqs.length - 1]!;
    const older = (await server.get(`/api/conversations/${chat.conversationId}/messages?before=${last}&limit=2`, ben)).expect(
      200,
      MessagePageSchema,
    );
    expect(older.messages.map((m) => m.seq)).toEqual([last - 2, last - 1]);
    expect(older.hasMore).toBe(last - 2 > 1);
    (await server.get(`/api/conversations/${chat.conversationId}/messages?limit=0`, ben)).expectError(400, 'invalid_request');
    (await server.get(`/api/conversations/${chat.conversationId}/messages?limit=${MESSAGE_PAGE_MAX + 1}`, ben)).expectError(400, 'invalid_request');
  });
});
