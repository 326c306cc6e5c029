import { beforeAll, describe, expect, it } from 'vitest';
import { AdminAuditListSchema } from '../../contract/admin';
import { ConversationResponseSchema } from '../../contract/conversations';
import { MessagePageSchema } from '../../contract/messages';
import { DEFAULT_PROMPTS, PROMPT_TEXT_MAX_LENGTH, QueuePromptsResponseSchema, type QueuePrompts } from '../../contract/prompts';
import { describeEachBackend } from '../test-support/databases';
import { connectAgent, disconnect, lastSeenAgo, makeTeam, startChatIn } from '../test-support/offers';
import type { RealtimeTestClient } from '../test-support/realtime-client';
import { useTestServer, type Staff, type TestServer } from '../test-support/test-server';
import { toQueue, transferTo } from '../test-support/transfers';
import { renderQueuePrompt } from './post-prompt';
import { getQueuePrompts } from './prompt-store';

const on = (text: string) => ({ enabled: true, text });
const promptsUrl = (queueId: string) => `/api/admin/queues/${queueId}/prompts`;

async function savePrompts(server: TestServer, queueId: string, change: Partial<QueuePrompts>): Promise<QueuePrompts> {
  const adam = await server.staff('adam');
  const current = (await server.get(promptsUrl(queueId), adam)).expect(200, QueuePromptsResponseSchema).prompts;
  const res = await server.request('PUT', promptsUrl(queueId), { auth: adam, body: { prompts: { ...current, ...change } } });
  return res.expect(200, QueuePromptsResponseSchema).prompts;
}

const texts = async (server: TestServer, auth: Staff | string, conversationId?: string) => {
  const url = typeof auth === 'string' ? '/api/webchat/messages' : `/api/conversations/${conversationId}/messages`;
  return (await server.get(url, auth)).expect(200, MessagePageSchema).messages.map((m) => [m.authorKind, m.text]);
};

const positionFrame = (socket: RealtimeTestClient, position: number) =>
  socket.next((f) => f.kind === 'queue-position' && f.position === position);

describeEachBackend('Chat prompts', (backend) => {
  const server = useTestServer(backend);

  beforeAll(async () => {
    await server.listen();
  });

  describe('editing', () => {
    it('gives a queue the defaults until an admin saves, audits what changed and announces the queue', async () => {
      const adam = await server.staff('adam');
      const queueId = server.queueIds.Sales;
      expect((await server.get(promptsUrl(queueId), adam)).expect(200, QueuePromptsResponseSchema)).toEqual({ queueId, prompts: DEFAULT_PROMPTS });
      const sara = await server.staff('sara');
      const socket = await connectAgent(server, sara);

      const saved = await savePrompts(server, queueId, { welcome: on('  Hi {customer.name}!  '), closing: { enabled: false, text: '' } });
      expect(saved.welcome).toEqual(on('Hi {customer.name}!'));
      expect(await getQueuePrompts(server.db, queueId)).toEqual(saved);
      await socket.next((f) => f.kind === 'workspace-event' && f.event.type === 'queue.updated' && f.event.queue.id === queueId);
      const { entries } = (await server.get('/api/admin/audit', adam)).expect(200, AdminAuditListSchema);
      expect(entries.find((e) => e.action === 'queue.prompts_updated')).toMatchObject({
        target: { kind: 'queue', id: queueId, name: 'Sales' },
        summary: 'Changed the chat prompts of Sales: Welcome switched on; Welcome text changed; Closing text changed',
      });
      await savePrompts(server, queueId, DEFAULT_PROMPTS);
    });

    it('refuses prompts that are too long, or on and empty, naming the field; and unknown queues', async () => {
      const adam = await server.staff('adam');
      const queueId = server.queueIds.Sales;
      const put = (prompts: unknown, id = queueId) => server.request('PUT', promptsUrl(id), { auth: adam, body: { prompts } });
      const long = await put({ ...DEFAULT_PROMPTS, welcome: on('x'.repeat(PROMPT_TEXT_MAX_LENGTH + 1)) });
      expect(long.expectError(400, 'invalid_request').fields).toEqual({ 'prompts.welcome.text': `A prompt can be at most ${PROMPT_TEXT_MAX_LENGTH} characters` });
      const empty = await put({ ...DEFAULT_PROMPTS, closing: on('   ') });
      expect(empty.expectError(400, 'invalid_request').fields).toEqual({ 'prompts.closing.text': 'Write the prompt, or switch it off' });
      const missing = await put({ welcome: DEFAULT_PROMPTS.welcome });
      expect(missing.expectError(400, 'invalid_request').fields).toHaveProperty(['prompts.inQueue']);
      (await put(DEFAULT_PROMPTS, '00000000-0000-4000-8000-000000000000')).expectError(404, 'not_found');
      expect(await getQueuePrompts(server.db, queueId)).toEqual(DEFAULT_PROMPTS);
    });

    it('lets only admins read or change prompts', async () => {
      for (const who of ['anna', 'sara'] as const) {
        const staff = await server.staff(who);
        (await server.get(promptsUrl(server.queueIds.Support), staff)).expectError(403, 'forbidden');
        (await server.request('PUT', promptsUrl(server.queueIds.Support), { auth: staff, body: { prompts: DEFAULT_PROMPTS } })).expectError(403, 'forbidden');
      }
      (await server.get(promptsUrl(server.queueIds.Support))).expectError(401, 'unauthenticated');
    });

    it('renders a prompt without a conversation for the closed and full screens, null when off', async () => {
      const team = await makeTeam(server, 1, { mode: 'pick' });
      expect(await renderQueuePrompt(server.db, team.queueId, 'serviceClosed', { 'queue.openingHours': 'Mon–Fri 9–17' })).toBe(
        'We are closed right now.\nOpening hours: Mon–Fri 9–17',
      );
      // Without opening hours, the line naming them is left out.
      expect(await renderQueuePrompt(server.db, team.queueId, 'serviceClosed')).toBe('We are closed right now.');
      await savePrompts(server, team.queueId, { queueFull: { enabled: false, text: 'Full' } });
      expect(await renderQueuePrompt(server.db, team.queueId, 'queueFull')).toBeNull();
    });
  });

  describe('posting', () => {
    it('greets a new web chat and tells it its place, as system lines the agents see too; nothing when switched off', async () => {
      const team = await makeTeam(server, 1, { mode: 'pick' });
      const silent = await startChatIn(server, team.queueId, 'Before any prompt');
      expect(await texts(server, silent.token)).toEqual([['customer', 'Before any prompt']]);

      await savePrompts(server, team.queueId, { welcome: on('Hello {customer.name}, this is {queue.name}.'), inQueue: on(DEFAULT_PROMPTS.inQueue.text) });
      const chat = await startChatIn(server, team.queueId, 'Hi there');
      const expected = [
        ['customer', 'Hi there'],
        ['system', `Hello Offer Customer, this is ${team.name}.`],
        // Second in line; no estimate yet (too few picks in the last hour).
        ['system', 'You are number 2 in the queue.'],
      ];
      expect(await texts(server, chat.token)).toEqual(expected);
      expect(await texts(server, team.agents[0]!, chat.conversationId)).toEqual(expected);
    });

    it('says the target queue’s transferred prompt, and the closing prompt when the agent ends', async () => {
      const anna = await server.staff('anna');
      await savePrompts(server, server.queueIds.Billing, { transferred: on('Now with {queue.name}, {customer.name}.') });
      await savePrompts(server, server.queueIds.Support, { closing: on('Bye from {queue.name}.') });
      const chat = await server.startChat('Support', { name: 'Tara' });
      await server.picked(anna, chat.conversationId);
      await transferTo(server, anna, chat.conversationId, toQueue(server, 'Billing'));
      expect((await texts(server, chat.token)).at(-1)).toEqual(['system', 'Now with Billing, Tara.']);

      const other = await server.startChat('Support');
      await server.picked(anna, other.conversationId);
      (await server.end(anna, other.conversationId)).expect(200, ConversationResponseSchema);
      expect((await texts(server, other.token)).slice(-2)).toEqual([
        ['system', 'Anna Lindqvist ended the conversation.'],
        ['system', 'Bye from Support.'],
      ]);
      await savePrompts(server, server.queueIds.Billing, DEFAULT_PROMPTS);
      await savePrompts(server, server.queueIds.Support, DEFAULT_PROMPTS);
    });

    it('tells the customer their agent was lost in the queue’s own words', async () => {
      const team = await makeTeam(server, 2, { mode: 'pick' });
      const [a] = team.agents as [Staff, Staff];
      await savePrompts(server, team.queueId, { agentSessionLost: on('{customer.name}, your agent dropped out. Hang on.') });
      const aSocket = await connectAgent(server, a);
      const chat = await startChatIn(server, team.queueId, 'Help');
      await server.picked(a, chat.conversationId);
      await disconnect(server, aSocket, a);
      await lastSeenAgo(server, a, 61);
      await server.sweepNow();
      expect((await texts(server, chat.token)).at(-1)).toEqual(['system', 'Offer Customer, your agent dropped out. Hang on.']);
    });
  });

  describe('queue position', () => {
    it('tells each waiting customer their place on connect, and again when someone ahead is picked', async () => {
      const team = await makeTeam(server, 1, { mode: 'pick' });
      const first = await startChatIn(server, team.queueId, 'First');
      const second = await startChatIn(server, team.queueId, 'Second');
      const socket = await server.connect({ customerToken: second.token }, { queuePositions: true });
      await socket.ready();
      expect(await positionFrame(socket, 2)).toEqual({ kind: 'queue-position', conversationId: second.conversationId, position: 2, estimatedWaitMinutes: null });
      await server.picked(team.agents[0]!, first.conversationId);
      await positionFrame(socket, 1);
      // A third customer joins behind: the second stays first (and hears it again).
      const third = await startChatIn(server, team.queueId, 'Third');
      const thirdSocket = await server.connect({ customerToken: third.token }, { queuePositions: true });
      await thirdSocket.ready();
      await positionFrame(thirdSocket, 2);
    });

    it('estimates the wait from the last hour of picks once there are three', async () => {
      const team = await makeTeam(server, 1, { mode: 'pick' });
      for (let i = 0; i < 3; i++) {
        const chat = await startChatIn(server, team.queueId, `Earlier ${i}`);
        await server.picked(team.agents[0]!, chat.conversationId);
        await server.db.query("UPDATE conversations SET state = 'ended', ended_at = now() WHERE id = $1", [chat.conversationId]);
      }
      const waiting = await startChatIn(server, team.queueId, 'Now');
      const socket = await server.connect({ customerToken: waiting.token }, { queuePositions: true });
      await socket.ready();
      // Three picks an hour: one every 20 minutes.
      expect(await positionFrame(socket, 1)).toMatchObject({ estimatedWaitMinutes: 20 });
    });
  });
});
