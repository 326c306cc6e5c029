import { beforeAll, describe, expect, it } from 'vitest';
import { AdminAuditListSchema, type AdminQueue } from '../../contract/admin';
import { ConversationResponseSchema } from '../../contract/conversations';
import { AuditTrailSchema } from '../../contract/supervision';
import {
  AdminWrapUpSchema,
  WrapUpCodeResponseSchema,
  WrapUpCountsSchema,
  WrapUpOptionsSchema,
  type AdminWrapUpCode,
  type CreateWrapUpCodeRequest,
} from '../../contract/wrap-up';
import { createdQueue, startChatIn, unique } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { type Staff, useDemoStaff, useTestServer } from '../test-support/test-server';

describeEachBackend('Wrap-up API', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);
  // Queues of their own, so the counts and the required flag touch no other test.
  let returns: AdminQueue;
  let repairs: AdminQueue;

  beforeAll(async () => {
    [returns, repairs] = await Promise.all([
      createdQueue(server, demo.adam, { name: unique('Returns'), agentIds: [demo.anna.user.id, demo.ben.user.id] }),
      createdQueue(server, demo.adam, { name: unique('Repairs'), agentIds: [demo.anna.user.id] }),
    ]);
  });

  const createCode = async (body: Partial<CreateWrapUpCodeRequest> = {}) =>
    (await server.post('/api/admin/wrap-up/codes', demo.adam, { name: unique('Reason'), allQueues: true, queueIds: [], ...body })).expect(201, WrapUpCodeResponseSchema)
      .code;
  const putCode = (code: AdminWrapUpCode, changes: Partial<AdminWrapUpCode>) => {
    const { id: _id, ...fields } = { ...code, ...changes };
    return server.request('PUT', `/api/admin/wrap-up/codes/${code.id}`, { auth: demo.adam, body: fields });
  };
  const setRequired = (queueId: string, required: boolean, who: Staff = demo.adam) =>
    server.request('PUT', `/api/admin/wrap-up/queues/${queueId}`, { auth: who, body: { required } });
  const options = async (queueId: string, who: Staff = demo.anna) => (await server.get(`/api/queues/${queueId}/wrap-up`, who)).expect(200, WrapUpOptionsSchema);
  /** A chat in `queueId`, picked by `agent`. */
  const heldChat = async (queueId: string, agent: Staff = demo.anna) => {
    const chat = await startChatIn(server, queueId);
    await server.picked(agent, chat.conversationId);
    return chat.conversationId;
  };
  const endWith = (conversationId: string, body: unknown, agent: Staff = demo.anna) => server.post(`/api/conversations/${conversationId}/end`, agent, body);
  const stateOf = async (conversationId: string) => (await server.get(`/api/conversations/${conversationId}`, demo.sara)).expect(200, ConversationResponseSchema).conversation.state;

  describe('rights', () => {
    it('lets only admins manage codes and required queues (403 for agents and supervisors, nothing changes)', async () => {
      const code = await createCode();
      for (const who of [demo.anna, demo.sara]) {
        (await server.get('/api/admin/wrap-up', who)).expectError(403, 'forbidden');
        (await server.post('/api/admin/wrap-up/codes', who, { name: 'Sneaky', allQueues: true, queueIds: [] })).expectError(403, 'forbidden');
        (await server.request('PUT', `/api/admin/wrap-up/codes/${code.id}`, { auth: who, body: { name: 'Sneaky', allQueues: true, queueIds: [], retired: true } })).expectError(
          403,
          'forbidden',
        );
        (await setRequired(returns.id, true, who)).expectError(403, 'forbidden');
      }
      const state = (await server.get('/api/admin/wrap-up', demo.adam)).expect(200, AdminWrapUpSchema);
      expect(state.codes.find((c) => c.id === code.id)).toMatchObject({ name: code.name, retired: false });
      expect(state.requiredQueueIds).not.toContain(returns.id);
      expect(state.codes.some((c) => c.name === 'Sneaky')).toBe(false);
    });

    it('gives the counts to supervisors and admins only, and asks anonymous callers to log in', async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      (await server.get(`/api/supervisor/wrap-up?since=${encodeURIComponent(since)}`, demo.anna)).expectError(403, 'forbidden');
      (await server.get(`/api/supervisor/wrap-up?since=${encodeURIComponent(since)}`)).expectError(401, 'unauthenticated');
      (await server.get(`/api/supervisor/wrap-up?since=${encodeURIComponent(since)}`, demo.sara)).expect(200, WrapUpCountsSchema);
      (await server.get('/api/supervisor/wrap-up?since=yesterday', demo.sara)).expectError(400, 'invalid_request');
      (await server.get(`/api/queues/${returns.id}/wrap-up`)).expectError(401, 'unauthenticated');
    });
  });

  describe('admins', () => {
    it('create codes for every queue or chosen ones, refuse a name in use or no queue, and record every change', async () => {
      const name = unique('Refund issued');
      const code = await createCode({ name, allQueues: false, queueIds: [repairs.id] });
      expect(code).toEqual({ id: code.id, name, allQueues: false, queueIds: [repairs.id], retired: false });

      const taken = (await server.post('/api/admin/wrap-up/codes', demo.adam, { name: name.toUpperCase(), allQueues: true, queueIds: [] })).expectError(400, 'invalid_request');
      expect(taken.fields?.name).toMatch(/already in use/);
      const noQueue = (await server.post('/api/admin/wrap-up/codes', demo.adam, { name: unique('x'), allQueues: false, queueIds: [] })).expectError(400, 'invalid_request');
      expect(noQueue.fields?.queueIds).toMatch(/at least one queue/);
      const unknownQueue = (
        await server.post('/api/admin/wrap-up/codes', demo.adam, { name: unique('x'), allQueues: false, queueIds: ['00000000-0000-4000-8000-000000000000'] })
      ).expectError(400, 'invalid_request');
      expect(unknownQueue.fields?.queueIds).toMatch(/does not exist/);

      const moved = (await putCode(code, { allQueues: true, queueIds: [] })).expect(200, WrapUpCodeResponseSchema).code;
      expect(moved).toMatchObject({ allQueues: true, queueIds: [] });
      (await setRequired(repairs.id, true)).expect(200, AdminWrapUpSchema);
      const state = (await setRequired(repairs.id, true)).expect(200, AdminWrapUpSchema);
      expect(state.requiredQueueIds).toContain(repairs.id);
      (await setRequired(repairs.id, false)).expect(200, AdminWrapUpSchema);

      const entries = (await server.get('/api/admin/audit', demo.adam)).expect(200, AdminAuditListSchema).entries;
      const summaries = entries
        .filter((e) => e.target.name === name || (e.target.id === repairs.id && e.action.startsWith('queue.wrap_up')))
        .map((e) => [e.action, e.summary]);
      expect(summaries).toEqual([
        ['queue.wrap_up_optional', `Chats in ${repairs.name} may end without a reason`],
        // Set twice, recorded once.
        ['queue.wrap_up_required', `Chats in ${repairs.name} need an end reason`],
        ['wrap_up_code.updated', `Changed end reason ${name}: queues ${repairs.name} → all queues`],
        ['wrap_up_code.created', `Added end reason ${name} (${repairs.name})`],
      ]);
    });

    it('retire a code: no longer offered, its name free again, and bringing it back needs the name free', async () => {
      const name = unique('Duplicate');
      const code = await createCode({ name });
      const retired = (await putCode(code, { retired: true })).expect(200, WrapUpCodeResponseSchema).code;
      expect(retired.retired).toBe(true);
      expect((await options(returns.id)).codes.map((c) => c.id)).not.toContain(code.id);
      const listed = (await server.get('/api/admin/wrap-up', demo.adam)).expect(200, AdminWrapUpSchema).codes;
      expect(listed.findIndex((c) => c.id === code.id)).toBeGreaterThan(listed.findIndex((c) => !c.retired && c.id !== code.id));

      const successor = await createCode({ name });
      const back = (await putCode(retired, { retired: false })).expectError(400, 'invalid_request');
      expect(back.fields?.name).toMatch(/already in use/);
      (await putCode(successor, { retired: true })).expect(200, WrapUpCodeResponseSchema);
      expect((await putCode(retired, { retired: false })).expect(200, WrapUpCodeResponseSchema).code.retired).toBe(false);
    });

    it('answer 404 for a code or queue that does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      (await server.request('PUT', `/api/admin/wrap-up/codes/${missing}`, { auth: demo.adam, body: { name: 'x', allQueues: true, queueIds: [], retired: false } })).expectError(
        404,
        'not_found',
      );
      (await setRequired(missing, true)).expectError(404, 'not_found');
      (await server.get(`/api/queues/${missing}/wrap-up`, demo.anna)).expectError(404, 'not_found');
    });
  });

  describe('ending a chat', () => {
    it("offers the queue's codes in use: every queue's and its own, by name", async () => {
      const [mine, everywhere, elsewhere] = [
        await createCode({ name: unique('B-own'), allQueues: false, queueIds: [returns.id] }),
        await createCode({ name: unique('A-all') }),
        await createCode({ name: unique('C-other'), allQueues: false, queueIds: [repairs.id] }),
      ];
      const offered = (await options(returns.id, demo.ben)).codes.map((c) => c.id);
      expect(offered).toContain(mine.id);
      expect(offered).toContain(everywhere.id);
      expect(offered).not.toContain(elsewhere.id);
      expect(offered.indexOf(everywhere.id)).toBeLessThan(offered.indexOf(mine.id));
    });

    it('refuses to end without a reason where the queue requires one (422), then ends with one', async () => {
      const code = await createCode({ allQueues: false, queueIds: [returns.id] });
      (await setRequired(returns.id, true)).expect(200, AdminWrapUpSchema);
      try {
        expect(await options(returns.id)).toMatchObject({ required: true });
        const id = await heldChat(returns.id);
        const refused = (await endWith(id, {})).expectError(422, 'wrap_up_required');
        expect(refused.fields?.wrapUpCodeId).toBe(refused.message);
        expect(refused.message).toContain(returns.name);
        // A body-less end, as older clients send it, is refused alike; the chat stays open.
        (await server.post(`/api/conversations/${id}/end`, demo.anna)).expectError(422, 'wrap_up_required');
        (await endWith(id, { summary: 'Only words' })).expectError(422, 'wrap_up_required');
        expect(await stateOf(id)).toBe('picked');

        const ended = (await endWith(id, { wrapUpCodeId: code.id, summary: '  Sent the return label.  ' })).expect(200, ConversationResponseSchema).conversation;
        expect(ended.state).toBe('ended');
        const trail = (await server.get(`/api/conversations/${id}/audit`, demo.sara)).expect(200, AuditTrailSchema).entries;
        expect(trail.slice(-2).map((e) => [e.kind, e.summary, e.actor.name])).toEqual([
          ['ended', 'Ended by Anna Lindqvist', 'Anna Lindqvist'],
          ['wrapped_up', `Reason: ${code.name}. Summary: Sent the return label.`, 'Anna Lindqvist'],
        ]);
      } finally {
        await setRequired(returns.id, false);
      }
    });

    it("refuses a code the queue does not offer (another queue's, retired, unknown) with 422, and the chat stays open", async () => {
      const other = await createCode({ allQueues: false, queueIds: [repairs.id] });
      const retired = (await putCode(await createCode(), { retired: true })).expect(200, WrapUpCodeResponseSchema).code;
      const id = await heldChat(returns.id);
      for (const wrapUpCodeId of [other.id, retired.id, '00000000-0000-4000-8000-000000000000', 'not-a-code']) {
        const refused = (await endWith(id, { wrapUpCodeId })).expectError(422, 'wrap_up_code_unavailable');
        expect(refused.fields?.wrapUpCodeId, wrapUpCodeId).toMatch(/cannot be used/);
      }
      expect(await stateOf(id)).toBe('picked');
      // Where no reason is required, a chat still ends without one, and the trail says nothing more.
      (await endWith(id, {})).expect(200, ConversationResponseSchema);
      const trail = (await server.get(`/api/conversations/${id}/audit`, demo.sara)).expect(200, AuditTrailSchema).entries;
      expect(trail.map((e) => e.kind)).not.toContain('wrapped_up');
    });

    it('checks who holds the chat before the reason: not_holder and conversation_ended come first', async () => {
      (await setRequired(returns.id, true)).expect(200, AdminWrapUpSchema);
      try {
        const code = await createCode();
        const id = await heldChat(returns.id, demo.ben);
        (await endWith(id, {}, demo.anna)).expectError(409, 'not_holder');
        (await endWith(id, {}, demo.sara)).expectError(403, 'forbidden');
        (await endWith(id, { wrapUpCodeId: code.id }, demo.ben)).expect(200, ConversationResponseSchema);
        (await endWith(id, {}, demo.ben)).expectError(409, 'conversation_ended');
      } finally {
        await setRequired(returns.id, false);
      }
    });

    it('refuses a summary too long or that cannot be stored (400 naming it)', async () => {
      const id = await heldChat(returns.id);
      expect((await endWith(id, { summary: 'x'.repeat(1001) })).expectError(400, 'invalid_request').fields).toHaveProperty('summary');
      expect((await endWith(id, { summary: 'a\u0000b' })).expectError(400, 'invalid_request').fields).toHaveProperty('summary');
      expect(await stateOf(id)).toBe('picked');
    });
  });

  describe('supervisors', () => {
    it("count today's reasons per queue, most frequent first; a retired code keeps its name", async () => {
      const queue = await createdQueue(server, demo.adam, { name: unique('Counted'), agentIds: [demo.anna.user.id] });
      const since = new Date(Date.now() - 5_000).toISOString();
      const [often, once] = [await createCode({ name: unique('Z-often') }), await createCode({ name: unique('A-once') })];
      for (const code of [often, once, often]) (await endWith(await heldChat(queue.id), { wrapUpCodeId: code.id })).expect(200, ConversationResponseSchema);
      (await endWith(await heldChat(queue.id), { summary: 'No reason, only words' })).expect(200, ConversationResponseSchema);
      (await putCode(often, { retired: true })).expect(200, WrapUpCodeResponseSchema);

      const { counts } = (await server.get(`/api/supervisor/wrap-up?since=${encodeURIComponent(since)}`, demo.sara)).expect(200, WrapUpCountsSchema);
      expect(counts.filter((c) => c.queue.id === queue.id)).toEqual([
        { queue: { id: queue.id, name: queue.name }, code: { id: often.id, name: often.name, retired: true }, count: 2 },
        { queue: { id: queue.id, name: queue.name }, code: { id: once.id, name: once.name, retired: false }, count: 1 },
      ]);
      // Before `since` nothing of this queue counts.
      const later = new Date(Date.now() + 60_000).toISOString();
      const none = (await server.get(`/api/supervisor/wrap-up?since=${encodeURIComponent(later)}`, demo.adam)).expect(200, WrapUpCountsSchema).counts;
      expect(none.filter((c) => c.queue.id === queue.id)).toEqual([]);
    });
  });
});
