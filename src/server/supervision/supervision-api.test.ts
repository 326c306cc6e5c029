import { beforeAll, describe, expect, it } from 'vitest';
import type { HttpMethod } from '../../contract/api';
import { ConversationListSchema } from '../../contract/conversations';
import { CreateNoteResponseSchema } from '../../contract/notes';
import { MyPresenceResponseSchema } from '../../contract/presence';
import { UnreadTotalsSchema } from '../../contract/read-markers';
import { AgentStatusListSchema, QueueDashboardSchema, type QueueStats } from '../../contract/supervision';
import { MessagePageSchema } from '../../contract/messages';
import { createdQueue, startChatIn } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { type Auth, type Chat, type Staff, type TestServer, useDemoStaff, useTestServer } from '../test-support/test-server';
import { randomUUID } from 'node:crypto';

describeEachBackend('Supervision API', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);

  describe('rights', () => {
    let chat: Chat;
    beforeAll(async () => {
      chat = await server.startChat('Support');
    });

    const routes = (): { name: string; method: HttpMethod; url: string; body?: unknown }[] => [
      { name: 'queue dashboard', method: 'GET', url: '/api/supervisor/queues' },
      { name: 'agents view', method: 'GET', url: '/api/supervisor/agents' },
      { name: 'open conversations', method: 'GET', url: '/api/supervisor/conversations' },
      { name: 'audit trail', method: 'GET', url: `/api/conversations/${chat.conversationId}/audit` },
      {
        name: 'reassign',
        method: 'POST',
        url: `/api/conversations/${chat.conversationId}/reassign`,
        body: { target: { kind: 'queue', queueId: server.queueIds.Sales } },
      },
    ];
    const call = (r: ReturnType<typeof routes>[number], auth?: Auth) => server.request(r.method, r.url, { auth, body: r.body });

    it('refuses agents every supervision route with 403', async () => {
      for (const route of routes()) {
        for (const agent of [demo.anna, demo.ben]) {
          const body = (await call(route, agent)).expectError(403, 'forbidden');
          expect(body.message, route.name).toBe('Only supervisors and admins can do this.');
        }
      }
    });

    it('asks anonymous callers and customer tokens to log in (401)', async () => {
      for (const route of routes()) {
        (await call(route)).expectError(401, 'unauthenticated');
        (await call(route, chat)).expectError(401, 'unauthenticated');
        (await call(route, 'not-a-session-token')).expectError(401, 'unauthenticated');
      }
    });

    it('lets supervisors and admins read every supervision view', async () => {
      for (const who of [demo.sara, demo.adam]) {
        for (const route of routes().filter((r) => r.method === 'GET')) {
          expect((await call(route, who)).status, `${route.name} as ${who.user.username}`).toBe(200);
        }
      }
    });

    it('lets supervisors add internal notes to any conversation and read it without marking it read for its agent', async () => {
      const held = await server.startChat('Support', { text: 'Please look at my invoice' });
      await server.picked(demo.anna, held.conversationId);
      await server.customerSays(held, 'Are you there?');
      const unreadBefore = (await server.get('/api/conversations/unread', demo.anna)).expect(200, UnreadTotalsSchema);

      const page = (await server.get(`/api/conversations/${held.conversationId}/messages`, demo.sara)).expect(200, MessagePageSchema);
      expect(page.messages.map((m) => m.text)).toContain('Are you there?');
      const note = (
        await server.post(`/api/conversations/${held.conversationId}/notes`, demo.sara, { clientNoteId: randomUUID(), text: 'Watch the tone here' })
      ).expect(201, CreateNoteResponseSchema).note;
      expect(note).toMatchObject({ authorId: demo.sara.user.id, authorName: 'Sara Moreau' });

      const unreadAfter = (await server.get('/api/conversations/unread', demo.anna)).expect(200, UnreadTotalsSchema);
      expect(unreadAfter).toEqual(unreadBefore);
      expect(unreadAfter.mine.messages).toBeGreaterThan(0);
    });
  });

  describe('queues dashboard', () => {
    const statsOf = async (queueId: string): Promise<QueueStats> => {
      const dashboard = (await server.get('/api/supervisor/queues', demo.sara)).expect(200, QueueDashboardSchema);
      const stats = dashboard.queues.find((q) => q.queue.id === queueId);
      if (!stats) throw new Error(`queue ${queueId} missing from the dashboard`);
      return stats;
    };

    it('changes when a customer starts a chat and when an agent picks it', async () => {
      const queue = await createdQueue(server, demo.adam, { agentIds: [demo.anna.user.id, demo.ben.user.id] });
      expect(await statsOf(queue.id)).toMatchObject({
        queue: { id: queue.id, name: queue.name, address: queue.address, routingMode: 'pick' },
        waiting: 0,
        longestWaitingSince: null,
        offered: 0,
        inProgress: 0,
        agents: 2,
      });

      const first = await startChatIn(server, queue.id, 'First in line');
      const afterFirst = await statsOf(queue.id);
      expect(afterFirst).toMatchObject({ waiting: 1, inProgress: 0 });
      const conversation = (await server.get(`/api/conversations/${first.conversationId}`, demo.sara)).json() as { conversation: { arrivedAt: string } };
      expect(afterFirst.longestWaitingSince).toBe(conversation.conversation.arrivedAt);

      const second = await startChatIn(server, queue.id, 'Second in line');
      const afterSecond = await statsOf(queue.id);
      expect(afterSecond).toMatchObject({ waiting: 2, longestWaitingSince: afterFirst.longestWaitingSince });

      await server.picked(demo.anna, first.conversationId);
      const afterPick = await statsOf(queue.id);
      expect(afterPick).toMatchObject({ waiting: 1, inProgress: 1 });
      expect(Date.parse(afterPick.longestWaitingSince!)).toBeGreaterThan(Date.parse(afterFirst.longestWaitingSince!));

      await server.picked(demo.anna, second.conversationId);
      expect(await statsOf(queue.id)).toMatchObject({ waiting: 0, longestWaitingSince: null, inProgress: 2 });
    });

    it('counts available agents only while they are connected', async () => {
      const queue = await createdQueue(server, demo.adam, { agentIds: [demo.ben.user.id] });
      expect(await statsOf(queue.id)).toMatchObject({ agents: 1, availableAgents: 0 });
      const benNow = await server.login('ben');
      const socket = await server.connect({ token: benNow.token });
      await socket.ready();
      expect(await statsOf(queue.id)).toMatchObject({ agents: 1, availableAgents: 1 });
      (await server.request('PUT', '/api/presence', { auth: benNow, body: { state: 'away' } })).expect(200, MyPresenceResponseSchema);
      expect(await statsOf(queue.id)).toMatchObject({ agents: 1, availableAgents: 0 });
      await socket.close();
    });

    it('gives the server time with the figures', async () => {
      const dashboard = (await server.get('/api/supervisor/queues', demo.adam)).expect(200, QueueDashboardSchema);
      expect(Math.abs(Date.now() - Date.parse(dashboard.at))).toBeLessThan(60_000);
      expect(dashboard.queues.map((q) => q.queue.name)).toEqual(expect.arrayContaining(['Sales', 'Support']));
    });
  });

  describe('agents view', () => {
    it('shows each agent’s presence, connection, conversations held against capacity and queues', async () => {
      const annaNow = await server.login('anna');
      const socket = await server.connect({ token: annaNow.token });
      await socket.ready();
      const chat = await server.startChat('Support');
      await server.picked(annaNow, chat.conversationId);
      (await server.request('PUT', '/api/presence', { auth: annaNow, body: { state: 'busy' } })).expect(200, MyPresenceResponseSchema);

      const { agents, at } = (await server.get('/api/supervisor/agents', demo.sara)).expect(200, AgentStatusListSchema);
      expect(agents.map((a) => a.username)).toEqual(expect.arrayContaining(['anna', 'ben']));
      expect(agents.some((a) => a.username === 'sara' || a.username === 'adam')).toBe(false);
      const annaStatus = agents.find((a) => a.username === 'anna')!;
      const held = await heldCount(server, annaNow);
      const [stored] = await server.db.query<{ capacity: number }>("SELECT capacity FROM users WHERE username = 'anna'");
      expect(annaStatus).toMatchObject({
        agent: { id: demo.anna.user.id, displayName: 'Anna Lindqvist' },
        presence: { state: 'busy', reason: null },
        connected: true,
        capacity: stored?.capacity,
        held,
        offered: 0,
      });
      expect(annaStatus.queues).toContainEqual({ id: server.queueIds.Support, name: 'Support' });
      expect(held).toBeGreaterThanOrEqual(1);
      expect(Date.parse(annaStatus.presence.since)).toBeLessThanOrEqual(Date.parse(at));

      await socket.close();
    });
  });

  describe('open conversations', () => {
    it('lists waiting, offered and held conversations of every queue, or of one', async () => {
      const waiting = await server.startChat('Sales');
      const held = await server.startChat('Support');
      await server.picked(demo.anna, held.conversationId);
      const ended = await server.startChat('Support');
      await server.picked(demo.anna, ended.conversationId);
      await server.end(demo.anna, ended.conversationId);

      const all = (await server.get('/api/supervisor/conversations', demo.sara)).expect(200, ConversationListSchema).conversations;
      const ids = all.map((c) => c.id);
      expect(ids).toEqual(expect.arrayContaining([waiting.conversationId, held.conversationId]));
      expect(ids).not.toContain(ended.conversationId);
      expect(all.every((c) => c.state !== 'ended')).toBe(true);

      const sales = (await server.get(`/api/supervisor/conversations?queueId=${server.queueIds.Sales}`, demo.adam)).expect(200, ConversationListSchema);
      expect(sales.conversations.map((c) => c.id)).toContain(waiting.conversationId);
      expect(sales.conversations.every((c) => c.queue.id === server.queueIds.Sales)).toBe(true);

      const unknown = (await server.get('/api/supervisor/conversations?queueId=nope', demo.sara)).expectError(400, 'invalid_request');
      expect(unknown.fields).toEqual({ queueId: 'Unknown queue' });
    });
  });
});

async function heldCount(server: TestServer, staff: Staff): Promise<number> {
  return (await server.get('/api/conversations?view=mine', staff)).expect(200, ConversationListSchema).conversations.length;
}
