import { afterAll, beforeAll, expect, it } from 'vitest';
import { AdminAuditListSchema } from '../../contract/admin';
import { DeviceListSchema, DeviceResponseSchema, type Device } from '../../contract/devices';
import { PushPayloadSchema } from '../../contract/push-payload';
import { OkSchema } from '../../contract/api';
import { PreferencesResponseSchema } from '../../contract/preferences';
import { TransferResponseSchema } from '../../contract/transfers';
import { CreateNoteResponseSchema as NoteResponse } from '../../contract/notes';
import { describeEachBackend, describePostgresOnly, createTestDatabase, type TestDatabase } from '../test-support/databases';
import { LocalPushService, verifyVapid, type BrowserSubscription } from '../test-support/local-push-service';
import { connectAgent, conversation, disconnect, makeTeam, startChatIn } from '../test-support/offers';
import { TestServer, useTestServer, type Staff } from '../test-support/test-server';
import { DEFAULT_PUSH_SUBJECT, endpointProblem } from './push-sender';

let pushService: LocalPushService;
beforeAll(async () => {
  pushService = await LocalPushService.start();
});
afterAll(async () => {
  await pushService?.close();
});

async function register(server: TestServer, who: Staff, subscription: BrowserSubscription, label = 'Phone'): Promise<Device> {
  return (await server.post('/api/devices', who, { kind: 'webpush', subscription: subscription.toJSON(), label })).expect(201, DeviceResponseSchema).device;
}

const devicesOf = async (server: TestServer, who: Staff) => (await server.get('/api/devices', who)).expect(200, DeviceListSchema);

/** An agent of a picking queue of their own who holds a new chat, with a registered device and no socket open. */
async function agentHoldingChat(server: TestServer, opts: { withDevice?: boolean } = {}) {
  const team = await makeTeam(server, 1, { mode: 'pick' });
  const agent = team.agents[0]!;
  const subscription = pushService.subscribe();
  const device = opts.withDevice === false ? null : await register(server, agent, subscription);
  const chat = await startChatIn(server, team.queueId, 'Hello, my order has not arrived.');
  const socket = await connectAgent(server, agent);
  await server.picked(agent, chat.conversationId);
  await disconnect(server, socket, agent);
  // Everything so far (the pick and its system message) is decided: tests count from here.
  await server.push.dispatchNow();
  return { team, agent, subscription, device, chat };
}

describeEachBackend('Push devices and notifications', (backend) => {
  // The push service is a local HTTP server; pushes go out only when a test dispatches them.
  const server = useTestServer(backend, { app: { push: { allowInsecureEndpoints: true, automatic: false, intervalMs: 0 } } });

  beforeAll(async () => {
    // The cursor starts at the end of the log on the first pass.
    await server.push.dispatchNow();
  });

  it('stores a subscription through the API, lists it for its owner only, and removes it; app tokens are stored but not delivered to', async () => {
    const team = await makeTeam(server, 2, { mode: 'pick' });
    const [anna, ben] = team.agents as [Staff, Staff];
    const subscription = pushService.subscribe();
    const device = await register(server, anna, subscription);
    expect(device).toMatchObject({ kind: 'webpush', label: 'Phone', endpoint: subscription.endpoint, thisSession: true, delivered: true, lastDeliveredAt: null, failingSince: null });

    const listed = await devicesOf(server, anna);
    expect(listed.devices).toEqual([device]);
    // The key a browser subscribes with: an uncompressed P-256 point, URL-safe base64.
    expect(Buffer.from(listed.webPushPublicKey, 'base64url')).toHaveLength(65);
    // Another session of the same user sees it, not as its own.
    const laptop = await server.login(anna.user.username);
    expect((await devicesOf(server, laptop)).devices.map((d) => [d.id, d.thisSession])).toEqual([[device.id, false]]);
    // Nobody else sees or removes it.
    expect((await devicesOf(server, ben)).devices).toEqual([]);
    (await server.request('DELETE', `/api/devices/${device.id}`, { auth: ben })).expectError(404, 'not_found');

    const app = (await server.post('/api/devices', anna, { kind: 'fcm', token: 'fcm-registration-token-1' })).expect(201, DeviceResponseSchema).device;
    expect(app).toMatchObject({ kind: 'fcm', label: 'Android app', endpoint: null, delivered: false });
    const ios = (await server.post('/api/devices', anna, { kind: 'apns', token: 'a1b2c3d4e5f6', label: 'iPhone' })).expect(201, DeviceResponseSchema).device;
    expect(ios).toMatchObject({ kind: 'apns', label: 'iPhone', delivered: false });
    expect((await devicesOf(server, anna)).devices.map((d) => d.id)).toEqual([ios.id, app.id, device.id]);

    (await server.request('DELETE', `/api/devices/${device.id}`, { auth: anna })).expect(200, OkSchema);
    expect((await devicesOf(server, anna)).devices.map((d) => d.id)).toEqual([ios.id, app.id]);
    (await server.request('DELETE', `/api/devices/${device.id}`, { auth: anna })).expectError(404, 'not_found');
    (await server.request('DELETE', '/api/devices/not-an-id', { auth: anna })).expectError(404, 'not_found');

    // The admins' audit trail records who registered and removed which device.
    const adam = await server.staff('adam');
    const audit = (await server.get('/api/admin/audit', adam)).expect(200, AdminAuditListSchema).entries.filter((e) => e.actor.id === anna.user.id);
    expect(audit.map((e) => e.action)).toEqual(['device.removed', 'device.registered', 'device.registered', 'device.registered']);
    expect(audit[0]!.summary).toBe('Removed a device from push notifications: Phone (Web Push)');
  });

  it('moves an address to whoever registers it last, and drops a device when its session ends', async () => {
    const team = await makeTeam(server, 2, { mode: 'pick' });
    const [anna, ben] = team.agents as [Staff, Staff];
    const subscription = pushService.subscribe();
    await register(server, anna, subscription);
    const moved = await register(server, ben, subscription, 'Shared desk');
    expect((await devicesOf(server, anna)).devices).toEqual([]);
    expect((await devicesOf(server, ben)).devices).toEqual([moved]);

    (await server.post('/api/auth/logout', ben)).expect(200, OkSchema);
    const again = await server.login(ben.user.username);
    expect((await devicesOf(server, again)).devices).toEqual([]);
  });

  it('refuses malformed subscriptions and too many devices', async () => {
    const [anna] = (await makeTeam(server, 1)).agents as [Staff];
    const good = pushService.subscribe().toJSON();
    const missingKey = await server.post('/api/devices', anna, { kind: 'webpush', subscription: { ...good, keys: { auth: good.keys.auth } } });
    expect(Object.keys(missingKey.expectError(400, 'invalid_request').fields ?? {})).toContain('subscription.keys.p256dh');
    (await server.post('/api/devices', anna, { kind: 'webpush', subscription: { ...good, endpoint: 'ftp://example.com/x' } })).expectError(400, 'invalid_request');
    (await server.post('/api/devices', anna, { kind: 'sms', token: 'x' })).expectError(400, 'invalid_request');
    (await server.post('/api/devices', undefined, { kind: 'fcm', token: 'x' })).expectError(401, 'unauthenticated');
    for (let i = 0; i < 20; i++) (await server.post('/api/devices', anna, { kind: 'fcm', token: `token-${i}` })).expect(201, DeviceResponseSchema);
    const refused = (await server.post('/api/devices', anna, { kind: 'fcm', token: 'token-20' })).expectError(409, 'too_many_devices');
    expect(refused.message).toMatch(/Remove one/);
    // Registering one of them again is no new device.
    (await server.post('/api/devices', anna, { kind: 'fcm', token: 'token-3' })).expect(201, DeviceResponseSchema);
  });

  it('sends one push, signed and encrypted, when a customer writes to an agent with no open socket', async () => {
    const { agent, subscription, chat } = await agentHoldingChat(server);
    const publicKey = (await devicesOf(server, agent)).webPushPublicKey;
    expect(pushService.to(subscription)).toEqual([]);

    await server.customerSays(chat, 'Where is my parcel?\nIt was due yesterday.');
    expect(await server.push.dispatchNow()).toEqual({ sent: 1, delivered: 1, gone: 0, failed: 0 });
    const [request] = await pushService.waitFor(subscription, 1);

    const claims = verifyVapid(request!.headers.authorization, publicKey);
    expect(claims.aud).toBe(pushService.origin);
    expect(claims.sub).toBe(DEFAULT_PUSH_SUBJECT);
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    expect(claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600 * 1000);
    expect(request!.headers).toMatchObject({ 'content-encoding': 'aes128gcm', urgency: 'high', ttl: '3600' });
    expect(request!.headers.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);

    const payload = PushPayloadSchema.parse(JSON.parse(subscription.decrypt(request!.body)));
    expect(payload).toEqual({
      kind: 'message',
      title: 'New message from Offer Customer',
      body: 'Where is my parcel? It was due yesterday.',
      url: `/agent/conversations/${chat.conversationId}`,
      tag: `conversation-${chat.conversationId}`,
      conversationId: chat.conversationId,
    });
    // Exactly one: nothing is sent twice.
    expect(await server.push.dispatchNow()).toEqual({ sent: 0, delivered: 0, gone: 0, failed: 0 });
    expect(pushService.to(subscription)).toHaveLength(1);
    expect((await devicesOf(server, agent)).devices[0]!.lastDeliveredAt).not.toBeNull();

    // Several messages before the next pass make one notification, with the newest one.
    await server.customerSays(chat, 'Hello?');
    await server.customerSays(chat, 'Anyone there?');
    await server.push.dispatchNow();
    const [, second] = await pushService.waitFor(subscription, 2);
    expect(PushPayloadSchema.parse(JSON.parse(subscription.decrypt(second!.body)))).toMatchObject({ title: '2 new messages from Offer Customer', body: 'Anyone there?' });
  });

  it('speaks the recipient’s language: a German-speaking agent gets German pushes, a Finnish-speaking colleague Finnish ones', async () => {
    const { team, agent, subscription, chat } = await agentHoldingChat(server);
    (await server.request('PUT', '/api/preferences', { auth: agent, body: { language: 'de' } })).expect(200, PreferencesResponseSchema);
    await server.customerSays(chat, 'Wo ist mein Paket?');
    await server.push.dispatchNow();
    const [message] = await pushService.waitFor(subscription, 1);
    expect(PushPayloadSchema.parse(JSON.parse(subscription.decrypt(message!.body)))).toMatchObject({ title: 'Neue Nachricht von Offer Customer', body: 'Wo ist mein Paket?' });

    const colleague = (await makeTeam(server, 1, { mode: 'pick' })).agents[0]!;
    await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [team.queueId, colleague.user.id]);
    (await server.request('PUT', '/api/preferences', { auth: colleague, body: { language: 'fi' } })).expect(200, PreferencesResponseSchema);
    const colleagueDevice = pushService.subscribe();
    await register(server, colleague, colleagueDevice);
    const note = { clientNoteId: crypto.randomUUID(), text: 'Katsotko tämän?', mentionedUserIds: [colleague.user.id] };
    (await server.post(`/api/conversations/${chat.conversationId}/notes`, agent, note)).expect(201, NoteResponse);
    await server.push.dispatchNow();
    const [mention] = await pushService.waitFor(colleagueDevice, 1);
    expect(PushPayloadSchema.parse(JSON.parse(colleagueDevice.decrypt(mention!.body))).title).toBe(`${agent.user.displayName} mainitsi sinut muistiinpanossa`);
  });

  it('sends nothing while the agent has the panel open, for agent messages, or when they turned message notifications off', async () => {
    const { agent, subscription, chat } = await agentHoldingChat(server);
    const socket = await connectAgent(server, agent);
    await server.customerSays(chat, 'I am still here.');
    await server.agentSays(agent, chat.conversationId, 'So am I.');
    expect((await server.push.dispatchNow()).sent).toBe(0);
    await disconnect(server, socket, agent);

    (await server.request('PUT', '/api/preferences', { auth: agent, body: { notifications: { newMessages: false } } })).expect(200, PreferencesResponseSchema);
    await server.customerSays(chat, 'Hello?');
    expect((await server.push.dispatchNow()).sent).toBe(0);
    expect(pushService.to(subscription)).toEqual([]);
  });

  it('tells a colleague @mentioned in a note, with no panel open, and opens the conversation at its notes', async () => {
    const { team, agent, chat } = await agentHoldingChat(server);
    const other = await makeTeam(server, 1, { mode: 'pick' });
    const [colleague, outsider] = [(await makeTeam(server, 1, { mode: 'pick' })).agents[0]!, other.agents[0]!];
    // The colleague serves the conversation's queue too; the outsider does not.
    await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [team.queueId, colleague.user.id]);
    const colleagueDevice = pushService.subscribe();
    await register(server, colleague, colleagueDevice);
    const outsiderDevice = pushService.subscribe();
    await register(server, outsider, outsiderDevice);

    const note = { clientNoteId: crypto.randomUUID(), text: 'Can you check the refund?', mentionedUserIds: [colleague.user.id] };
    (await server.post(`/api/conversations/${chat.conversationId}/notes`, agent, note)).expect(201, NoteResponse);
    const refused = { clientNoteId: crypto.randomUUID(), text: 'And you?', mentionedUserIds: [outsider.user.id] };
    (await server.post(`/api/conversations/${chat.conversationId}/notes`, agent, refused)).expectError(422, 'mention_not_allowed');
    expect(await server.push.dispatchNow()).toEqual({ sent: 1, delivered: 1, gone: 0, failed: 0 });
    const [request] = await pushService.waitFor(colleagueDevice, 1);
    expect(PushPayloadSchema.parse(JSON.parse(colleagueDevice.decrypt(request!.body)))).toEqual({
      kind: 'mention',
      title: `${agent.user.displayName} mentioned you in a note`,
      body: 'Offer Customer · Can you check the refund?',
      url: `/agent/conversations/${chat.conversationId}?panel=notes`,
      tag: `mention-${chat.conversationId}`,
      conversationId: chat.conversationId,
    });
    expect(pushService.to(outsiderDevice)).toEqual([]);
  });

  it('prunes a subscription the push service says is gone (410), and marks one that fails', async () => {
    const { agent, subscription, chat } = await agentHoldingChat(server);
    const broken = pushService.subscribe();
    await register(server, await server.login(agent.user.username), broken, 'Tablet');
    pushService.answer(subscription, 410);
    pushService.answer(broken, 500);

    await server.customerSays(chat, 'Hello?');
    expect(await server.push.dispatchNow()).toEqual({ sent: 2, delivered: 0, gone: 1, failed: 1 });
    const left = (await devicesOf(server, agent)).devices;
    expect(left.map((d) => d.label)).toEqual(['Tablet']);
    expect(left[0]!.failingSince).not.toBeNull();

    // It works again: no longer failing.
    pushService.answer(broken, 201);
    await server.customerSays(chat, 'Still waiting.');
    expect(await server.push.dispatchNow()).toMatchObject({ delivered: 1 });
    expect((await devicesOf(server, agent)).devices[0]!.failingSince).toBeNull();
  });

  it('sends nothing to an agent who lost the conversation, even for a message written while they held it, nor to a disabled one', async () => {
    const { subscription, chat } = await agentHoldingChat(server);
    await server.customerSays(chat, 'Are you there?');
    // A supervisor moves it away before the next pass: access is checked when sending, not when writing.
    const sara = await server.staff('sara');
    (await server.post(`/api/conversations/${chat.conversationId}/reassign`, sara, { target: { kind: 'queue', queueId: server.queueIds.Support } })).expect(
      200,
      TransferResponseSchema,
    );
    expect((await conversation(server, sara, chat.conversationId)).agent).toBeNull();
    await server.customerSays(chat, 'Hello?');
    expect((await server.push.dispatchNow()).sent).toBe(0);
    expect(pushService.to(subscription)).toEqual([]);

    // Disabled: every session ends, and the devices with them.
    const other = await agentHoldingChat(server);
    const adam = await server.staff('adam');
    const user = { displayName: other.agent.user.displayName, role: 'agent', capacity: 5, queueIds: [other.team.queueId], disabled: true };
    expect((await server.request('PUT', `/api/admin/users/${other.agent.user.id}`, { auth: adam, body: user })).status).toBe(200);
    await server.customerSays(other.chat, 'Hello?');
    expect((await server.push.dispatchNow()).sent).toBe(0);
    const [{ n }] = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM push_devices WHERE user_id = $1', [other.agent.user.id])) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('tells an agent with no open socket of a conversation offered to them', async () => {
    const team = await makeTeam(server, 1);
    const agent = team.agents[0]!;
    const subscription = pushService.subscribe();
    await register(server, agent, subscription);
    const socket = await connectAgent(server, agent);
    await server.push.dispatchNow();
    const chat = await startChatIn(server, team.queueId, 'I would like to change my plan.');
    expect((await conversation(server, agent, chat.conversationId)).offer?.agent.id).toBe(agent.user.id);
    // The phone locks right after the offer arrived.
    await disconnect(server, socket, agent);
    await server.push.dispatchNow();
    const [request] = await pushService.waitFor(subscription, 1);
    expect(PushPayloadSchema.parse(JSON.parse(subscription.decrypt(request!.body)))).toEqual({
      kind: 'offer',
      title: 'Conversation offered to you: Offer Customer',
      body: `${team.name} · I would like to change my plan.`,
      url: `/agent/conversations/${chat.conversationId}`,
      tag: `conversation-${chat.conversationId}`,
      conversationId: chat.conversationId,
    });
  });
});

describeEachBackend('Push delivery by itself', (backend) => {
  const server = useTestServer(backend, { app: { push: { allowInsecureEndpoints: true, intervalMs: 0 } } });

  it('sends after the message is committed, without anyone asking', async () => {
    const { subscription, chat } = await agentHoldingChat(server);
    await server.customerSays(chat, 'Anybody?');
    const [request] = await pushService.waitFor(subscription, 1);
    expect(PushPayloadSchema.parse(JSON.parse(subscription.decrypt(request!.body))).body).toBe('Anybody?');
  });
});

describePostgresOnly('Push with two instances', () => {
  let testDb: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    const push = { allowInsecureEndpoints: true, intervalMs: 0 };
    a = await TestServer.onDatabase(testDb.db, { seed: true, app: { push } });
    b = await TestServer.onDatabase(await testDb.openAnother(), { seed: false, app: { push } });
    await Promise.all([a.listen(), b.listen()]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await testDb?.dispose();
  });

  it('sends each push from exactly one instance', async () => {
    const holders = [await agentHoldingChat(a), await agentHoldingChat(b)];
    for (let i = 0; i < 5; i++) {
      for (const { chat } of holders) await (i % 2 ? a : b).customerSays(chat, `Message ${i}`);
    }
    await Promise.all([a.push.dispatchNow(), b.push.dispatchNow()]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await Promise.all([a.push.dispatchNow(), b.push.dispatchNow()]);
    for (const { subscription } of holders) {
      const received = pushService.to(subscription);
      // However the passes fell, every message was announced once: the counts in the titles add up.
      const counts = received.map((r) => {
        const { title } = PushPayloadSchema.parse(JSON.parse(subscription.decrypt(r.body)));
        return Number(/^(\d+) new messages/.exec(title)?.[1] ?? 1);
      });
      expect(counts.reduce((x, y) => x + y, 0)).toBe(5);
    }
  });
});

it('sends only to https endpoints on public hosts unless told otherwise', () => {
  expect(endpointProblem('https://push.example.com/send/abc', false)).toBeNull();
  expect(endpointProblem('http://push.example.com/send/abc', false)).toMatch(/https/);
  for (const host of ['127.0.0.1', '[::1]', 'localhost', 'push.internal', 'printer.local', 'intranet']) {
    expect(endpointProblem(`https://${host}/x`, false), host).toMatch(/public host/);
  }
  expect(endpointProblem('http://127.0.0.1:1234/push/x', true)).toBeNull();
  expect(endpointProblem('not a url', true)).toMatch(/valid URL/);
});
