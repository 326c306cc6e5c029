import { createHmac, randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { ConversationResponseSchema } from '../../contract/conversations';
import { CustomerHistoryPageSchema } from '../../contract/history';
import { MessagePageSchema } from '../../contract/messages';
import { SettingsResponseSchema } from '../../contract/settings';
import { CustomerConversationResponseSchema, StartChatResponseSchema } from '../../contract/webchat';
import { describeEachBackend } from '../test-support/databases';
import { staffEvent } from '../test-support/realtime-client';
import { useTestServer, type Staff } from '../test-support/test-server';

// Parsed loosely on purpose: these tests also ran against the code before the identity work.
const SecretAnswer = z.object({ secret: z.string(), identity: z.object({ configured: z.boolean() }) });

/** What an embedding site's backend computes. Written here from the README, not from the server's code. */
const sign = (secret: string, customerId: string) => createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');

describeEachBackend('Customer identity in the web chat', (backend) => {
  const server = useTestServer(backend);
  let adam: Staff;
  let sara: Staff;
  let anna: Staff;
  /** The seeded Maria Garcia: verified as C-1001, with two earlier conversations. */
  let maria: { id: string; conversationIds: string[] };

  beforeAll(async () => {
    [adam, sara, anna] = await Promise.all([server.staff('adam'), server.staff('sara'), server.staff('anna')]);
    const rows = await server.db.query<{ customer_id: string; id: string }>(
      `SELECT c.customer_id, c.id FROM conversations c JOIN customers cu ON cu.id = c.customer_id WHERE cu.email = 'maria.garcia@example.com'`,
    );
    maria = { id: rows[0]!.customer_id, conversationIds: rows.map((r) => r.id) };
  });

  const startBody = (patch: Record<string, unknown> = {}) => ({
    queueId: server.queueIds.Sales,
    name: 'Visitor',
    email: `visitor-${randomUUID()}@example.com`,
    text: 'Hello there',
    clientMessageId: randomUUID(),
    ...patch,
  });
  const start = (body: Record<string, unknown>) => server.post('/api/webchat/conversations', undefined, body);
  const staffView = async (conversationId: string) =>
    (await server.get(`/api/conversations/${conversationId}`, sara)).expect(200, ConversationResponseSchema).conversation;
  const historyOf = async (conversationId: string) =>
    (await server.get(`/api/conversations/${conversationId}/history?limit=100`, sara)).expect(200, CustomerHistoryPageSchema).conversations;
  const conversationsNamed = async (email: string) =>
    (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM conversations WHERE source = $1', [email]))[0]!.n;
  const generateSecret = async () => (await server.post('/api/admin/webchat-identity/secret', adam)).expect(200, SecretAnswer).secret;

  it('never attaches a visitor who types a known email to that customer, their name or their history', async () => {
    const res = await start(startBody({ name: 'Mallory Guess', email: 'MARIA.garcia@example.com', text: 'What did I order last time?' }));
    const started = res.expect(201, StartChatResponseSchema);
    // The visitor sees the name they typed, not the stored one.
    expect(started.conversation.customerName).toBe('Mallory Guess');
    expect(started.message.authorName).toBe('Mallory Guess');

    const seen = await staffView(started.conversation.id);
    expect(seen.customer).toMatchObject({ name: 'Mallory Guess', email: 'MARIA.garcia@example.com', verified: false, externalId: null });
    expect(seen.customer.id).not.toBe(maria.id);
    // No earlier conversations: Maria's stay with Maria.
    expect(await historyOf(started.conversation.id)).toEqual([]);
    expect((await historyOf(maria.conversationIds[0]!)).map((c) => c.id).sort()).toEqual(maria.conversationIds.slice(1).sort());
  });

  it('gives every unverified start a record of its own, with only its own conversations', async () => {
    const email = `same-${randomUUID()}@example.com`;
    const first = (await start(startBody({ name: 'First Typist', email }))).expect(201, StartChatResponseSchema);
    const second = (await start(startBody({ name: 'Second Typist', email }))).expect(201, StartChatResponseSchema);
    const [a, b] = await Promise.all([staffView(first.conversation.id), staffView(second.conversation.id)]);
    expect(a.customer.id).not.toBe(b.customer.id);
    expect(b.customer.name).toBe('Second Typist');
    expect(await historyOf(second.conversation.id)).toEqual([]);
  });

  it('joins a verified start to the customer with that site id and their earlier conversations', async () => {
    const secret = await generateSecret();
    const res = await start(startBody({ name: 'Maria G.', email: 'maria@other.example', customerId: 'C-1001', signature: sign(secret, 'C-1001') }));
    const started = res.expect(201, StartChatResponseSchema);
    const seen = await staffView(started.conversation.id);
    expect(seen.customer).toMatchObject({ id: maria.id, name: 'Maria Garcia', verified: true, externalId: 'C-1001' });
    expect((await historyOf(started.conversation.id)).map((c) => c.id).sort()).toEqual([...maria.conversationIds].sort());

    // A site id seen for the first time makes a verified record; the next start joins it.
    const newId = `shop-${randomUUID()}`;
    const one = (await start(startBody({ name: 'New Shopper', customerId: newId, signature: sign(secret, newId) }))).expect(201, StartChatResponseSchema);
    const two = (await start(startBody({ name: 'Renamed Shopper', customerId: newId, signature: sign(secret, newId).toUpperCase() }))).expect(
      201,
      StartChatResponseSchema,
    );
    const [c1, c2] = await Promise.all([staffView(one.conversation.id), staffView(two.conversation.id)]);
    expect(c2.customer).toMatchObject({ id: c1.customer.id, name: 'New Shopper', verified: true, externalId: newId });
    expect((await historyOf(two.conversation.id)).map((c) => c.id)).toEqual([one.conversation.id]);
  });

  it('refuses a forged, altered or half signed link with a code, creating nothing', async () => {
    const secret = await generateSecret();
    const email = `forger-${randomUUID()}@example.com`;
    const forged = [
      { customerId: 'C-1001', signature: sign('a guessed secret', 'C-1001') },
      { customerId: 'C-1002', signature: sign(secret, 'C-1001') },
      { customerId: 'C-1001', signature: 'not-even-hex' },
      { customerId: 'C-1001', signature: sign(secret, 'C-1001').slice(0, 62) },
    ];
    for (const link of forged) (await start(startBody({ email, ...link }))).expectError(403, 'invalid_signature');
    expect((await start(startBody({ email, customerId: 'C-1001' }))).expectError(400, 'invalid_request').fields).toHaveProperty('signature');
    expect((await start(startBody({ email, signature: sign(secret, 'C-1001') }))).expectError(400, 'invalid_request').fields).toHaveProperty('signature');
    expect(await conversationsNamed(email)).toBe(0);

    // Rotating the secret: links signed with the old one stop working.
    const rotated = await generateSecret();
    expect(rotated).not.toBe(secret);
    (await start(startBody({ email, customerId: 'C-1003', signature: sign(secret, 'C-1003') }))).expectError(403, 'invalid_signature');
    (await start(startBody({ email, customerId: 'C-1003', signature: sign(rotated, 'C-1003') }))).expect(201, StartChatResponseSchema);
  });

  it('keeps the secret to admins who ask for it: never in settings answers or events, and audited', async () => {
    const adminSocket = await server.connect({ token: adam.token });
    await adminSocket.ready();
    const secret = await generateSecret();

    const status = await server.get('/api/admin/webchat-identity', adam);
    expect(status.status).toBe(200);
    expect(status.json()).toMatchObject({ identity: { configured: true, generatedBy: { displayName: 'Adam Novak' } } });
    expect(status.text).not.toContain(secret);
    const revealed = await server.post('/api/admin/webchat-identity/reveal', adam);
    expect(revealed.expect(200, SecretAnswer).secret).toBe(secret);
    expect(revealed.headers['cache-control']).toBe('no-store');

    const settings = await server.get('/api/settings', adam);
    const { settings: current } = settings.expect(200, SettingsResponseSchema);
    const saved = await server.request('PUT', '/api/settings', { auth: adam, body: current });
    saved.expect(200, SettingsResponseSchema);
    await adminSocket.next((f) => f.kind === 'workspace-event' && f.event.type === 'settings.updated');
    for (const text of [settings.text, saved.text, (await server.get('/api/settings/routing', anna)).text, ...adminSocket.raw]) {
      expect(text).not.toContain(secret);
    }

    // Nobody but admins, and the audit trail says who generated and who looked.
    for (const who of [anna, sara]) {
      (await server.get('/api/admin/webchat-identity', who)).expectError(403, 'forbidden');
      (await server.post('/api/admin/webchat-identity/reveal', who)).expectError(403, 'forbidden');
      (await server.post('/api/admin/webchat-identity/secret', who)).expectError(403, 'forbidden');
    }
    (await server.post('/api/admin/webchat-identity/reveal')).expectError(401, 'unauthenticated');
    const audit = (await server.get('/api/admin/audit', adam)).json() as { entries: { action: string; summary: string }[] };
    const actions = audit.entries.map((e) => e.action);
    expect(actions).toContain('webchat_secret.revealed');
    expect(actions).toContain('webchat_secret.rotated');
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('makes one conversation of five concurrent identical starts, each answer with a working token', async () => {
    const body = startBody();
    const answers = await Promise.all(Array.from({ length: 5 }, () => start(body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const parsed = answers.map((a) => StartChatResponseSchema.parse(a.json()));
    expect(new Set(parsed.map((p) => p.conversation.id)).size).toBe(1);
    expect(new Set(parsed.map((p) => p.message.id)).size).toBe(1);
    for (const p of parsed) {
      const own = (await server.get('/api/webchat/conversation', p.customerToken)).expect(200, CustomerConversationResponseSchema);
      expect(own.conversation.id).toBe(parsed[0]!.conversation.id);
    }
    expect(await conversationsNamed(body.email)).toBe(1);

    // A retry later (the answer was lost) gets the same conversation too.
    const retry = (await start(body)).expect(200, StartChatResponseSchema);
    expect(retry.conversation.id).toBe(parsed[0]!.conversation.id);
  });

  it('refuses a replay with another body or after the window, so a known id alone gives no token', async () => {
    const body = startBody({ text: 'My own first message' });
    const first = (await start(body)).expect(201, StartChatResponseSchema);
    for (const changed of [{ text: 'Someone else' }, { name: 'Eve' }, { email: 'eve@example.com' }, { queueId: server.queueIds.Support }]) {
      const res = await start({ ...body, ...changed });
      expect(res.text).not.toContain(first.customerToken);
      res.expectError(409, 'duplicate_client_id');
    }
    expect(await conversationsNamed(body.email)).toBe(1);

    // Past the replay window even the same body gets no token.
    await server.db.query("UPDATE webchat_starts SET created_at = now() - interval '1 hour' WHERE client_message_id = $1", [body.clientMessageId]);
    const late = await start(body);
    expect(late.text).not.toContain(first.customerToken);
    late.expectError(409, 'duplicate_client_id');
  });

  it("shows a customer's message client ids to nobody but the customer", async () => {
    const annaSocket = await server.connect({ token: anna.token });
    await annaSocket.ready();
    const body = startBody({ queueId: server.queueIds.Support });
    const started = (await start(body)).expect(201, StartChatResponseSchema);
    expect(started.message.clientMessageId).toBe(body.clientMessageId);
    const chat = { token: started.customerToken, conversationId: started.conversation.id, firstMessage: started.message };
    const later = await server.customerSays(chat, 'A second line');

    const staffMessages = (await server.get(`/api/conversations/${chat.conversationId}/messages`, anna)).expect(200, MessagePageSchema).messages;
    expect(staffMessages.map((m) => m.clientMessageId)).toEqual([null, null]);
    const conversation = await staffView(chat.conversationId);
    expect(conversation.firstMessage?.clientMessageId ?? null).toBeNull();
    await annaSocket.next((f) => staffEvent('message.created', chat.conversationId)(f) && f.kind === 'event' && 'message' in f.event && f.event.message.id === later.id);
    for (const raw of annaSocket.raw) {
      expect(raw).not.toContain(body.clientMessageId);
      expect(raw).not.toContain(later.clientMessageId!);
    }

    // The customer keeps seeing their own, to match their pending sends; not the agent's.
    await server.picked(anna, chat.conversationId);
    const reply = await server.agentSays(anna, chat.conversationId, 'Hello, Anna here');
    expect(reply.clientMessageId).not.toBeNull();
    const own = (await server.get('/api/webchat/messages', chat.token)).expect(200, MessagePageSchema).messages;
    expect(own.filter((m) => m.authorKind === 'customer').map((m) => m.clientMessageId)).toEqual([body.clientMessageId, later.clientMessageId]);
    expect(own.filter((m) => m.authorKind !== 'customer').map((m) => m.clientMessageId)).toEqual(own.filter((m) => m.authorKind !== 'customer').map(() => null));
    expect(own.map((m) => m.id)).toContain(reply.id);
  });
});
