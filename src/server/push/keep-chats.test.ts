import { afterAll, beforeAll, expect, it } from 'vitest';
import { DeviceListSchema, DeviceResponseSchema } from '../../contract/devices';
import { PushPayloadSchema } from '../../contract/push-payload';
import { LOST_AGENT_MESSAGE } from '../routing/offers';
import { describeEachBackend } from '../test-support/databases';
import { LocalPushService } from '../test-support/local-push-service';
import { connectAgent, conversation, disconnect, lastSeenAgo, makeTeam, presenceOf, setRoutingSettings, startChatIn } from '../test-support/offers';
import { lastThreadMessage } from '../test-support/side-drawer';
import { useTestServer, type TestServer } from '../test-support/test-server';

/** Past the default grace period of 60 seconds. */
const PAST_GRACE = 61;
/** The default keep-chats limit is 15 minutes. */
const PAST_LIMIT = 15 * 60 + 1;

let pushService: LocalPushService;
beforeAll(async () => {
  pushService = await LocalPushService.start();
});
afterAll(async () => {
  await pushService?.close();
});

/** An agent holding a chat whose customer waits for a reply, gone from the panel; with a push device unless told otherwise. */
async function agentWhoLeft(server: TestServer, opts: { device?: boolean } = {}) {
  const team = await makeTeam(server, 1, { mode: 'pick' });
  const agent = team.agents[0]!;
  const subscription = pushService.subscribe();
  if (opts.device !== false) {
    (await server.post('/api/devices', agent, { kind: 'webpush', subscription: subscription.toJSON() })).expect(201, DeviceResponseSchema);
  }
  const chat = await startChatIn(server, team.queueId);
  const socket = await connectAgent(server, agent);
  await server.picked(agent, chat.conversationId);
  await server.push.dispatchNow();
  await disconnect(server, socket, agent);
  return { agent, subscription, chat };
}

describeEachBackend('Keeping the chats of agents reachable by push', (backend) => {
  // Pushes go out when a test dispatches them; the local push service stands in for the browser's.
  const server = useTestServer(backend, { app: { push: { allowInsecureEndpoints: true, automatic: false, intervalMs: 0 } } });

  it('keeps the conversations of an agent whose push device can be reached, tells them once that a customer waits, and lets go at the limit', async () => {
    const { agent, subscription, chat } = await agentWhoLeft(server);
    await lastSeenAgo(server, agent, PAST_GRACE);
    await server.sweepNow();
    // Past the grace period: still theirs, still present (a phone with its screen locked).
    expect((await conversation(server, agent, chat.conversationId)).agent?.id).toBe(agent.user.id);
    expect((await presenceOf(server, agent)).presence.state).toBe('available');

    expect(await server.push.dispatchNow()).toMatchObject({ sent: 1, delivered: 1 });
    const [request] = await pushService.waitFor(subscription, 1);
    expect(PushPayloadSchema.parse(JSON.parse(subscription.decrypt(request!.body)))).toEqual({
      kind: 'kept',
      title: 'A customer is waiting for you',
      body: 'Your conversation stays yours for up to 15 minutes while this device can be reached. Open the panel to answer.',
      url: '/agent',
      tag: 'kept-conversations',
      conversationId: null,
    });
    // Once per absence.
    expect((await server.push.dispatchNow()).sent).toBe(0);

    // Past the admin's limit the usual rule applies: back to the queue, the customer told.
    await lastSeenAgo(server, agent, PAST_LIMIT);
    await server.sweepNow();
    const returned = await conversation(server, agent, chat.conversationId);
    expect(returned).toMatchObject({ state: 'queued', agent: null });
    expect(await lastThreadMessage(server, agent, chat.conversationId)).toMatchObject({ text: LOST_AGENT_MESSAGE });
    expect((await presenceOf(server, agent)).presence).toMatchObject({ state: 'offline', reason: 'lost_connection' });
  });

  it('lets go as usual once the push service says the device is gone', async () => {
    const { agent, subscription, chat } = await agentWhoLeft(server);
    pushService.answer(subscription, 410);
    await lastSeenAgo(server, agent, PAST_GRACE);
    await server.sweepNow();
    expect((await conversation(server, agent, chat.conversationId)).agent?.id).toBe(agent.user.id);
    // The "customer is waiting" push finds the device gone: it is removed, and nothing keeps the chats any more.
    expect(await server.push.dispatchNow()).toMatchObject({ gone: 1 });
    expect((await server.get('/api/devices', agent)).expect(200, DeviceListSchema).devices).toEqual([]);
    await server.sweepNow();
    expect((await conversation(server, agent, chat.conversationId)).state).toBe('queued');
  });

  it('keeps nothing for an agent without a push device, nor when the admin turned the rule off', async () => {
    const without = await agentWhoLeft(server, { device: false });
    await lastSeenAgo(server, without.agent, PAST_GRACE);
    await server.sweepNow();
    expect((await conversation(server, without.agent, without.chat.conversationId)).state).toBe('queued');

    await setRoutingSettings(server, { pushKeepChatsMinutes: 0 });
    try {
      const withDevice = await agentWhoLeft(server);
      await lastSeenAgo(server, withDevice.agent, PAST_GRACE);
      await server.sweepNow();
      expect((await conversation(server, withDevice.agent, withDevice.chat.conversationId)).state).toBe('queued');
      expect((await server.push.dispatchNow()).sent).toBe(0);
    } finally {
      await setRoutingSettings(server, { pushKeepChatsMinutes: 15 });
    }
  });

  it('takes a kept agent back where they were when the panel opens again', async () => {
    const { agent, chat } = await agentWhoLeft(server);
    await lastSeenAgo(server, agent, PAST_GRACE);
    await server.sweepNow();
    await connectAgent(server, agent);
    await lastSeenAgo(server, agent, PAST_LIMIT);
    await server.sweepNow();
    expect((await conversation(server, agent, chat.conversationId)).agent?.id).toBe(agent.user.id);
    expect((await presenceOf(server, agent)).presence).toMatchObject({ state: 'available', reason: null });
  });
});
