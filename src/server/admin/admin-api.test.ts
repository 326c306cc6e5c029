import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AdminAuditListSchema,
  AdminQueueListSchema,
  AdminQueueResponseSchema,
  AdminUserListSchema,
  AdminUserResponseSchema,
  type AdminQueue,
} from '../../contract/admin';
import type { HttpMethod } from '../../contract/api';
import { MeResponseSchema } from '../../contract/auth';
import { QUEUE_NAME_MAX_LENGTH } from '../../contract/limits';
import { ConversationResponseSchema } from '../../contract/conversations';
import type { RealtimeFrame } from '../../contract/events';
import { MessagePageSchema } from '../../contract/messages';
import { SettingsResponseSchema } from '../../contract/settings';
import { AgentStatusListSchema, QueueDashboardSchema } from '../../contract/supervision';
import { createdQueue, createdUser, postQueue, postUser, putQueue, putUser, startChatIn, unique, userUpdate } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { type Auth, type Chat, useDemoStaff, useTestServer } from '../test-support/test-server';
import { listIds } from '../test-support/transfers';

const isWorkspaceEvent = (type: string, match: (e: Record<string, unknown>) => boolean = () => true) => (f: RealtimeFrame) =>
  f.kind === 'workspace-event' && f.event.type === type && match(f.event as unknown as Record<string, unknown>);

describeEachBackend('Administration API', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);

  beforeAll(async () => {
    await server.listen();
  });

  const auditActions = async () =>
    (await server.get('/api/admin/audit', demo.adam)).expect(200, AdminAuditListSchema).entries;
  const adminAuditRows = async () => (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM admin_audit'))[0]!.n;

  describe('rights', () => {
    let chat: Chat;
    beforeAll(async () => {
      chat = await server.startChat('Support');
    });

    const routes = (): { name: string; method: HttpMethod; url: string; body?: unknown }[] => [
      { name: 'list queues', method: 'GET', url: '/api/admin/queues' },
      {
        name: 'create queue',
        method: 'POST',
        url: '/api/admin/queues',
        body: { name: 'Sneaky', address: 'sneaky@acme.example', routingMode: 'pick', agentIds: [] },
      },
      {
        name: 'update queue',
        method: 'PUT',
        url: `/api/admin/queues/${server.queueIds.Support}`,
        body: { name: 'Renamed', address: 'renamed@acme.example', routingMode: 'offer', agentIds: [] },
      },
      { name: 'list users', method: 'GET', url: '/api/admin/users' },
      {
        name: 'create user',
        method: 'POST',
        url: '/api/admin/users',
        body: { username: 'sneaky', password: 'long-enough-password', displayName: 'Sneaky', role: 'admin', capacity: 5, queueIds: [] },
      },
      {
        name: 'update user',
        method: 'PUT',
        url: `/api/admin/users/${demo.anna.user.id}`,
        body: { displayName: 'Anna', role: 'admin', capacity: 5, queueIds: [], disabled: false },
      },
      { name: 'reset password', method: 'POST', url: `/api/admin/users/${demo.adam.user.id}/password`, body: { password: 'taken-over-now' } },
      { name: 'admin audit', method: 'GET', url: '/api/admin/audit' },
    ];
    const call = (r: ReturnType<typeof routes>[number], auth?: Auth) => server.request(r.method, r.url, { auth, body: r.body });

    it('refuses agents and supervisors every admin route with 403, and changes nothing', async () => {
      const before = await adminAuditRows();
      for (const route of routes()) {
        for (const who of [demo.anna, demo.ben, demo.sara]) {
          const body = (await call(route, who)).expectError(403, 'forbidden');
          expect(body.message, `${route.name} as ${who.user.username}`).toBe('Only admins can manage queues and users.');
        }
      }
      expect(await adminAuditRows()).toBe(before);
      const queues = (await server.get('/api/admin/queues', demo.adam)).expect(200, AdminQueueListSchema).queues;
      expect(queues.find((q) => q.id === server.queueIds.Support)?.name).toBe('Support');
      // The admin's password still works.
      await server.login('adam');
    });

    it('asks anonymous callers and customer tokens to log in (401)', async () => {
      for (const route of routes()) {
        (await call(route)).expectError(401, 'unauthenticated');
        (await call(route, chat)).expectError(401, 'unauthenticated');
      }
    });

    it('keeps supervisors and agents out of the settings too', async () => {
      const { settings } = (await server.get('/api/settings', demo.adam)).expect(200, SettingsResponseSchema);
      const body = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, routing: settings.routing };
      for (const who of [demo.anna, demo.sara]) {
        (await server.get('/api/settings', who)).expectError(403, 'forbidden');
        (await server.request('PUT', '/api/settings', { auth: who, body })).expectError(403, 'forbidden');
      }
    });
  });

  describe('queues', () => {
    it('creates a queue with its agents, recorded in the audit and announced to open panels', async () => {
      const saraSocket = await server.connect({ token: demo.sara.token });
      await saraSocket.ready();
      const name = unique('Billing');
      const res = await postQueue(server, demo.adam, { name, address: `${name.toLowerCase()}@acme.example`, routingMode: 'offer', agentIds: [demo.ben.user.id] });
      const { queue } = res.expect(201, AdminQueueResponseSchema);
      expect(queue).toMatchObject({ name, routingMode: 'offer', agentIds: [demo.ben.user.id] });

      const frame = await saraSocket.next(isWorkspaceEvent('queue.updated'));
      expect(frame).toMatchObject({ event: { queue: { id: queue.id, name, address: queue.address, routingMode: 'offer' } } });
      const listed = (await server.get('/api/admin/queues', demo.adam)).expect(200, AdminQueueListSchema).queues;
      expect(listed).toContainEqual(queue);
      const [latest] = await auditActions();
      expect(latest).toMatchObject({
        actor: { id: demo.adam.user.id, displayName: 'Adam Novak' },
        action: 'queue.created',
        target: { kind: 'queue', id: queue.id, name },
        summary: `Created queue ${name} (offer, ${queue.address}), served by Ben Okafor`,
      });
      // Customers can write to it, and its agent sees it.
      expect((await server.get('/api/queues', demo.ben)).json()).toMatchObject({ queues: expect.arrayContaining([expect.objectContaining({ id: queue.id })]) });
    });

    it('refuses taken names and addresses and non-agents, naming the field', async () => {
      const existing = await createdQueue(server, demo.adam);
      const auditBefore = await adminAuditRows();
      const cases: [Record<string, unknown>, string, string][] = [
        [{ name: existing.name.toUpperCase() }, 'name', `A queue named ${existing.name.toUpperCase()} already exists. Choose another name.`],
        [{ address: existing.address.toUpperCase() }, 'address', `Another queue already uses ${existing.address.toUpperCase()}. Choose another address.`],
        [{ agentIds: [demo.sara.user.id] }, 'agentIds', 'Sara Moreau is a supervisor: only agents serve queues.'],
        [{ agentIds: ['00000000-0000-4000-8000-000000000000'] }, 'agentIds', 'One of the chosen agents does not exist.'],
        [{ agentIds: [demo.anna.user.id, demo.anna.user.id] }, 'agentIds', 'Each agent can be listed once'],
        [{ name: ' ' }, 'name', 'Enter a name'],
        [{ address: 'not an address' }, 'address', 'Enter an address like support@example.com'],
        [{ routingMode: 'random' }, 'routingMode', expect.any(String) as unknown as string],
      ];
      for (const [change, field, message] of cases) {
        const name = unique('Fresh');
        const body = { name, address: `${name.toLowerCase()}@acme.example`, routingMode: 'pick', agentIds: [], ...change };
        const refused = (await postQueue(server, demo.adam, body)).expectError(400, 'invalid_request');
        expect(refused.fields?.[field], JSON.stringify(change)).toEqual(message);
        // The same rules when changing a queue (its own name and address are of course allowed).
        const other = await createdQueue(server, demo.adam);
        if (field === 'name' || field === 'address' || field === 'agentIds') {
          const changed = (await putQueue(server, demo.adam, other.id, { ...body })).expectError(400, 'invalid_request');
          expect(changed.fields?.[field]).toEqual(message);
        }
      }
      (await putQueue(server, demo.adam, existing.id, { ...existing, agentIds: [] })).expect(200, AdminQueueResponseSchema);
      expect(await adminAuditRows()).toBe(auditBefore + 8); // only the queues created for the PUT cases
    });

    it('says why a field was refused in words a program reads: a reason code and the limit (fieldIssues)', async () => {
      const name = unique('Long');
      const body = { name: `${name}${'x'.repeat(QUEUE_NAME_MAX_LENGTH)}`, address: `${name.toLowerCase()}@acme.example`, routingMode: 'pick', agentIds: [] };
      const refused = (await postQueue(server, demo.adam, body)).expectError(400, 'invalid_request');
      // The English sentence stays for older clients; the reason is for the client to say in its user's language.
      expect(refused.fields?.name).toBe(`At most ${QUEUE_NAME_MAX_LENGTH} characters`);
      expect(refused.fieldIssues?.name).toEqual({ code: 'too_long', maximum: QUEUE_NAME_MAX_LENGTH });
      const empty = (await postQueue(server, demo.adam, { ...body, name: ' ', routingMode: 'random' })).expectError(400, 'invalid_request');
      expect(empty.fieldIssues).toEqual({ name: { code: 'required' }, routingMode: { code: 'invalid_value' } });
      const { name: _, ...unnamed } = body;
      expect((await postQueue(server, demo.adam, unnamed)).expectError(400, 'invalid_request').fieldIssues).toEqual({ name: { code: 'required' } });
      // The workspace's own rules give theirs too: a name another queue has, an agent who does not exist.
      const existing = await createdQueue(server, demo.adam);
      const taken = (await postQueue(server, demo.adam, { ...body, name: existing.name })).expectError(400, 'invalid_request');
      expect(taken.fieldIssues).toEqual({ name: { code: 'taken' } });
      const unknown = (await postQueue(server, demo.adam, { ...body, name: unique('Other'), agentIds: [randomUUID()] })).expectError(400, 'invalid_request');
      expect(unknown.fieldIssues).toEqual({ agentIds: { code: 'unknown_choice' } });
    });

    it('changes a queue: agents who join or leave reconnect with their new queues', async () => {
      const queue = await createdQueue(server, demo.adam, { agentIds: [demo.ben.user.id] });
      const chat = await startChatIn(server, queue.id, 'Waiting in the new queue');
      const annaNow = await server.login('anna');
      const [annaSocket, benSocket, saraSocket] = await Promise.all([
        server.connect({ token: annaNow.token }),
        server.connect({ token: demo.ben.token }),
        server.connect({ token: demo.sara.token }),
      ]);
      const annaSeq = await annaSocket.ready();
      await Promise.all([benSocket.ready(), saraSocket.ready()]);
      expect(await listIds(server, annaNow, 'picklist')).not.toContain(chat.conversationId);

      const renamed = unique('Returns');
      const { queue: updated } = (
        await putQueue(server, demo.adam, queue.id, { name: renamed, address: queue.address, routingMode: 'pick', agentIds: [demo.anna.user.id] })
      ).expect(200, AdminQueueResponseSchema);
      expect(updated).toEqual<AdminQueue>({ ...queue, name: renamed, agentIds: [demo.anna.user.id] });

      // Both sockets were authorised with the old queues: closed with 4002 to reconnect at once.
      expect((await annaSocket.waitClosed()).code).toBe(4002);
      expect((await benSocket.waitClosed()).code).toBe(4002);
      const frame = await saraSocket.next(isWorkspaceEvent('queue.updated'));
      expect(frame).toMatchObject({ event: { queue: { id: queue.id, name: renamed } } });

      // Reconnected, Anna catches up and now receives the new queue's events.
      const again = await server.connect({ token: annaNow.token, after: annaSeq });
      const replay = await again.takeUntil((f) => f.kind === 'ready');
      expect(replay.some((f) => f.kind === 'workspace-event' && f.event.type === 'user.updated' && f.event.user.id === demo.anna.user.id)).toBe(true);
      expect(await listIds(server, annaNow, 'picklist')).toContain(chat.conversationId);
      expect(await listIds(server, demo.ben, 'picklist')).not.toContain(chat.conversationId);
      await server.customerSays(chat, 'Anyone there?');
      await again.next((f) => f.kind === 'event' && f.event.type === 'message.created' && f.event.message.text === 'Anyone there?');

      const [latest] = await auditActions();
      expect(latest).toMatchObject({
        action: 'queue.updated',
        target: { kind: 'queue', id: queue.id, name: renamed },
        summary: `Changed queue ${renamed}: renamed from ${queue.name}; added Anna Lindqvist; removed Ben Okafor`,
      });

      // Saving it unchanged records nothing.
      const rows = await adminAuditRows();
      (await putQueue(server, demo.adam, queue.id, { name: renamed, address: queue.address, routingMode: 'pick', agentIds: [demo.anna.user.id] })).expect(
        200,
        AdminQueueResponseSchema,
      );
      expect(await adminAuditRows()).toBe(rows);
      (await putQueue(server, demo.adam, '00000000-0000-4000-8000-000000000000', { ...updated })).expectError(404, 'not_found');
    });
  });

  describe('users', () => {
    it('creates an agent who can log in at once and serves their queue', async () => {
      const queue = await createdQueue(server, demo.adam);
      const saraSocket = await server.connect({ token: demo.sara.token });
      await saraSocket.ready();
      const created = await createdUser(server, demo.adam, { displayName: 'Carla Diaz', queueIds: [queue.id], capacity: 4 });
      expect(created).toMatchObject({
        displayName: 'Carla Diaz',
        role: 'agent',
        capacity: 4,
        queueIds: [queue.id],
        disabled: false,
        presence: { state: 'offline', reason: null },
      });
      await saraSocket.next(isWorkspaceEvent('user.updated', (e) => (e.user as { id: string }).id === created.id));

      const carla = await server.login(created.username, created.password);
      expect((await server.get('/api/auth/me', carla)).expect(200, MeResponseSchema).user).toMatchObject({
        id: created.id,
        role: 'agent',
        queueIds: [queue.id],
      });
      const chat = await startChatIn(server, queue.id);
      expect(await listIds(server, carla, 'picklist')).toEqual([chat.conversationId]);
      await server.picked(carla, chat.conversationId);

      const users = (await server.get('/api/admin/users', demo.adam)).expect(200, AdminUserListSchema).users;
      expect(users.find((u) => u.id === created.id)).toMatchObject({ username: created.username, createdAt: created.createdAt });
      expect((await auditActions())[0]).toMatchObject({
        action: 'user.created',
        target: { kind: 'user', id: created.id, name: 'Carla Diaz' },
        summary: `Created agent Carla Diaz (${created.username}), serving ${queue.name}`,
      });
    });

    it('refuses a taken username, queues for non-agents and unknown queues, naming the field', async () => {
      const base = { password: 'a-long-enough-password', displayName: 'Someone', role: 'agent', capacity: 5, queueIds: [] };
      const taken = (await postUser(server, demo.adam, { ...base, username: 'anna' })).expectError(400, 'invalid_request');
      expect(taken.fields).toEqual({ username: 'The username anna is taken. Choose another one.' });
      const supervisorQueues = (
        await postUser(server, demo.adam, { ...base, username: unique('sup'), role: 'supervisor', queueIds: [server.queueIds.Support] })
      ).expectError(400, 'invalid_request');
      expect(supervisorQueues.fields).toEqual({ queueIds: 'Only agents serve queues: a supervisor cannot be given any.' });
      const unknownQueue = (
        await postUser(server, demo.adam, { ...base, username: unique('agent'), queueIds: ['00000000-0000-4000-8000-000000000000'] })
      ).expectError(400, 'invalid_request');
      expect(unknownQueue.fields).toEqual({ queueIds: 'One of the chosen queues does not exist.' });
      const badName = (await postUser(server, demo.adam, { ...base, username: 'Not Valid' })).expectError(400, 'invalid_request');
      expect(badName.fields?.username).toBe('Lower-case letters, digits, dot, dash and underscore only');
      const short = (await postUser(server, demo.adam, { ...base, username: unique('agent'), password: 'short' })).expectError(400, 'invalid_request');
      expect(short.fields?.password).toBe('At least 8 characters');

      const user = await createdUser(server, demo.adam, { role: 'supervisor' });
      const update = (await putUser(server, demo.adam, user.id, userUpdate(user, { queueIds: [server.queueIds.Sales] }))).expectError(400, 'invalid_request');
      expect(update.fields).toEqual({ queueIds: 'Only agents serve queues: a supervisor cannot be given any.' });
      (await putUser(server, demo.adam, '00000000-0000-4000-8000-000000000000', userUpdate(user))).expectError(404, 'not_found');
    });

    it('disabling ends their session at once and gives back what they held', async () => {
      const created = await createdUser(server, demo.adam, { displayName: 'Dora Gone', queueIds: [server.queueIds.Support] });
      const dora = await server.login(created.username, created.password);
      const socket = await server.connect({ token: dora.token });
      await socket.ready();
      const chat = await server.startChat('Support');
      await server.picked(dora, chat.conversationId);
      const customerSocket = await server.connect({ customerToken: chat.token });
      await customerSocket.ready();

      const { user } = (await putUser(server, demo.adam, created.id, userUpdate(created, { disabled: true }))).expect(200, AdminUserResponseSchema);
      expect(user).toMatchObject({ disabled: true, presence: { state: 'offline' } });
      expect((await socket.waitClosed()).code).toBe(4001);
      (await server.get('/api/auth/me', dora)).expectError(401, 'unauthenticated');
      const login = (await server.post('/api/auth/login', undefined, { username: created.username, password: created.password })).expectError(
        403,
        'forbidden',
      );
      expect(login.message).toBe('This account is disabled. Ask an admin.');

      const { conversation } = (await server.get(`/api/conversations/${chat.conversationId}`, demo.anna)).expect(200, ConversationResponseSchema);
      expect(conversation).toMatchObject({ state: 'queued', agent: null });
      expect(conversation.returnedAt).not.toBeNull();
      const page = (await server.get(`/api/conversations/${chat.conversationId}/messages`, demo.sara)).expect(200, MessagePageSchema);
      expect(page.messages.at(-1)).toMatchObject({
        authorKind: 'system',
        text: 'Your agent is no longer available. The next available agent will continue with you.',
      });
      await customerSocket.next((f) => f.kind === 'customer-event' && f.event.type === 'conversation.updated' && f.event.conversation.state === 'queued');
      const agents = (await server.get('/api/supervisor/agents', demo.sara)).expect(200, AgentStatusListSchema).agents;
      expect(agents.map((a) => a.agent.id)).not.toContain(created.id);
      expect((await auditActions())[0]).toMatchObject({ action: 'user.disabled', summary: 'Disabled Dora Gone' });

      // Enabled again, they log in as before.
      (await putUser(server, demo.adam, created.id, userUpdate(created, { disabled: false }))).expect(200, AdminUserResponseSchema);
      await server.login(created.username, created.password);
      expect((await auditActions())[0]).toMatchObject({ action: 'user.enabled', summary: 'Enabled Dora Gone' });
    });

    it('disabling an agent withdraws the offer they were considering, which goes to the next agent', async () => {
      const first = await createdUser(server, demo.adam, { displayName: 'Hana First' });
      const second = await createdUser(server, demo.adam, { displayName: 'Ivo Second' });
      const queue = await createdQueue(server, demo.adam, { routingMode: 'offer', agentIds: [first.id] });
      const hana = await server.login(first.username, first.password);
      const hanaSocket = await server.connect({ token: hana.token });
      await hanaSocket.ready();
      const chat = await startChatIn(server, queue.id);
      await hanaSocket.next((f) => f.kind === 'event' && f.event.type === 'conversation.offered');
      // Ivo joins the queue and comes online: the next in line.
      (await putQueue(server, demo.adam, queue.id, { ...queue, agentIds: [first.id, second.id] })).expect(200, AdminQueueResponseSchema);
      const ivo = await server.login(second.username, second.password);
      const ivoSocket = await server.connect({ token: ivo.token });
      await ivoSocket.ready();

      (await putUser(server, demo.adam, first.id, userUpdate(first, { disabled: true, queueIds: [queue.id] }))).expect(200, AdminUserResponseSchema);
      await ivoSocket.next((f) => f.kind === 'event' && f.event.type === 'conversation.offered' && f.event.conversation.offer?.agent.id === second.id);
      const offers = await server.db.query<{ agent_id: string; outcome: string | null }>(
        'SELECT agent_id, outcome FROM offers WHERE conversation_id = $1 ORDER BY offered_at',
        [chat.conversationId],
      );
      expect(offers).toEqual([
        { agent_id: first.id, outcome: 'withdrawn' },
        { agent_id: second.id, outcome: null },
      ]);
    });

    it('a new role or queue list reconnects the user’s sockets with their new rights', async () => {
      const created = await createdUser(server, demo.adam, { displayName: 'Emil Promoted', queueIds: [server.queueIds.Support] });
      const emil = await server.login(created.username, created.password);
      const socket = await server.connect({ token: emil.token });
      await socket.ready();
      const chat = await server.startChat('Support');
      await server.picked(emil, chat.conversationId);

      const { user } = (await putUser(server, demo.adam, created.id, userUpdate(created, { role: 'supervisor', queueIds: [], capacity: 7 }))).expect(
        200,
        AdminUserResponseSchema,
      );
      expect(user).toMatchObject({ role: 'supervisor', queueIds: [], capacity: 7 });
      expect(await socket.waitClosed()).toEqual({ code: 4002, reason: 'Your access changed' });
      // Still logged in, with the new role.
      expect((await server.get('/api/auth/me', emil)).expect(200, MeResponseSchema).user.role).toBe('supervisor');
      (await server.get('/api/supervisor/queues', emil)).expect(200, QueueDashboardSchema);
      // A supervisor holds no conversations: what Emil held went back to its queue.
      const { conversation } = (await server.get(`/api/conversations/${chat.conversationId}`, demo.sara)).expect(200, ConversationResponseSchema);
      expect(conversation).toMatchObject({ state: 'queued', agent: null });
      expect((await auditActions())[0]).toMatchObject({
        action: 'user.updated',
        summary: `Changed Emil Promoted: role agent → supervisor, capacity 5 → 7, removed from Support`,
      });
    });

    it('resetting a password ends every session of the user', async () => {
      const created = await createdUser(server, demo.adam, { displayName: 'Finn Reset' });
      const finn = await server.login(created.username, created.password);
      const socket = await server.connect({ token: finn.token });
      await socket.ready();
      const { user } = (await server.post(`/api/admin/users/${created.id}/password`, demo.adam, { password: 'brand-new-password' })).expect(
        200,
        AdminUserResponseSchema,
      );
      expect(user.id).toBe(created.id);
      expect((await socket.waitClosed()).code).toBe(4001);
      (await server.get('/api/auth/me', finn)).expectError(401, 'unauthenticated');
      (await server.post('/api/auth/login', undefined, { username: created.username, password: created.password })).expectError(
        401,
        'invalid_credentials',
      );
      await server.login(created.username, 'brand-new-password');
      expect((await auditActions())[0]).toMatchObject({ action: 'user.password_reset', target: { id: created.id } });
      const short = (await server.post(`/api/admin/users/${created.id}/password`, demo.adam, { password: 'short' })).expectError(400, 'invalid_request');
      expect(short.fields).toEqual({ password: 'At least 8 characters' });
      (await server.post('/api/admin/users/00000000-0000-4000-8000-000000000000/password', demo.adam, { password: 'brand-new-password' })).expectError(
        404,
        'not_found',
      );
    });

    it('records settings changes in the admins’ audit', async () => {
      const { settings } = (await server.get('/api/settings', demo.adam)).expect(200, SettingsResponseSchema);
      const body = { agentUploads: { ...settings.agentUploads, allowedTypes: ['png', 'pdf'] }, customerUploads: settings.customerUploads };
      (await server.request('PUT', '/api/settings', { auth: demo.adam, body })).expect(200, SettingsResponseSchema);
      expect((await auditActions())[0]).toMatchObject({
        action: 'settings.updated',
        target: { kind: 'settings', id: null, name: 'Workspace settings' },
        summary: 'Changed the settings: agent uploads',
      });
    });

    it('lists the audit newest first', async () => {
      const entries = await auditActions();
      const times = entries.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('never lets an admin disable or demote themselves, so an enabled admin always remains', async () => {
      const adamUser = (await server.get('/api/admin/users', demo.adam)).expect(200, AdminUserListSchema).users.find((u) => u.id === demo.adam.user.id)!;
      const disable = (await putUser(server, demo.adam, demo.adam.user.id, userUpdate(adamUser, { disabled: true }))).expectError(400, 'invalid_request');
      expect(disable.fields).toEqual({ disabled: 'You cannot disable your own account. Ask another admin.' });
      const demote = (await putUser(server, demo.adam, demo.adam.user.id, userUpdate(adamUser, { role: 'supervisor' }))).expectError(400, 'invalid_request');
      expect(demote.fields).toEqual({ role: 'You cannot change your own role. Ask another admin.' });
      (await server.get('/api/auth/me', demo.adam)).expect(200, MeResponseSchema);
    });

    it('lets only one of two admins disabling each other at once succeed', async () => {
      const other = await createdUser(server, demo.adam, { role: 'admin', displayName: 'Gina Admin' });
      const gina = await server.login(other.username, other.password);
      const adamUser = (await server.get('/api/admin/users', demo.adam)).expect(200, AdminUserListSchema).users.find((u) => u.id === demo.adam.user.id)!;
      const [byAdam, byGina] = await Promise.all([
        putUser(server, demo.adam, other.id, userUpdate(other, { disabled: true })),
        putUser(server, gina, demo.adam.user.id, userUpdate(adamUser, { disabled: true })),
      ]);
      expect([byAdam.status, byGina.status].filter((s) => s === 200)).toHaveLength(1);
      const loser = byAdam.status === 200 ? byGina : byAdam;
      expect([401, 403]).toContain(loser.status);
      const [admins] = await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`);
      expect(admins?.n).toBe(1);

      // Put things back for whoever runs next.
      if (byGina.status === 200) {
        (await putUser(server, gina, demo.adam.user.id, userUpdate(adamUser, { disabled: false }))).expect(200, AdminUserResponseSchema);
        demo.adam.token = (await server.login('adam')).token;
      }
    });
  });
});
