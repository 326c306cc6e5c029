import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { NOTE_TEXT_MAX_LENGTH } from '../../contract/limits';
import { MessagePageSchema } from '../../contract/messages';
import { NoteListSchema } from '../../contract/notes';
import { TransferListSchema, TransferTargetsSchema } from '../../contract/transfers';
import { CustomerConversationResponseSchema } from '../../contract/webchat';
import { describeEachBackend } from '../test-support/databases';
import { lastThreadMessage } from '../test-support/side-drawer';
import { addAgent, useDemoStaff, useTestServer, type Staff } from '../test-support/test-server';
import { insertUser, listIds, postTransfer, toAgent, toQueue, transferTo } from '../test-support/transfers';

describeEachBackend('Transfers', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'], tom: ['Support'] });

  /** A Support conversation picked by `holder`. */
  async function held(holder: Staff = demo.anna, queue: 'Support' | 'Sales' = 'Support') {
    const chat = await server.startChat(queue, { text: 'I need help with my order.' });
    await server.picked(holder, chat.conversationId);
    return chat;
  }

  const viewAs = async (staff: Staff, id: string) =>
    (await server.get(`/api/conversations/${id}`, staff)).expect(200, ConversationResponseSchema).conversation;
  const transfersOf = async (staff: Staff, id: string) =>
    (await server.get(`/api/conversations/${id}/transfers`, staff)).expect(200, TransferListSchema).transfers;
  const notesOf = async (staff: Staff, id: string) =>
    (await server.get(`/api/conversations/${id}/notes`, staff)).expect(200, NoteListSchema).notes;
  const messagesOf = async (staff: Staff, id: string) =>
    (await server.get(`/api/conversations/${id}/messages`, staff)).expect(200, MessagePageSchema).messages;

  describe('to a queue', () => {
    it('puts the conversation in the target queue’s picklists only, with the note for the receiver', async () => {
      const { conversationId: id } = await held(demo.anna);
      const { conversation, transfer } = await transferTo(server, demo.anna, id, toQueue(server, 'Sales'), '  Wants a volume discount.  ');

      expect(conversation).toMatchObject({
        state: 'queued',
        queue: { id: server.queueIds.Sales, name: 'Sales', address: 'sales@acme.example' },
        destination: 'sales@acme.example',
        agent: null,
        pickedAt: null,
        reservedFor: null,
      });
      expect(await lastThreadMessage(server, demo.anna, id)).toMatchObject({ authorKind: 'system', text: 'You are being transferred to the Sales team.' });
      expect(transfer).toMatchObject({
        from: { id: demo.anna.user.id, displayName: 'Anna Lindqvist' },
        fromQueue: { id: server.queueIds.Support, name: 'Support' },
        toQueue: { id: server.queueIds.Sales, name: 'Sales' },
        toAgent: null,
        note: 'Wants a volume discount.',
      });
      expect(conversation.lastTransfer).toEqual(transfer);

      // Sales agents see it; Support-only agents and the sender do not.
      expect(await listIds(server, demo.sam, 'picklist')).toContain(id);
      expect(await listIds(server, demo.ben, 'picklist')).toContain(id);
      expect(await listIds(server, demo.anna, 'picklist')).not.toContain(id);
      expect(await listIds(server, demo.tom, 'picklist')).not.toContain(id);
      expect(await listIds(server, demo.anna, 'mine')).not.toContain(id);

      // The receiver reads the note among the internal notes.
      expect((await notesOf(demo.sam, id)).map((n) => [n.authorName, n.text])).toEqual([['Anna Lindqvist', 'Wants a volume discount.']]);
      // The sender can still open what she handed on; an uninvolved Support agent no longer can.
      expect((await viewAs(demo.anna, id)).lastTransfer).toEqual(transfer);
      (await server.get(`/api/conversations/${id}`, demo.tom)).expectError(404, 'not_found');

      (await server.pick(demo.anna, id)).expectError(403, 'forbidden');
      (await server.pick(demo.tom, id)).expectError(404, 'not_found');
      const picked = await server.picked(demo.sam, id);
      expect(picked).toMatchObject({ state: 'picked', agent: { id: demo.sam.user.id }, reservedFor: null, lastTransfer: transfer });
      expect(await listIds(server, demo.sam, 'mine')).toContain(id);
      await server.agentSays(demo.sam, id, 'Hi, Sam from Sales here.');
    });

    it('tells the customer in a system message and never shows them the note', async () => {
      const chat = await held(demo.anna);
      await transferTo(server, demo.anna, chat.conversationId, toQueue(server, 'Sales'), 'SECRET-TRANSFER-NOTE');

      const own = (await server.get('/api/webchat/conversation', chat.token)).expect(200, CustomerConversationResponseSchema);
      expect(own.conversation).toMatchObject({ state: 'queued', agentName: null, queueName: 'Sales' });
      const thread = (await server.get('/api/webchat/messages', chat.token)).expect(200, MessagePageSchema).messages;
      expect(thread.map((m) => m.text)).toEqual([
        'I need help with my order.',
        'Anna Lindqvist joined the conversation.',
        'You are being transferred to the Sales team.',
      ]);
      for (const path of ['/api/webchat/conversation', '/api/webchat/messages']) {
        expect((await server.get(path, chat.token)).text).not.toContain('SECRET-TRANSFER-NOTE');
      }
      // Nor is the note a chat message for staff: it is an internal note.
      expect((await messagesOf(demo.sam, chat.conversationId)).map((m) => m.text)).not.toContain('SECRET-TRANSFER-NOTE');
    });

    it('may send a conversation back into its own queue without a note', async () => {
      const { conversationId: id } = await held(demo.anna);
      const { conversation, transfer } = await transferTo(server, demo.anna, id, toQueue(server, 'Support'));
      expect(conversation).toMatchObject({ state: 'queued', queue: { name: 'Support' }, reservedFor: null });
      expect(transfer).toMatchObject({ toQueue: { name: 'Support' }, note: null });
      expect(await notesOf(demo.anna, id)).toEqual([]);
      expect(await listIds(server, demo.tom, 'picklist')).toContain(id);
      expect(await listIds(server, demo.anna, 'picklist')).toContain(id);
      // A blank note counts as none.
      await server.picked(demo.tom, id);
      expect((await transferTo(server, demo.tom, id, toQueue(server, 'Support'), '   ')).transfer.note).toBeNull();
      expect(await notesOf(demo.anna, id)).toEqual([]);
    });
  });

  describe('to an agent', () => {
    it('reserves the conversation for that agent alone, even outside their queues', async () => {
      const { conversationId: id } = await held(demo.anna);
      const { conversation } = await transferTo(server, demo.anna, id, toAgent(demo.sam), 'Knows this customer.');
      expect(conversation).toMatchObject({
        state: 'queued',
        queue: { name: 'Support' },
        destination: 'support@acme.example',
        agent: null,
        reservedFor: { id: demo.sam.user.id, displayName: 'Agent sam' },
        lastTransfer: { from: { id: demo.anna.user.id }, toQueue: null, toAgent: { id: demo.sam.user.id, displayName: 'Agent sam' }, note: 'Knows this customer.' },
      });
      expect(await lastThreadMessage(server, demo.anna, id)).toMatchObject({ authorKind: 'system', text: 'You are being transferred to another agent.' });

      expect(await listIds(server, demo.sam, 'picklist')).toContain(id);
      for (const other of [demo.anna, demo.ben, demo.tom]) expect(await listIds(server, other, 'picklist')).not.toContain(id);
      // Supervisors watch every waiting conversation.
      expect(await listIds(server, demo.sara, 'picklist')).toContain(id);

      // Sam does not serve Support, yet may read it while it waits for him.
      expect((await viewAs(demo.sam, id)).reservedFor?.id).toBe(demo.sam.user.id);
      expect((await notesOf(demo.sam, id)).map((n) => n.text)).toEqual(['Knows this customer.']);

      for (const other of [demo.ben, demo.tom, demo.anna]) {
        const refused = (await server.pick(other, id)).expectError(403, 'forbidden');
        expect(refused.message).toBe('This conversation was transferred to Agent sam; only they can pick it.');
      }
      const picked = await server.picked(demo.sam, id);
      expect(picked).toMatchObject({ state: 'picked', agent: { id: demo.sam.user.id }, reservedFor: null });
      expect(await listIds(server, demo.sam, 'mine')).toContain(id);
      await server.agentSays(demo.sam, id, 'Sam here, I know your account.');
      (await server.end(demo.sam, id)).expect(200, ConversationResponseSchema);
    });

    it('lets the receiver transfer it on, and the first sender keep reading it', async () => {
      const { conversationId: id } = await held(demo.anna);
      await transferTo(server, demo.anna, id, toAgent(demo.ben));
      await server.picked(demo.ben, id);
      await transferTo(server, demo.ben, id, toQueue(server, 'Sales'), 'Over to Sales.');
      await server.picked(demo.sam, id);

      const transfers = await transfersOf(demo.sara, id);
      expect(transfers.map((t) => [t.from.displayName, t.toAgent?.displayName ?? null, t.toQueue?.name ?? null, t.note])).toEqual([
        ['Anna Lindqvist', 'Ben Okafor', null, null],
        ['Ben Okafor', null, 'Sales', 'Over to Sales.'],
      ]);
      expect(Date.parse(transfers[0]!.at)).toBeLessThanOrEqual(Date.parse(transfers[1]!.at));
      // Anna serves Support only, but handed this conversation on: she may still read it and its transfers.
      expect(await transfersOf(demo.anna, id)).toEqual(transfers);
      expect(await transfersOf(demo.sam, id)).toEqual(transfers);
      (await server.get(`/api/conversations/${id}/transfers`, demo.tom)).expectError(404, 'not_found');
      expect((await viewAs(demo.sam, id)).lastTransfer).toEqual(transfers[1]);
    });
  });

  describe('refusals', () => {
    it('answers anyone but the holder like ending does: who holds it, or pick it first', async () => {
      const chat = await server.startChat('Support');
      const id = chat.conversationId;
      const target = toQueue(server, 'Sales');

      const waiting = (await postTransfer(server, demo.anna, id, { target })).expectError(409, 'not_holder');
      expect(waiting.message).toBe('Pick this conversation before transferring it.');

      await server.picked(demo.anna, id);
      const other = (await postTransfer(server, demo.ben, id, { target })).expectError(409, 'not_holder');
      expect(other).toMatchObject({ message: 'Anna Lindqvist holds this conversation.', holder: { id: demo.anna.user.id, displayName: 'Anna Lindqvist' } });

      (await postTransfer(server, demo.sara, id, { target })).expectError(403, 'forbidden');
      (await postTransfer(server, demo.sam, id, { target })).expectError(404, 'not_found');
      (await postTransfer(server, chat.token, id, { target })).expectError(401, 'unauthenticated');
      (await postTransfer(server, undefined, id, { target })).expectError(401, 'unauthenticated');
      for (const bad of ['not-a-uuid', randomUUID()]) (await postTransfer(server, demo.anna, bad, { target })).expectError(404, 'not_found');

      (await server.end(demo.anna, id)).expect(200, ConversationResponseSchema);
      const ended = (await postTransfer(server, demo.anna, id, { target })).expectError(409, 'conversation_ended');
      expect(ended.message).toBe('This conversation has already ended.');
      expect(await transfersOf(demo.anna, id)).toEqual([]);
    });

    it('refuses unknown targets, yourself, and agents who cannot receive, with 400 naming the field', async () => {
      const { conversationId: id } = await held(demo.anna);
      const refuse = async (body: Record<string, unknown>, field: string) => {
        const error = (await postTransfer(server, demo.anna, id, body)).expectError(400, 'invalid_request');
        expect(error.fields, JSON.stringify(error)).toHaveProperty([field]);
        return error;
      };

      expect((await refuse({ target: { kind: 'queue', queueId: randomUUID() } }, 'target.queueId')).fields).toEqual({
        'target.queueId': 'Unknown queue',
      });
      await refuse({ target: { kind: 'queue', queueId: 'Sales' } }, 'target.queueId');
      expect((await refuse({ target: { kind: 'agent', agentId: randomUUID() } }, 'target.agentId')).fields).toEqual({
        'target.agentId': 'Unknown agent',
      });
      await refuse({ target: { kind: 'agent', agentId: "x' OR 1=1 --" } }, 'target.agentId');
      expect((await refuse({ target: toAgent(demo.anna) }, 'target.agentId')).message).toBe(
        'You cannot transfer a conversation to yourself. Choose another agent.',
      );
      expect((await refuse({ target: toAgent(demo.sara) }, 'target.agentId')).message).toBe('Sara Moreau is not an agent. Choose an agent.');

      const neverLoggedIn = await insertUser(server, 'nora', { queues: ['Support'], displayName: 'Nora Absent' });
      expect((await refuse({ target: toAgent(neverLoggedIn) }, 'target.agentId')).message).toBe(
        'Nora Absent is not logged in. Choose an agent who is.',
      );

      const loggedOut = await addAgent(server, 'lou', ['Support']);
      expect((await server.post('/api/auth/logout', loggedOut)).status).toBe(200);
      expect((await refuse({ target: toAgent(loggedOut) }, 'target.agentId')).message).toMatch(/is not logged in/);

      const expired = await addAgent(server, 'eve', ['Support']);
      await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [expired.user.id]);
      expect((await refuse({ target: toAgent(expired) }, 'target.agentId')).message).toMatch(/is not logged in/);

      const disabled = await addAgent(server, 'dan', ['Support']);
      await server.db.query('UPDATE users SET disabled = true WHERE id = $1', [disabled.user.id]);
      expect((await refuse({ target: toAgent(disabled) }, 'target.agentId')).message).toMatch(/can no longer take conversations/);

      // Malformed bodies.
      expect((await refuse({}, 'target')).message).toBe('target: Choose a queue or an agent');
      await refuse({ target: { kind: 'team', teamId: 'x' } }, 'target.kind');
      await refuse({ target: { kind: 'queue' } }, 'target.queueId');
      const long = await refuse({ target: toQueue(server, 'Sales'), note: 'n'.repeat(NOTE_TEXT_MAX_LENGTH + 1) }, 'note');
      expect(long.message).toContain(String(NOTE_TEXT_MAX_LENGTH));

      // Nothing happened: Anna still holds it.
      expect(await viewAs(demo.anna, id)).toMatchObject({ state: 'picked', agent: { id: demo.anna.user.id }, reservedFor: null, lastTransfer: null });
      expect(await transfersOf(demo.anna, id)).toEqual([]);
      // A note of exactly the maximum length is fine.
      const longest = 'n'.repeat(NOTE_TEXT_MAX_LENGTH);
      expect((await transferTo(server, demo.anna, id, toQueue(server, 'Sales'), longest)).transfer.note).toBe(longest);
    });

    it('accepts a transfer to an agent with a live session on one of several devices', async () => {
      const { conversationId: id } = await held(demo.anna);
      const first = await addAgent(server, 'multi', ['Sales']);
      await server.login('multi');
      expect((await server.post('/api/auth/logout', first)).status).toBe(200);
      expect((await transferTo(server, demo.anna, id, toAgent(first))).conversation.reservedFor?.id).toBe(first.user.id);
    });
  });

  describe('races', () => {
    it('lets exactly one of a transfer and an end by the holder win, with a consistent result', async () => {
      for (let i = 0; i < 12; i++) {
        const { conversationId: id } = await held(demo.anna);
        const startTransfer = () => postTransfer(server, demo.anna, id, { target: toQueue(server, 'Sales'), note: 'race' });
        // Alternate which request leaves first.
        const [transferAnswer, endAnswer] =
          i % 2 === 0
            ? await Promise.all([startTransfer(), server.end(demo.anna, id)])
            : await Promise.all([server.end(demo.anna, id), startTransfer()]).then(([e, t]) => [t, e] as const);
        const conversation = await viewAs(demo.sara, id);
        const transfers = await transfersOf(demo.sara, id);
        const system = (await messagesOf(demo.sara, id)).filter((m) => m.authorKind === 'system').map((m) => m.text);
        if (transferAnswer!.status === 200) {
          expect(endAnswer!.status, endAnswer!.text).toBe(409);
          expect(conversation).toMatchObject({ state: 'queued', queue: { name: 'Sales' }, endedAt: null });
          expect(transfers).toHaveLength(1);
          expect(system).toEqual(['Anna Lindqvist joined the conversation.', 'You are being transferred to the Sales team.']);
          expect(await notesOf(demo.sara, id)).toHaveLength(1);
        } else {
          expect(endAnswer!.status, endAnswer!.text).toBe(200);
          transferAnswer!.expectError(409, 'conversation_ended');
          expect(conversation).toMatchObject({ state: 'ended', queue: { name: 'Support' }, agent: { id: demo.anna.user.id }, lastTransfer: null });
          expect(transfers).toEqual([]);
          expect(system).toEqual(['Anna Lindqvist joined the conversation.', 'Anna Lindqvist ended the conversation.']);
          expect(await notesOf(demo.sara, id)).toEqual([]);
        }
      }
    });

    it('records a double-clicked transfer once', async () => {
      const { conversationId: id } = await held(demo.anna);
      const answers = await Promise.all([0, 1, 2].map(() => postTransfer(server, demo.anna, id, { target: toAgent(demo.ben) })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      for (const a of answers.filter((x) => x.status === 409)) a.expectError(409, 'not_holder');
      expect(await transfersOf(demo.anna, id)).toHaveLength(1);
    });
  });

  describe('targets', () => {
    it('offers every queue and the logged-in agents other than me, by name', async () => {
      const targets = (await server.get('/api/transfer-targets', demo.anna)).expect(200, TransferTargetsSchema);
      expect(targets.queues.map((q) => [q.name, q.address])).toEqual([
        ['Billing', 'billing@acme.example'],
        ['Sales', 'sales@acme.example'],
        ['Support', 'support@acme.example'],
      ]);
      const names = targets.agents.map((a) => a.displayName);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(names).toEqual(expect.arrayContaining(['Ben Okafor', 'Agent sam', 'Agent tom']));
      expect(names).not.toContain('Anna Lindqvist');
      expect(names).not.toContain('Sara Moreau');
      expect(targets.agents.find((a) => a.id === demo.ben.user.id)?.queueIds.sort()).toEqual([server.queueIds.Billing, server.queueIds.Sales, server.queueIds.Support].sort());
      expect(targets.agents.find((a) => a.id === demo.sam.user.id)?.queueIds).toEqual([server.queueIds.Sales]);

      const fresh = await insertUser(server, 'offline-olga', { queues: ['Sales'] });
      const again = (await server.get('/api/transfer-targets', demo.ben)).expect(200, TransferTargetsSchema);
      expect(again.agents.map((a) => a.id)).not.toContain(fresh);
      expect(again.agents.map((a) => a.id)).toContain(demo.anna.user.id);
      expect(again.agents.map((a) => a.id)).not.toContain(demo.ben.user.id);

      (await server.get('/api/transfer-targets')).expectError(401, 'unauthenticated');
    });
  });
});
