import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { ConversationListSchema, ConversationResponseSchema } from '../../contract/conversations';
import { MessagePageSchema } from '../../contract/messages';
import { describeEachBackend } from '../test-support/databases';
import { useDemoStaff, useTestServer, type Staff } from '../test-support/test-server';

describeEachBackend('Conversation rights', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'] });

  const picklist = async (staff: Staff) =>
    (await server.get('/api/conversations?view=picklist', staff)).expect(200, ConversationListSchema).conversations.map((c) => c.id);

  it('hides a conversation of a queue the agent does not serve', async () => {
    const sales = await server.startChat('Sales');
    const support = await server.startChat('Support');
    const id = sales.conversationId;

    (await server.get(`/api/conversations/${id}`, demo.anna)).expectError(404, 'not_found');
    (await server.get(`/api/conversations/${id}/messages`, demo.anna)).expectError(404, 'not_found');
    (await server.pick(demo.anna, id)).expectError(404, 'not_found');
    expect(await picklist(demo.anna)).not.toContain(id);
    expect(await picklist(demo.anna)).toContain(support.conversationId);

    (await server.get(`/api/conversations/${support.conversationId}`, demo.sam)).expectError(404, 'not_found');
    (await server.pick(demo.sam, support.conversationId)).expectError(404, 'not_found');
    expect(await picklist(demo.sam)).toEqual(expect.arrayContaining([id]));
    expect(await picklist(demo.sam)).not.toContain(support.conversationId);

    // Nothing changed for the agents who may take it.
    const seen = (await server.get(`/api/conversations/${id}`, demo.ben)).expect(200, ConversationResponseSchema);
    expect(seen.conversation).toMatchObject({ state: 'queued', agent: null });
    expect(await picklist(demo.ben)).toEqual(expect.arrayContaining([id, support.conversationId]));
  });

  it('lists only the queues an agent serves', async () => {
    const queues = async (staff: Staff) =>
      ((await server.get('/api/queues', staff)).json() as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(await queues(demo.anna)).toEqual(['Billing', 'Support']);
    expect(await queues(demo.sam)).toEqual(['Sales']);
    expect(await queues(demo.sara)).toEqual(['Billing', 'Sales', 'Support']);
  });

  it('lets a supervisor read any conversation but not pick, write or end it', async () => {
    const chat = await server.startChat('Sales');
    const id = chat.conversationId;
    (await server.get(`/api/conversations/${id}`, demo.sara)).expect(200, ConversationResponseSchema);
    (await server.get(`/api/conversations/${id}/messages`, demo.sara)).expect(200, MessagePageSchema);
    expect(await picklist(demo.sara)).toContain(id);

    (await server.pick(demo.sara, id)).expectError(403, 'forbidden');
    (await server.end(demo.sara, id)).expectError(403, 'forbidden');
    (await server.agentSend(demo.sara, id, 'Hello from the supervisor')).expectError(409, 'not_holder');

    const { conversation } = (await server.get(`/api/conversations/${id}`, demo.sara)).expect(200, ConversationResponseSchema);
    expect(conversation).toMatchObject({ state: 'queued', agent: null, lastSeq: 1 });
  });

  it('answers a malformed or unknown conversation id with 404, not 500', async () => {
    for (const id of ['not-a-uuid', '1', "x' OR '1'='1", randomUUID()]) {
      const path = `/api/conversations/${encodeURIComponent(id)}`;
      (await server.get(path, demo.anna)).expectError(404, 'not_found');
      (await server.get(path, demo.sara)).expectError(404, 'not_found');
      (await server.get(`${path}/messages`, demo.anna)).expectError(404, 'not_found');
      (await server.pick(demo.anna, encodeURIComponent(id))).expectError(404, 'not_found');
      (await server.end(demo.anna, encodeURIComponent(id))).expectError(404, 'not_found');
      (await server.agentSend(demo.anna, encodeURIComponent(id), 'Hello')).expectError(404, 'not_found');
    }
  });

  it('refuses an agent writing into a conversation they do not hold', async () => {
    const chat = await server.startChat('Support');
    const id = chat.conversationId;

    const waiting = await server.agentSend(demo.anna, id, 'Writing before picking');
    expect(waiting.expectError(409, 'not_holder').message).toMatch(/pick/i);

    await server.picked(demo.ben, id);
    (await server.agentSend(demo.anna, id, 'Writing into Ben’s chat')).expectError(409, 'not_holder');

    const page = (await server.get(`/api/conversations/${id}/messages`, demo.ben)).expect(200, MessagePageSchema);
    expect(page.messages.map((m) => m.text)).not.toContain('Writing into Ben’s chat');
    expect(page.messages.map((m) => m.text)).not.toContain('Writing before picking');
    await server.agentSays(demo.ben, id, 'Ben can write');
  });

  it('refuses ending a conversation someone else holds and names the holder', async () => {
    const chat = await server.startChat('Support');
    const id = chat.conversationId;
    (await server.end(demo.anna, id)).expectError(409, 'not_holder');

    await server.picked(demo.ben, id);
    const refused = (await server.end(demo.anna, id)).expectError(409, 'not_holder');
    expect(refused.holder).toEqual({ id: demo.ben.user.id, displayName: 'Ben Okafor' });
    expect(refused.message).toContain('Ben Okafor');

    const { conversation } = (await server.get(`/api/conversations/${id}`, demo.anna)).expect(200, ConversationResponseSchema);
    expect(conversation).toMatchObject({ state: 'picked', agent: { id: demo.ben.user.id }, endedAt: null });
  });

  it('ends a held conversation once and keeps it out of the lists', async () => {
    const chat = await server.startChat('Support');
    const id = chat.conversationId;
    await server.picked(demo.ben, id);
    const mine = async () =>
      (await server.get('/api/conversations?view=mine', demo.ben)).expect(200, ConversationListSchema).conversations.map((c) => c.id);
    expect(await mine()).toContain(id);

    const ended = (await server.end(demo.ben, id)).expect(200, ConversationResponseSchema).conversation;
    expect(ended).toMatchObject({ state: 'ended', endedBy: 'agent', agent: { id: demo.ben.user.id } });
    expect(ended.endedAt).not.toBeNull();
    // The thread ends with the system line; the row's preview stays on the last words written.
    const thread = (await server.get(`/api/conversations/${id}/messages`, demo.ben)).expect(200, MessagePageSchema).messages;
    expect(thread.at(-1)).toMatchObject({ authorKind: 'system', text: expect.stringContaining('ended') });
    expect(ended.lastMessage?.authorKind).not.toBe('system');
    expect(ended.lastSeq).toBe(thread.at(-1)!.seq);

    (await server.end(demo.ben, id)).expectError(409, 'conversation_ended');
    (await server.pick(demo.anna, id)).expectError(409, 'conversation_ended');
    (await server.agentSend(demo.ben, id, 'Too late')).expectError(409, 'conversation_ended');
    expect(await mine()).not.toContain(id);
    expect(await picklist(demo.anna)).not.toContain(id);
  });

  it('keeps a conversation visible to the agent who held it', async () => {
    const chat = await server.startChat('Sales');
    await server.picked(demo.sam, chat.conversationId);
    await server.db.query('DELETE FROM queue_agents WHERE user_id = $1', [demo.sam.user.id]);
    try {
      // The agent's queues are read per request, so the change applies at once.
      (await server.get(`/api/conversations/${chat.conversationId}`, demo.sam)).expect(200, ConversationResponseSchema);
      await server.agentSays(demo.sam, chat.conversationId, 'Still here');
    } finally {
      await server.db.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [server.queueIds.Sales, demo.sam.user.id]);
    }
  });
});
