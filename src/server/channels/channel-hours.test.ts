import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ChannelConfigResponseSchema, type ChannelConfig } from '../../contract/channels';
import { MessagePageSchema } from '../../contract/messages';
import type { OpeningHours } from '../../contract/opening-hours';
import type { AppDeps } from '../app';
import { createdQueue } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { SinchStandIn } from '../test-support/sinch-stand-in';
import { useDemoStaff, useTestServer } from '../test-support/test-server';
import { listIds } from '../test-support/transfers';

/* Channel customers of a closed or full queue get the serviceClosed / queueFull prompt as a reply. */

let phoneCounter = 0;
const newPhone = () => `+4671${String(Date.now()).slice(-5)}${String(++phoneCounter).padStart(3, '0')}`;
const NEVER_TODAY: OpeningHours = { timeZone: 'UTC', weekly: [[], [], [], [], [], [], []], exceptions: [{ date: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10), intervals: [{ start: '09:00', end: '17:00' }], note: '' }] };

describeEachBackend('Channels and opening hours', (backend) => {
  let standIn: SinchStandIn;
  const channels = { baseUrl: '', pollMs: 25, backoffMs: 20, maxBackoffMs: 200 } as NonNullable<AppDeps['channels']> & { baseUrl: string };
  channels.publicUrl = () => channels.baseUrl;
  beforeAll(async () => {
    standIn = await SinchStandIn.start();
    channels.conversationUrl = standIn.url;
    channels.authUrl = standIn.url;
  });
  afterAll(() => standIn.close());
  const server = useTestServer(backend, { app: { channels, heldReleaseIntervalMs: 0 } });
  const demo = useDemoStaff(server);
  beforeAll(async () => {
    channels.baseUrl = await server.listen();
  });

  async function channelFor(queueId: string): Promise<ChannelConfig> {
    const c = standIn.credentials;
    const body = { name: `Sinch ${randomUUID().slice(0, 8)}`, projectId: c.projectId, appId: c.appId, keyId: c.keyId, keySecret: c.keySecret, webhookSecret: c.webhookSecret, region: 'eu', carries: ['SMS'], queueId, sender: '+15550002222', closingMessage: null, enabled: true };
    return (await server.post('/api/admin/channels', demo.adam, body)).expect(201, ChannelConfigResponseSchema).channel;
  }
  async function deliver(channel: ChannelConfig, phone: string, text: string) {
    await standIn.deliver(`${channels.baseUrl}${channel.webhookPath}`, standIn.inbound({ channel: 'SMS', identity: phone, text }).body);
    await server.channels.runNow();
    const [row] = await server.db.query<{ id: string }>(`SELECT id FROM conversations WHERE channel_id = $1 AND channel_identity = $2 AND state <> 'ended'`, [channel.id, `SMS:${phone}`]);
    return row!.id;
  }
  const texts = async (id: string) => (await server.get(`/api/conversations/${id}/messages`, demo.sara)).expect(200, MessagePageSchema).messages.map((m) => `${m.authorKind}: ${m.text}`);
  const outbox = async (id: string) => (await server.db.query<{ text: string }>(`SELECT text FROM channel_outbox WHERE conversation_id = $1`, [id])).map((r) => r.text);

  it('outside the hours: the conversation waits until the opening and the customer is told it is closed', async () => {
    const queue = await createdQueue(server, demo.adam, { openingHours: NEVER_TODAY, agentIds: [demo.anna.user.id] });
    const channel = await channelFor(queue.id);
    const id = await deliver(channel, newPhone(), 'Anyone there?');
    // No weekly hours: the prompt's opening-hours line is left out.
    expect(await texts(id)).toEqual(['customer: Anyone there?', 'system: We are closed right now.']);
    expect(await outbox(id)).toEqual(['We are closed right now.']);
    expect(await listIds(server, demo.anna, 'picklist')).not.toContain(id);
  });

  it('in a full queue the customer is told so; the conversation still waits', async () => {
    const queue = await createdQueue(server, demo.adam, { maxWaiting: 1, agentIds: [demo.anna.user.id] });
    const channel = await channelFor(queue.id);
    const first = await deliver(channel, newPhone(), 'First');
    const second = await deliver(channel, newPhone(), 'Second');
    expect(await outbox(first)).toEqual([]);
    expect((await texts(second))[1]).toBe('system: Sorry, all our agents are busy and the queue is full. Please try again later.');
    expect(await listIds(server, demo.anna, 'picklist')).toEqual(expect.arrayContaining([first, second]));
  });
});
