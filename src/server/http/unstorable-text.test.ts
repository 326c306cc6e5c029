import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Chat, type Staff } from '../test-support/test-server';

const NUL = 'a\u0000b';
const HALF_EMOJI = 'hi \ud83d';

describeEachBackend('Text the database cannot store', (backend) => {
  const server = useTestServer(backend);
  let ben: Staff;
  let adam: Staff;
  let chat: Chat;

  beforeAll(async () => {
    [ben, adam] = await Promise.all([server.staff('ben'), server.staff('adam')]);
    chat = await server.startChat('Support');
    await server.picked(ben, chat.conversationId);
  });

  const refused = async (res: Promise<{ expectError: (s: number, c: 'invalid_request') => { fields?: Record<string, string>; message: string } }>, field: string) => {
    const body = (await res).expectError(400, 'invalid_request');
    expect(body.fields?.[field], JSON.stringify(body)).toMatch(/cannot be stored/);
    expect(body.message).toContain(field);
  };

  it('refuses a NUL or half an emoji in message text, from agents and customers, naming the field', async () => {
    const c = chat.conversationId;
    for (const bad of [NUL, HALF_EMOJI]) {
      await refused(server.agentSend(ben, c, bad), 'text');
      await refused(server.customerSend(chat, bad), 'text');
    }
    // Nothing was stored; good text still goes.
    const [{ n }] = (await server.db.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE text LIKE 'a%b' OR text LIKE 'hi %'")) as [{ n: number }];
    expect(n).toBe(0);
    await server.agentSays(ben, c, 'Grüße 😀');
  });

  it('refuses it in the web chat start (name, email, first message)', async () => {
    const start = (over: Record<string, string>) =>
      server.post('/api/webchat/conversations', undefined, {
        queueId: server.queueIds.Support,
        name: 'Eve',
        email: 'eve@example.com',
        text: 'Hello',
        clientMessageId: randomUUID(),
        ...over,
      });
    await refused(start({ name: NUL }), 'name');
    await refused(start({ name: HALF_EMOJI }), 'name');
    await refused(start({ text: NUL }), 'text');
    await refused(start({ email: 'e\u0000ve@example.com' }), 'email');
  });

  it('refuses it in notes, drafts, transfer notes and History search', async () => {
    const c = chat.conversationId;
    await refused(server.post(`/api/conversations/${c}/notes`, ben, { clientNoteId: randomUUID(), text: NUL }), 'text');
    await refused(server.request('PUT', `/api/conversations/${c}/draft`, { auth: ben, body: { text: NUL } }), 'text');
    await refused(server.request('PUT', `/api/conversations/${c}/draft`, { auth: ben, body: { text: HALF_EMOJI } }), 'text');
    await refused(
      server.post(`/api/conversations/${c}/transfer`, ben, { target: { kind: 'queue', queueId: server.queueIds.Sales }, note: NUL }),
      'note',
    );
    await refused(server.get(`/api/conversations/handled?search=${encodeURIComponent(NUL)}`, ben), 'search');
  });

  it('refuses it in names admins type: users, queues; and at login', async () => {
    await refused(
      server.post('/api/admin/users', adam, { username: 'eve', password: 'a long enough password', displayName: NUL, role: 'agent', capacity: 3, queueIds: [] }),
      'displayName',
    );
    await refused(
      server.post('/api/admin/queues', adam, { name: `Q${NUL}`, address: 'q@example.com', routingMode: 'pick', agentIds: [] }),
      'name',
    );
    await refused(server.post('/api/auth/login', undefined, { username: NUL, password: 'whatever' }), 'username');
  });

  it('refuses it in path parameters', async () => {
    await refused(server.request('PUT', `/api/admin/queues/${encodeURIComponent(NUL)}`, {
      auth: adam,
      body: { name: 'Q', address: 'q@example.com', routingMode: 'pick', agentIds: [] },
    }), 'id');
    await refused(server.get(`/api/conversations/${encodeURIComponent(NUL)}`, ben), 'id');
  });
});
