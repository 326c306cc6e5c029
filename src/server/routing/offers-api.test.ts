import { beforeAll, expect, it } from 'vitest';
import { ConversationResponseSchema, type Conversation } from '../../contract/conversations';
import { MyPresenceResponseSchema } from '../../contract/presence';
import { QueueListSchema } from '../../contract/queues';
import { TransferResponseSchema } from '../../contract/transfers';
import { describeEachBackend } from '../test-support/databases';
import {
  accept,
  connectAgent,
  conversation,
  letOfferExpire,
  listView,
  makeTeam,
  offerRecord,
  presenceOf,
  putPresence,
  reject,
  setRoutingSettings,
  startChatIn,
} from '../test-support/offers';
import { staffEvent } from '../test-support/realtime-client';
import type { Staff } from '../test-support/test-server';
import { lastThreadMessage } from '../test-support/side-drawer';
import { useTestServer } from '../test-support/test-server';
import { postTransfer } from '../test-support/transfers';

const ids = (list: Conversation[]) => list.map((c) => c.id);

describeEachBackend('Offers', (backend) => {
  const server = useTestServer(backend);

  beforeAll(async () => {
    await server.listen();
  });

  /** Sets how long each agent has waited for work, in minutes: the longest-waiting is offered first. */
  async function idleFor(minutes: [Staff, number][]) {
    for (const [staff, m] of minutes) {
      await server.db.query('UPDATE users SET idle_since = now() - make_interval(mins => $2) WHERE id = $1', [staff.user.id, m]);
    }
  }

  /** An offer queue served by two connected agents, A idle longer than B: A is offered first. */
  async function twoAgentsAWaitingLongest() {
    const team = await makeTeam(server, 2);
    const [a, b] = team.agents as [Staff, Staff];
    await Promise.all(team.agents.map((s) => connectAgent(server, s)));
    await idleFor([
      [a, 20],
      [b, 10],
    ]);
    return { team, a, b };
  }

  it('offers a new conversation to the available agent who has waited longest, who accepts it', async () => {
    const team = await makeTeam(server, 3);
    const [a, b, c] = team.agents as [Staff, Staff, Staff];
    const [, bSocket] = await Promise.all(team.agents.map((s) => connectAgent(server, s)));
    await idleFor([
      [a, 20],
      [b, 30],
      [c, 10],
    ]);

    const chat = await startChatIn(server, team.queueId, 'Why was I charged twice?');
    const id = chat.conversationId;
    const offered = await conversation(server, b, id);
    expect(offered).toMatchObject({ state: 'offered', agent: null, offer: { agent: { id: b.user.id, displayName: b.user.displayName } } });
    expect(Date.parse(offered.offer!.expiresAt)).toBeGreaterThan(Date.now());
    expect(ids(await listView(server, b, 'offers'))).toEqual([id]);
    expect(await listView(server, a, 'offers')).toEqual([]);
    // Being offered to Agent B, it is in nobody's picklist.
    expect(ids(await listView(server, a, 'picklist'))).not.toContain(id);
    expect((await presenceOf(server, b)).load).toBe(1);
    const offerFrame = await bSocket!.next(staffEvent('conversation.offered', id));
    expect(offerFrame).toMatchObject({ event: { conversation: { offer: { agent: { id: b.user.id } } } } });

    const accepted = (await accept(server, b, id)).expect(200, ConversationResponseSchema).conversation;
    expect(accepted).toMatchObject({ state: 'picked', agent: { id: b.user.id }, offer: null });
    expect(await lastThreadMessage(server, b, id)).toMatchObject({ authorKind: 'system', text: `${b.user.displayName} joined the conversation.` });
    await bSocket!.next(staffEvent('conversation.accepted', id));
    expect(ids(await listView(server, b, 'mine'))).toEqual([id]);
    expect(await listView(server, b, 'offers')).toEqual([]);
    expect(await offerRecord(server, id)).toEqual([{ agent_id: b.user.id, round: 0, outcome: 'accepted' }]);
    // A retried accept (the first answer was lost) answers the same.
    expect((await accept(server, b, id)).expect(200, ConversationResponseSchema).conversation).toMatchObject({ state: 'picked', agent: { id: b.user.id } });

    // Accepting restarted B's idle time: the next conversation goes to A, who has now waited longest.
    const next = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, next.conversationId)).offer?.agent.id).toBe(a.user.id);
  });

  it('refuses accepting an offer whose time is up with offer_expired, even before the sweeper ran', async () => {
    const { team, a, b } = await twoAgentsAWaitingLongest();
    const { conversationId: id } = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, id)).offer?.agent.id).toBe(a.user.id);

    await letOfferExpire(server, id);
    const refused = (await accept(server, a, id)).expectError(409, 'offer_expired');
    expect(refused.message).toMatch(/expired/i);
    (await reject(server, a, id)).expectError(409, 'offer_expired');

    await server.sweepNow();
    const passedOn = await conversation(server, b, id);
    expect(passedOn).toMatchObject({ state: 'offered', offer: { agent: { id: b.user.id } } });
    expect(await offerRecord(server, id)).toEqual([
      { agent_id: a.user.id, round: 0, outcome: 'expired' },
      { agent_id: b.user.id, round: 0, outcome: null },
    ]);
    const late = (await accept(server, a, id)).expectError(409, 'offer_expired');
    expect(late.message).toMatch(/another agent/);
    (await accept(server, b, id)).expect(200, ConversationResponseSchema);
  });

  it('offers a rejected conversation to the next agent, and leaves it in the picklist when nobody is left', async () => {
    const team = await makeTeam(server, 2);
    const [a, b] = team.agents as [Staff, Staff];
    const [aSocket, bSocket] = await Promise.all(team.agents.map((s) => connectAgent(server, s)));
    await idleFor([
      [a, 20],
      [b, 10],
    ]);
    const { conversationId: id } = await startChatIn(server, team.queueId);

    const afterA = (await reject(server, a, id)).expect(200, ConversationResponseSchema).conversation;
    expect(afterA).toMatchObject({ state: 'offered', offer: { agent: { id: b.user.id } } });
    const declined = await aSocket!.next(staffEvent('conversation.offer-declined', id));
    expect(declined).toMatchObject({ event: { agent: { id: a.user.id }, outcome: 'rejected' } });
    await bSocket!.next(staffEvent('conversation.offered', id));
    expect(ids(await listView(server, b, 'offers'))).toEqual([id]);

    const afterB = (await reject(server, b, id)).expect(200, ConversationResponseSchema).conversation;
    expect(afterB).toMatchObject({ state: 'queued', offer: null, agent: null });
    for (const agent of [a, b]) {
      expect(ids(await listView(server, agent, 'picklist'))).toContain(id);
      expect(await listView(server, agent, 'offers')).toEqual([]);
    }
    // Both declined in this round: the sweeper does not offer it to them again.
    await server.sweepNow();
    expect((await conversation(server, a, id)).state).toBe('queued');
    expect(await offerRecord(server, id)).toEqual([
      { agent_id: a.user.id, round: 0, outcome: 'rejected' },
      { agent_id: b.user.id, round: 0, outcome: 'rejected' },
    ]);

    // Picking from the picklist keeps working.
    expect(await server.picked(a, id)).toMatchObject({ state: 'picked', agent: { id: a.user.id } });
  });

  it('records every offer, rejection and timeout in the conversation’s own events', async () => {
    const { team, a, b } = await twoAgentsAWaitingLongest();
    const { conversationId: id } = await startChatIn(server, team.queueId);
    (await reject(server, a, id)).expect(200, ConversationResponseSchema);
    await letOfferExpire(server, id);
    await server.sweepNow();

    const events = await server.db.query<{ type: string; payload: { agent?: { id: string }; outcome?: string } }>(
      'SELECT type, payload FROM events WHERE conversation_id = $1 ORDER BY seq',
      [id],
    );
    expect(events.map((e) => [e.type, e.payload.agent?.id ?? null, e.payload.outcome ?? null])).toEqual([
      ['conversation.created', null, null],
      ['message.created', null, null],
      ['conversation.offered', null, null],
      ['conversation.offer-declined', a.user.id, 'rejected'],
      ['conversation.offered', null, null],
      ['conversation.offer-declined', b.user.id, 'expired'],
    ]);
    expect((await conversation(server, a, id)).state).toBe('queued');
  });

  it('counts offers let expire in a row and sets the agent away, with the reason, at the admin’s limit', async () => {
    await setRoutingSettings(server, { maxMissedOffers: 2 });
    try {
      const team = await makeTeam(server, 1);
      const [a] = team.agents as [Staff];
      const socket = await connectAgent(server, a);
      const missed = async () =>
        (await server.db.query<{ missed_offers: number }>('SELECT missed_offers FROM users WHERE id = $1', [a.user.id]))[0]!.missed_offers;

      const first = await startChatIn(server, team.queueId);
      await letOfferExpire(server, first.conversationId);
      await server.sweepNow();
      expect(await missed()).toBe(1);
      expect((await presenceOf(server, a)).presence).toMatchObject({ state: 'available', reason: null });
      // Nobody else serves the queue: it waits in the picklist.
      expect((await conversation(server, a, first.conversationId)).state).toBe('queued');

      const second = await startChatIn(server, team.queueId);
      expect((await conversation(server, a, second.conversationId)).offer?.agent.id).toBe(a.user.id);
      await letOfferExpire(server, second.conversationId);
      await server.sweepNow();

      const changed = await socket.next((f) => f.kind === 'workspace-event' && f.event.type === 'presence.changed' && f.event.agent.id === a.user.id);
      expect(changed).toMatchObject({ event: { agent: { id: a.user.id, displayName: a.user.displayName }, presence: { state: 'away', reason: 'missed_offers' } } });
      expect((await presenceOf(server, a)).presence).toMatchObject({ state: 'away', reason: 'missed_offers' });

      // Away: nothing more is offered.
      const third = await startChatIn(server, team.queueId);
      expect((await conversation(server, a, third.conversationId)).state).toBe('queued');

      // Choosing available again starts afresh; the conversations A let expire are not offered to them again.
      (await putPresence(server, a, 'available')).expect(200, MyPresenceResponseSchema);
      expect(await missed()).toBe(0);
      await server.sweepNow();
      expect((await conversation(server, a, third.conversationId)).offer?.agent.id).toBe(a.user.id);
      expect((await conversation(server, a, first.conversationId)).state).toBe('queued');
      expect((await conversation(server, a, second.conversationId)).state).toBe('queued');
    } finally {
      await setRoutingSettings(server, { maxMissedOffers: 3 });
    }
  });

  it('limits offers, not picks, by capacity, and offers again once a place is free', async () => {
    const team = await makeTeam(server, 1, { capacity: 1 });
    const [a] = team.agents as [Staff];
    await connectAgent(server, a);
    const first = await startChatIn(server, team.queueId);
    (await accept(server, a, first.conversationId)).expect(200, ConversationResponseSchema);

    const second = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, second.conversationId)).state).toBe('queued');
    await server.sweepNow();
    expect((await conversation(server, a, second.conversationId)).state).toBe('queued');
    // An agent at capacity may still pick on purpose.
    await server.picked(a, second.conversationId);
    expect(await presenceOf(server, a)).toMatchObject({ capacity: 1, load: 2 });

    const third = await startChatIn(server, team.queueId);
    expect((await conversation(server, a, third.conversationId)).state).toBe('queued');
    (await server.end(a, first.conversationId)).expect(200, ConversationResponseSchema);
    await server.sweepNow();
    expect((await conversation(server, a, third.conversationId)).state).toBe('queued');
    (await server.end(a, second.conversationId)).expect(200, ConversationResponseSchema);
    await server.sweepNow();
    expect((await conversation(server, a, third.conversationId)).offer?.agent.id).toBe(a.user.id);
  });

  it('refuses picking a conversation that is being offered, saying to whom', async () => {
    const { team, a, b } = await twoAgentsAWaitingLongest();
    const { conversationId: id } = await startChatIn(server, team.queueId);
    const byOther = (await server.pick(b, id)).expectError(409, 'not_holder');
    expect(byOther.message).toContain(a.user.displayName);
    const bySelf = (await server.pick(a, id)).expectError(409, 'not_holder');
    expect(bySelf.message).toMatch(/accept/i);
    expect((await conversation(server, a, id)).offer?.agent.id).toBe(a.user.id);
  });

  it('offers a conversation transferred to an offering queue, in a new round', async () => {
    const { team, a, b } = await twoAgentsAWaitingLongest();
    const { conversationId: id } = await startChatIn(server, team.queueId);
    (await reject(server, a, id)).expect(200, ConversationResponseSchema);
    (await reject(server, b, id)).expect(200, ConversationResponseSchema);
    await server.picked(a, id);

    (await postTransfer(server, a, id, { target: { kind: 'queue', queueId: team.queueId } })).expect(200, TransferResponseSchema);
    // Both declined the earlier round; this one is new. A just picked, so B has waited longer.
    expect((await conversation(server, b, id)).offer?.agent.id).toBe(b.user.id);
    expect((await offerRecord(server, id)).at(-1)).toEqual({ agent_id: b.user.id, round: 1, outcome: null });
  });

  it('offers nothing in a picking queue', async () => {
    const team = await makeTeam(server, 1, { mode: 'pick' });
    const [a] = team.agents as [Staff];
    await connectAgent(server, a);
    const { conversationId: id } = await startChatIn(server, team.queueId);
    await server.sweepNow();
    expect(await conversation(server, a, id)).toMatchObject({ state: 'queued', offer: null });
    expect(ids(await listView(server, a, 'picklist'))).toContain(id);
  });

  it('seeds Billing as an offering queue served by Anna (capacity 3) and Ben (capacity 5)', async () => {
    const [anna, ben, sara] = await Promise.all([server.staff('anna'), server.staff('ben'), server.staff('sara')]);
    const { queues } = (await server.get('/api/queues', sara)).expect(200, QueueListSchema);
    expect(queues.map((q) => [q.name, q.address, q.routingMode])).toEqual(
      expect.arrayContaining([
        ['Billing', 'billing@acme.example', 'offer'],
        ['Sales', 'sales@acme.example', 'pick'],
        ['Support', 'support@acme.example', 'pick'],
      ]),
    );
    expect((await presenceOf(server, anna)).capacity).toBe(3);
    expect((await presenceOf(server, ben)).capacity).toBe(5);
    expect(anna.user.queueIds).toContain(server.queueIds.Billing);
    expect(ben.user.queueIds).toContain(server.queueIds.Billing);
  });

  it('lets only the offered agent answer an offer', async () => {
    const { team, a, b } = await twoAgentsAWaitingLongest();
    const chat = await startChatIn(server, team.queueId);
    const id = chat.conversationId;
    const [sara, anna] = await Promise.all([server.staff('sara'), server.staff('anna')]);

    (await server.post(`/api/conversations/${id}/accept`)).expectError(401, 'unauthenticated');
    (await server.post(`/api/conversations/${id}/reject`)).expectError(401, 'unauthenticated');
    // A customer's token is no staff session.
    (await server.post(`/api/conversations/${id}/accept`, chat)).expectError(401, 'unauthenticated');
    (await accept(server, sara, id)).expectError(403, 'forbidden');
    (await reject(server, sara, id)).expectError(403, 'forbidden');
    // Anna does not serve this queue: for her the conversation does not exist.
    (await accept(server, anna, id)).expectError(404, 'not_found');
    // A colleague in the queue may not take someone else's offer.
    (await accept(server, b, id)).expectError(409, 'offer_expired');
    (await reject(server, b, id)).expectError(409, 'offer_expired');
    (await accept(server, a, 'not-a-uuid')).expectError(404, 'not_found');

    expect(await conversation(server, a, id)).toMatchObject({ state: 'offered', offer: { agent: { id: a.user.id } } });
    expect(await offerRecord(server, id)).toEqual([{ agent_id: a.user.id, round: 0, outcome: null }]);
  });
});
