import { describe, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { NoteListSchema } from '../../contract/notes';
import { AgentStatusListSchema, AuditTrailSchema, QueueDashboardSchema, type AuditEntry } from '../../contract/supervision';
import { TransferResponseSchema } from '../../contract/transfers';
import { currentEventSeq } from '../realtime/event-log';
import { createdQueue, createdUser, startChatIn } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { pdf, pe } from '../test-support/files';
import { customerEvent, staffEvent } from '../test-support/realtime-client';
import { type Auth, type Staff, useDemoStaff, useTestServer } from '../test-support/test-server';
import { insertUser, listIds, toAgent, toQueue, transferTo } from '../test-support/transfers';
import { upload } from '../test-support/uploads';

describeEachBackend('Audit trail and reassigning', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);

  const trail = async (conversationId: string, who: Staff = demo.sara): Promise<AuditEntry[]> =>
    (await server.get(`/api/conversations/${conversationId}/audit`, who)).expect(200, AuditTrailSchema).entries;
  const reassign = (auth: Auth | undefined, conversationId: string, body: unknown) =>
    server.post(`/api/conversations/${conversationId}/reassign`, auth, body);

  describe('audit trail', () => {
    it('lists arrival, pick, transfer, end and refused uploads, each with who and when', async () => {
      const chat = await server.startChat('Support', { name: 'Iris Vega' });
      await server.picked(demo.anna, chat.conversationId);
      await transferTo(server, demo.anna, chat.conversationId, toQueue(server, 'Sales'), 'Needs a quote');
      await server.picked(demo.ben, chat.conversationId);
      (await upload(server, { chat }, 'contract.pdf', pdf())).expectError(400, 'type_not_allowed');
      (await server.end(demo.ben, chat.conversationId)).expect(200, ConversationResponseSchema);
      // Every event numbered first: an entry not yet numbered has an id of its own until it is.
      await currentEventSeq(server.db);

      const entries = await trail(chat.conversationId);
      expect(entries.map((e) => [e.kind, e.actor.kind, e.actor.name])).toEqual([
        ['arrived', 'customer', 'Iris Vega'],
        ['picked', 'staff', 'Anna Lindqvist'],
        ['transferred', 'staff', 'Anna Lindqvist'],
        ['picked', 'staff', 'Ben Okafor'],
        ['upload_rejected', 'customer', 'Iris Vega'],
        ['ended', 'staff', 'Ben Okafor'],
      ]);
      expect(entries.map((e) => e.summary)).toEqual([
        expect.stringContaining('Started a chat in Support'),
        'Picked from Support',
        'Anna Lindqvist → Sales: Needs a quote',
        'Picked from Sales',
        expect.stringMatching(/^Refused “contract\.pdf”: /),
        'Ended by Ben Okafor',
      ]);
      expect(entries.find((e) => e.kind === 'picked')?.actor.id).toBe(demo.anna.user.id);
      const times = entries.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
      // The admin sees the same trail.
      expect(await trail(chat.conversationId, demo.adam)).toEqual(entries);
    });

    it('shows a refused upload by an agent with the agent as actor', async () => {
      const chat = await server.startChat('Support');
      await server.picked(demo.anna, chat.conversationId);
      const exe = pe();
      const res = await upload(server, { staff: demo.anna, conversationId: chat.conversationId }, 'tool.exe', exe);
      expect(res.status).toBeGreaterThanOrEqual(400);
      const refused = (await trail(chat.conversationId)).filter((e) => e.kind === 'upload_rejected');
      expect(refused).toEqual([expect.objectContaining({ actor: { kind: 'staff', id: demo.anna.user.id, name: 'Anna Lindqvist' } })]);
    });

    it('gives conversations from before the event log their arrival, pick and end', async () => {
      const [past] = await server.db.query<{ id: string }>(
        `SELECT c.id FROM conversations c WHERE c.state = 'ended'
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.conversation_id = c.id) LIMIT 1`,
      );
      expect(past).toBeDefined();
      expect((await trail(past!.id)).map((e) => e.kind)).toEqual(['arrived', 'picked', 'ended']);
    });

    it('answers 404 for a conversation that does not exist', async () => {
      (await server.get('/api/conversations/00000000-0000-4000-8000-000000000000/audit', demo.sara)).expectError(404, 'not_found');
      (await server.get('/api/conversations/nonsense/audit', demo.sara)).expectError(404, 'not_found');
    });
  });

  describe('reassign', () => {
    it('moves a held conversation to a queue: the agent, the customer and the trail all learn of it', async () => {
      const chat = await server.startChat('Support');
      await server.picked(demo.anna, chat.conversationId);
      const annaNow = await server.login('anna');
      const [annaSocket, customerSocket] = await Promise.all([
        server.connect({ token: annaNow.token }),
        server.connect({ customerToken: chat.token }),
      ]);
      await Promise.all([annaSocket.ready(), customerSocket.ready()]);

      const result = (
        await reassign(demo.sara, chat.conversationId, { target: toQueue(server, 'Sales'), note: 'Customer wants a quote' })
      ).expect(200, TransferResponseSchema);
      expect(result.conversation).toMatchObject({ state: 'queued', agent: null, reservedFor: null, queue: { id: server.queueIds.Sales } });
      expect(result.transfer).toMatchObject({
        from: { id: demo.sara.user.id, displayName: 'Sara Moreau' },
        fromQueue: { name: 'Support' },
        toQueue: { name: 'Sales' },
        toAgent: null,
        note: 'Customer wants a quote',
      });

      // The agent who held it learns it left them, though they do not serve Sales.
      const moved = await annaSocket.next(staffEvent('conversation.transferred', chat.conversationId));
      expect(moved).toMatchObject({ event: { transfer: { id: result.transfer.id } } });
      const told = await customerSocket.next(customerEvent('message.created'));
      expect(told).toMatchObject({ event: { message: { authorKind: 'system', text: 'You are being transferred to the Sales team.' } } });
      expect(JSON.stringify(customerSocket.raw)).not.toContain('Customer wants a quote');

      const { notes } = (await server.get(`/api/conversations/${chat.conversationId}/notes`, demo.sara)).expect(200, NoteListSchema);
      expect(notes[0]).toMatchObject({ text: 'Customer wants a quote', authorId: demo.sara.user.id });
      const [stored] = await server.db.query<{ reassigned: boolean }>('SELECT reassigned FROM transfers WHERE id = $1', [result.transfer.id]);
      expect(stored?.reassigned).toBe(true);

      const last = (await trail(chat.conversationId)).at(-1);
      expect(last).toMatchObject({
        kind: 'reassigned',
        actor: { kind: 'staff', id: demo.sara.user.id, name: 'Sara Moreau' },
        summary: 'Reassigned from Anna Lindqvist to Sales: Customer wants a quote',
      });
      expect(await listIds(server, demo.ben, 'picklist')).toContain(chat.conversationId);
    });

    it('moves a waiting conversation to a logged-in agent, who alone may pick it', async () => {
      const chat = await server.startChat('Sales');
      const result = (await reassign(demo.adam, chat.conversationId, { target: toAgent(demo.anna) })).expect(200, TransferResponseSchema);
      expect(result.conversation).toMatchObject({ state: 'queued', reservedFor: { id: demo.anna.user.id }, queue: { id: server.queueIds.Sales } });
      expect(await listIds(server, demo.anna, 'picklist')).toContain(chat.conversationId);
      expect(await listIds(server, demo.ben, 'picklist')).not.toContain(chat.conversationId);
      await server.picked(demo.anna, chat.conversationId);
      expect((await trail(chat.conversationId)).map((e) => e.kind)).toEqual(['arrived', 'reassigned', 'picked']);
      expect((await trail(chat.conversationId))[1]?.summary).toBe('Reassigned to Anna Lindqvist');
    });

    it('withdraws an offer in progress', async () => {
      const agent = await createdUser(server, demo.adam, { displayName: 'Olga Offer' });
      const queue = await createdQueue(server, demo.adam, { routingMode: 'offer', agentIds: [agent.id] });
      const olga = await server.login(agent.username, agent.password);
      const socket = await server.connect({ token: olga.token });
      await socket.ready();
      const chat = await startChatIn(server, queue.id);
      await socket.next(staffEvent('conversation.offered', chat.conversationId));
      // The supervisors' views count the offer while it lasts.
      const { queues } = (await server.get('/api/supervisor/queues', demo.sara)).expect(200, QueueDashboardSchema);
      expect(queues.find((q) => q.queue.id === queue.id)).toMatchObject({ waiting: 0, offered: 1, inProgress: 0, agents: 1, availableAgents: 1 });
      const { agents } = (await server.get('/api/supervisor/agents', demo.sara)).expect(200, AgentStatusListSchema);
      expect(agents.find((a) => a.agent.id === agent.id)).toMatchObject({ offered: 1, held: 0, connected: true, presence: { state: 'available' } });

      const result = (await reassign(demo.sara, chat.conversationId, { target: toQueue(server, 'Support') })).expect(200, TransferResponseSchema);
      expect(result.conversation).toMatchObject({ state: 'queued', offer: null, queue: { id: server.queueIds.Support } });
      const declined = await socket.next(staffEvent('conversation.offer-declined', chat.conversationId));
      expect(declined).toMatchObject({ event: { outcome: 'withdrawn', agent: { id: agent.id } } });
      await socket.next(staffEvent('conversation.transferred', chat.conversationId));
      const offers = await server.db.query<{ outcome: string }>('SELECT outcome FROM offers WHERE conversation_id = $1', [chat.conversationId]);
      expect(offers).toEqual([{ outcome: 'withdrawn' }]);
      expect((await trail(chat.conversationId)).map((e) => [e.kind, e.summary])).toEqual([
        ['arrived', expect.stringContaining(queue.name)],
        ['offered', 'Offered to Olga Offer'],
        ['offer_withdrawn', 'The offer to Olga Offer was withdrawn'],
        ['reassigned', 'Reassigned to Support'],
      ]);
    });

    it('is refused to agents, for ended conversations and for targets that cannot receive', async () => {
      const chat = await server.startChat('Support');
      const body = { target: toQueue(server, 'Sales') };
      for (const agent of [demo.anna, demo.ben]) (await reassign(agent, chat.conversationId, body)).expectError(403, 'forbidden');
      (await reassign(undefined, chat.conversationId, body)).expectError(401, 'unauthenticated');
      (await reassign(chat, chat.conversationId, body)).expectError(401, 'unauthenticated');

      const offline = await insertUser(server, `offline-${Date.now()}`, { queues: ['Support'], displayName: 'Oscar Offline' });
      const cases: [unknown, string, string][] = [
        [{ target: toAgent(offline) }, 'target.agentId', 'Oscar Offline is not logged in. Choose an agent who is.'],
        [{ target: toAgent(demo.sara) }, 'target.agentId', 'Sara Moreau is not an agent. Choose an agent.'],
        [{ target: { kind: 'queue', queueId: '00000000-0000-4000-8000-000000000000' } }, 'target.queueId', 'Unknown queue'],
        [{ target: toQueue(server, 'Support') }, 'target.queueId', 'This conversation already waits in Support.'],
      ];
      for (const [request, field, message] of cases) {
        const refused = (await reassign(demo.sara, chat.conversationId, request)).expectError(400, 'invalid_request');
        expect(refused.fields?.[field]).toBe(message);
      }

      await server.picked(demo.anna, chat.conversationId);
      const held = (await reassign(demo.sara, chat.conversationId, { target: toAgent(demo.anna) })).expectError(400, 'invalid_request');
      expect(held.message).toBe('Anna Lindqvist already holds this conversation.');
      await server.end(demo.anna, chat.conversationId);
      (await reassign(demo.sara, chat.conversationId, body)).expectError(409, 'conversation_ended');
      (await reassign(demo.sara, '00000000-0000-4000-8000-000000000000', body)).expectError(404, 'not_found');
      // Nothing of the refused attempts reached the trail.
      expect((await trail(chat.conversationId)).map((e) => e.kind)).toEqual(['arrived', 'picked', 'ended']);
    });
  });
});
