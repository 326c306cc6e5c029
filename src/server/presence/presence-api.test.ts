import { beforeAll, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import type { RealtimeFrame } from '../../contract/events';
import { MyPresenceResponseSchema } from '../../contract/presence';
import { describeEachBackend } from '../test-support/databases';
import { connectAgent, conversation, disconnect, makeTeam, offerRecord, presenceOf, putPresence, startChatIn } from '../test-support/offers';
import { staffEvent, type FrameMatch } from '../test-support/realtime-client';
import { useTestServer, type Staff } from '../test-support/test-server';

const presenceChanged =
  (agentId: string): FrameMatch =>
  (f: RealtimeFrame) =>
    f.kind === 'workspace-event' && f.event.type === 'presence.changed' && f.event.agent.id === agentId;

describeEachBackend('Presence', (backend) => {
  const server = useTestServer(backend);
  let sara: Staff;

  beforeAll(async () => {
    sara = await server.staff('sara');
    await server.listen();
  });

  it('starts offline, and a staff socket that connects makes the agent available for everyone to see', async () => {
    const anna = await server.staff('anna');
    expect(await presenceOf(server, anna)).toEqual({
      presence: { state: 'offline', since: expect.any(String), reason: null },
      capacity: 3,
      load: 0,
    });
    const watcher = await connectAgent(server, sara);

    const socket = await connectAgent(server, anna);
    const changed = await watcher.next(presenceChanged(anna.user.id));
    expect(changed).toMatchObject({
      event: { agent: { id: anna.user.id, displayName: 'Anna Lindqvist' }, presence: { state: 'available', reason: null } },
    });
    const mine = await presenceOf(server, anna);
    expect(mine.presence).toMatchObject({ state: 'available', reason: null });
    // A supervisor's socket makes nobody available: only agents receive offers.
    expect((await presenceOf(server, sara)).presence.state).toBe('offline');
    await disconnect(server, socket, anna);
  });

  it('lets an agent choose available, busy or away; every staff socket hears it', async () => {
    const team = await makeTeam(server, 1);
    const [a] = team.agents as [Staff];
    const watcher = await connectAgent(server, sara);

    for (const state of ['busy', 'away', 'available', 'busy'] as const) {
      const answer = (await putPresence(server, a, state)).expect(200, MyPresenceResponseSchema);
      expect(answer).toMatchObject({ presence: { state, reason: null }, capacity: 5, load: 0 });
      const frame = await watcher.next(presenceChanged(a.user.id));
      expect(frame).toMatchObject({ event: { presence: { state, reason: null, since: answer.presence.since } } });
    }
    // Choosing the state one is in changes nothing anyone needs to hear of.
    const before = await presenceOf(server, a);
    expect((await putPresence(server, a, 'busy')).expect(200, MyPresenceResponseSchema).presence).toEqual(before.presence);

    // Offline is the server's to set.
    const refused = (await putPresence(server, a, 'offline')).expectError(400, 'invalid_request');
    expect(Object.keys(refused.fields ?? {})).toContain('state');
    (await putPresence(server, a, 'gone')).expectError(400, 'invalid_request');
    expect((await presenceOf(server, a)).presence.state).toBe('busy');

    // A chosen busy or away survives a reconnect; only offline turns into available.
    const socket = await connectAgent(server, a);
    expect((await presenceOf(server, a)).presence.state).toBe('busy');
    await disconnect(server, socket, a);
  });

  it('withdraws an open offer when the agent leaves "available", and offers it to the next agent', async () => {
    const team = await makeTeam(server, 2);
    const [a, b] = team.agents as [Staff, Staff];
    const [aSocket] = await Promise.all(team.agents.map((s) => connectAgent(server, s)));
    await server.db.query(`UPDATE users SET idle_since = now() - interval '1 hour' WHERE id = $1`, [a.user.id]);
    const { conversationId: id } = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, id)).offer?.agent.id).toBe(a.user.id);
    expect((await presenceOf(server, a)).load).toBe(1);

    expect((await putPresence(server, a, 'away')).expect(200, MyPresenceResponseSchema)).toMatchObject({ presence: { state: 'away' }, load: 0 });
    const declined = await aSocket!.next(staffEvent('conversation.offer-declined', id));
    expect(declined).toMatchObject({ event: { agent: { id: a.user.id }, outcome: 'withdrawn' } });
    expect((await conversation(server, b, id)).offer?.agent.id).toBe(b.user.id);
    expect((await offerRecord(server, id)).map((o) => o.outcome)).toEqual(['withdrawn', null]);
    (await server.post(`/api/conversations/${id}/accept`, b)).expect(200, ConversationResponseSchema);
  });

  it('makes an agent who comes back available, and offers what waits to them', async () => {
    const team = await makeTeam(server, 1);
    const [a] = team.agents as [Staff];
    const { conversationId: id } = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, id)).state).toBe('queued');
    await connectAgent(server, a);
    await server.sweepNow();
    expect((await conversation(server, a, id)).offer?.agent.id).toBe(a.user.id);
  });

  it('refuses callers without a staff session, and supervisors, who have no presence to set', async () => {
    const chat = await server.startChat('Support');
    (await server.get('/api/presence')).expectError(401, 'unauthenticated');
    (await putPresence(server, undefined, 'available')).expectError(401, 'unauthenticated');
    (await server.get('/api/presence', chat)).expectError(401, 'unauthenticated');
    (await putPresence(server, chat, 'available')).expectError(401, 'unauthenticated');
    (await putPresence(server, sara, 'available')).expectError(403, 'forbidden');
    const adam = await server.staff('adam');
    (await putPresence(server, adam, 'busy')).expectError(403, 'forbidden');
    expect((await presenceOf(server, adam)).presence.state).toBe('offline');
  });
});
