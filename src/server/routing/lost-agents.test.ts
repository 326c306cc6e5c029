import { beforeAll, expect, it } from 'vitest';
import { MessagePageSchema } from '../../contract/messages';
import { describeEachBackend } from '../test-support/databases';
import {
  connectAgent,
  conversation,
  disconnect,
  lastSeenAgo,
  listView,
  makeTeam,
  offerRecord,
  presenceOf,
  startChatIn,
} from '../test-support/offers';
import { customerEvent, staffEvent } from '../test-support/realtime-client';
import { lastThreadMessage } from '../test-support/side-drawer';
import { useTestServer, type Staff } from '../test-support/test-server';
import { LOST_AGENT_MESSAGE } from './offers';

/** Past the default grace period of 60 seconds. */
const LONG_GONE = 61;

describeEachBackend('Lost agents', (backend) => {
  const server = useTestServer(backend);

  beforeAll(async () => {
    await server.listen();
  });

  it('returns the conversations of an agent gone past the grace period to the top of the queue, telling each customer', async () => {
    const team = await makeTeam(server, 2, { mode: 'pick' });
    const [a, b] = team.agents as [Staff, Staff];
    const aSocket = await connectAgent(server, a);
    const bSocket = await connectAgent(server, b);
    const waiting = await startChatIn(server, team.queueId, 'I was here first');
    const first = await startChatIn(server, team.queueId, 'My invoice is wrong');
    const second = await startChatIn(server, team.queueId, 'Where is my refund?');
    await server.picked(a, first.conversationId);
    await server.picked(a, second.conversationId);
    await server.agentSays(a, first.conversationId, 'Let me check that for you.');
    const customerSocket = await server.connect({ customerToken: first.token });
    await customerSocket.ready();

    await disconnect(server, aSocket, a);
    await lastSeenAgo(server, a, LONG_GONE);
    await server.sweepNow();

    expect((await presenceOf(server, a)).presence).toMatchObject({ state: 'offline', reason: 'lost_connection' });
    const presence = await bSocket.next((f) => f.kind === 'workspace-event' && f.event.type === 'presence.changed' && f.event.agent.id === a.user.id);
    expect(presence).toMatchObject({ event: { presence: { state: 'offline', reason: 'lost_connection' } } });
    const returned = await bSocket.next(staffEvent('conversation.returned', first.conversationId));
    expect(returned).toMatchObject({ event: { agent: { id: a.user.id }, conversation: { state: 'queued', agent: null } } });

    for (const chat of [first, second]) {
      const c = await conversation(server, b, chat.conversationId);
      expect(c).toMatchObject({ state: 'queued', agent: null, pickedAt: null });
      expect(c.returnedAt).not.toBeNull();
      expect(await lastThreadMessage(server, b, chat.conversationId)).toMatchObject({ authorKind: 'system', text: LOST_AGENT_MESSAGE });
    }
    // At the top of the picklist, ahead of what waited longer.
    expect((await listView(server, b, 'picklist')).map((c) => c.id)).toEqual([first.conversationId, second.conversationId, waiting.conversationId]);
    expect(await listView(server, a, 'mine')).toEqual([]);

    // Nothing anyone wrote is lost.
    const page = (await server.get(`/api/conversations/${first.conversationId}/messages`, b)).expect(200, MessagePageSchema);
    expect(page.messages.map((m) => [m.authorKind, m.text])).toEqual([
      ['customer', 'My invoice is wrong'],
      ['system', `${a.user.displayName} joined the conversation.`],
      ['agent', 'Let me check that for you.'],
      ['system', LOST_AGENT_MESSAGE],
    ]);
    const told = await customerSocket.next((f) => f.kind === 'customer-event' && f.event.type === 'message.created' && f.event.message.authorKind === 'system');
    expect(told).toMatchObject({ event: { message: { text: LOST_AGENT_MESSAGE } } });
    const updated = await customerSocket.next(customerEvent('conversation.updated'));
    expect(updated).toMatchObject({ event: { conversation: { state: 'queued', agentName: null } } });

    // The next agent picks it up where it was left.
    expect(await server.picked(b, first.conversationId)).toMatchObject({ agent: { id: b.user.id } });
  });

  it('keeps the agent while a connection remains or the grace period runs, and takes them back when they return', async () => {
    const team = await makeTeam(server, 1, { mode: 'pick' });
    const [a] = team.agents as [Staff];
    const phone = await connectAgent(server, a);
    const desk = await connectAgent(server, a);
    const chat = await startChatIn(server, team.queueId);
    await server.picked(a, chat.conversationId);

    // One device left.
    await disconnect(server, phone, a, 1);
    await lastSeenAgo(server, a, LONG_GONE);
    await server.sweepNow();
    expect((await presenceOf(server, a)).presence.state).toBe('available');

    // Every device gone, but within the grace period (a reload, a network change).
    await disconnect(server, desk, a);
    await lastSeenAgo(server, a, 30);
    await server.sweepNow();
    expect((await presenceOf(server, a)).presence.state).toBe('available');
    expect((await conversation(server, a, chat.conversationId)).agent?.id).toBe(a.user.id);

    await lastSeenAgo(server, a, LONG_GONE);
    await server.sweepNow();
    expect((await presenceOf(server, a)).presence).toMatchObject({ state: 'offline', reason: 'lost_connection' });
    expect((await conversation(server, a, chat.conversationId)).state).toBe('queued');

    await connectAgent(server, a);
    expect((await presenceOf(server, a)).presence).toMatchObject({ state: 'available', reason: null });
  });

  it('withdraws an offer to a lost agent and offers the conversation to the next one', async () => {
    const team = await makeTeam(server, 2);
    const [a, b] = team.agents as [Staff, Staff];
    const aSocket = await connectAgent(server, a);
    await connectAgent(server, b);
    await server.db.query(`UPDATE users SET idle_since = now() - interval '1 hour' WHERE id = $1`, [a.user.id]);
    const { conversationId: id } = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, id)).offer?.agent.id).toBe(a.user.id);

    await disconnect(server, aSocket, a);
    await lastSeenAgo(server, a, LONG_GONE);
    await server.sweepNow();
    expect((await conversation(server, b, id)).offer?.agent.id).toBe(b.user.id);
    expect((await offerRecord(server, id)).map((o) => [o.agent_id, o.outcome])).toEqual([
      [a.user.id, 'withdrawn'],
      [b.user.id, null],
    ]);
  });

  it('counts a server instance that stopped refreshing its connections as gone', async () => {
    const team = await makeTeam(server, 1, { mode: 'pick' });
    const [a] = team.agents as [Staff];
    await connectAgent(server, a);
    const chat = await startChatIn(server, team.queueId);
    await server.picked(a, chat.conversationId);

    // As if the instance holding the socket had died a while ago: its row is no longer refreshed.
    await server.db.query(`UPDATE staff_connections SET seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [a.user.id]);
    await lastSeenAgo(server, a, 300);
    await server.sweepNow();
    expect((await presenceOf(server, a)).presence).toMatchObject({ state: 'offline', reason: 'lost_connection' });
    expect((await conversation(server, a, chat.conversationId)).returnedAt).not.toBeNull();
  });
});
