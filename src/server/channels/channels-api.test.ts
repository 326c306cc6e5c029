import { DEFAULT_PROMPTS } from '../../contract/prompts';
import { saveQueuePrompts } from '../prompts/prompt-store';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AdminAuditListSchema } from '../../contract/admin';
import { ChannelConfigListSchema, ChannelConfigResponseSchema, RetryMessageResponseSchema, type ChannelConfig, type CreateChannelRequest } from '../../contract/channels';
import { ConversationPageSchema, ConversationResponseSchema, type Conversation } from '../../contract/conversations';
import { CustomerHistoryPageSchema } from '../../contract/history';
import { MessagePageSchema, SendMessageResponseSchema, type Message } from '../../contract/messages';
import { UploadAttachmentResponseSchema } from '../../contract/attachments';
import { MarkReadResponseSchema } from '../../contract/read-markers';
import { QueueDashboardSchema } from '../../contract/supervision';
import type { AppDeps } from '../app';
import { createTestDatabase, describeEachBackend, type Backend } from '../test-support/databases';
import { html, pdf, png } from '../test-support/files';
import { staffEvent } from '../test-support/realtime-client';
import { SinchStandIn } from '../test-support/sinch-stand-in';
import { TestServer, useTestServer, type Staff } from '../test-support/test-server';

/*
 * Customers on SMS and WhatsApp, through a stand-in for the Conversation API on loopback: callbacks
 * signed as the API signs them come in through a channel's webhook URL, replies go out through the
 * official client to the stand-in.
 */

let phoneCounter = 0;
const newPhone = () => `+4670${String(Date.now()).slice(-5)}${String(++phoneCounter).padStart(3, '0')}`;

/** Fast retries and polling, the stand-in's addresses; filled in once the stand-in listens. */
function channelOptions(): NonNullable<AppDeps['channels']> & { baseUrl: string } {
  const opts = { baseUrl: '', pollMs: 25, backoffMs: 20, maxBackoffMs: 200 } as NonNullable<AppDeps['channels']> & { baseUrl: string };
  opts.publicUrl = () => opts.baseUrl;
  return opts;
}

function channelBody(standIn: SinchStandIn, queueId: string, overrides: Partial<CreateChannelRequest> = {}): CreateChannelRequest {
  const c = standIn.credentials;
  return {
    name: `Sinch ${randomUUID().slice(0, 8)}`,
    projectId: c.projectId,
    appId: c.appId,
    keyId: c.keyId,
    keySecret: c.keySecret,
    webhookSecret: c.webhookSecret,
    region: 'eu',
    carries: ['SMS', 'WHATSAPP'],
    queueId,
    sender: '+15550001111',
    closingMessage: null,
    enabled: true,
    ...overrides,
  };
}

async function createChannel(server: TestServer, standIn: SinchStandIn, overrides: Partial<CreateChannelRequest> = {}): Promise<ChannelConfig> {
  const adam = await server.staff('adam');
  const res = await server.post('/api/admin/channels', adam, channelBody(standIn, server.queueIds.Support, overrides));
  return res.expect(201, ChannelConfigResponseSchema).channel;
}

async function messagesOf(server: TestServer, staff: Staff, conversationId: string): Promise<Message[]> {
  return (await server.get(`/api/conversations/${conversationId}/messages`, staff)).expect(200, MessagePageSchema).messages;
}

/** The open conversation from this identity, as the admin sees it. */
async function openConversationOf(server: TestServer, channelId: string, identity: string, channel: string): Promise<Conversation | null> {
  const [row] = await server.db.query<{ id: string }>(
    `SELECT id FROM conversations WHERE channel_id = $1 AND channel_identity = $2 AND state <> 'ended'`,
    [channelId, `${channel}:${identity}`],
  );
  if (!row) return null;
  return (await server.get(`/api/conversations/${row.id}`, await server.staff('sara'))).expect(200, ConversationResponseSchema).conversation;
}

describeEachBackend('Messaging channels', (backend: Backend) => {
  let standIn: SinchStandIn;
  const channels = channelOptions();
  beforeAll(async () => {
    standIn = await SinchStandIn.start();
    channels.conversationUrl = standIn.url;
    channels.authUrl = standIn.url;
  });
  afterAll(() => standIn.close());
  const server = useTestServer(backend, { app: { channels } });
  let webhook: (channel: ChannelConfig) => string;
  beforeAll(async () => {
    channels.baseUrl = await server.listen();
    webhook = (channel) => `${channels.baseUrl}${channel.webhookPath}`;
  });

  /** Delivers a callback and applies what it stored. */
  async function deliver(channel: ChannelConfig, body: object) {
    const answer = await standIn.deliver(webhook(channel), body);
    await server.channels.runNow();
    return answer;
  }

  describe('configuration', () => {
    it('lets an admin connect a channel, never returns its secrets, and audits every change', async () => {
      const adam = await server.staff('adam');
      const body = channelBody(standIn, server.queueIds.Support, { keySecret: 'very-secret-key-1', webhookSecret: 'very-secret-hook-1' });
      const created = (await server.post('/api/admin/channels', adam, body)).expect(201, ChannelConfigResponseSchema).channel;
      expect(created).toMatchObject({ name: body.name, carries: ['SMS', 'WHATSAPP'], queue: { name: 'Support' }, keySecretSet: true, webhookSecretSet: true, enabled: true });
      expect(created.webhookPath).toBe(`/api/channels/${created.id}/webhook`);

      const listed = await server.get('/api/admin/channels', adam);
      expect(listed.text).not.toContain('very-secret');
      expect(listed.expect(200, ChannelConfigListSchema).channels.map((c) => c.id)).toContain(created.id);
      const [stored] = await server.db.query<{ key_secret_sealed: string }>('SELECT key_secret_sealed FROM channels WHERE id = $1', [created.id]);
      expect(stored!.key_secret_sealed).not.toContain('very-secret');

      // Secrets left out are kept; disabling is a change like any other.
      const { keySecret: _k, webhookSecret: _w, ...rest } = body;
      const disabled = (await server.request('PUT', `/api/admin/channels/${created.id}`, { auth: adam, body: { ...rest, enabled: false } })).expect(
        200,
        ChannelConfigResponseSchema,
      ).channel;
      expect(disabled).toMatchObject({ enabled: false, keySecretSet: true });
      const audit = (await server.get('/api/admin/audit', adam)).expect(200, AdminAuditListSchema).entries.filter((e) => e.target.id === created.id);
      expect(audit.map((e) => e.action)).toEqual(['channel.disabled', 'channel.created']);
      expect(JSON.stringify(audit)).not.toContain('very-secret');

      // A disabled channel takes no callbacks.
      const refused = await standIn.deliver(webhook(disabled), standIn.inbound({ channel: 'SMS', identity: newPhone(), text: 'Hi' }).body);
      expect(refused.status).toBe(403);
    });

    it('refuses a channel without a queue, without secrets, or from a non-admin, with a code', async () => {
      const adam = await server.staff('adam');
      const noQueue = await server.post('/api/admin/channels', adam, channelBody(standIn, randomUUID()));
      expect(noQueue.expectError(400, 'invalid_request').fields).toHaveProperty('queueId');
      const { keySecret: _k, ...noSecret } = channelBody(standIn, server.queueIds.Support);
      expect((await server.post('/api/admin/channels', adam, noSecret)).expectError(400, 'invalid_request').fields).toHaveProperty('keySecret');
      const noChannels = await server.post('/api/admin/channels', adam, channelBody(standIn, server.queueIds.Support, { carries: [] }));
      expect(noChannels.expectError(400, 'invalid_request').fields).toHaveProperty('carries');
      (await server.get('/api/admin/channels', await server.staff('anna'))).expectError(403, 'forbidden');
    });
  });

  describe('webhook', () => {
    let channel: ChannelConfig;
    beforeAll(async () => {
      channel = await createChannel(server, standIn);
    });

    it('refuses unsigned, wrongly signed, stale and replayed callbacks with 401', async () => {
      const body = JSON.stringify(standIn.inbound({ channel: 'SMS', identity: newPhone(), text: 'Hello' }).body);
      const post = (headers: Record<string, string>) => fetch(webhook(channel), { method: 'POST', headers, body }).then(async (r) => ({ status: r.status, json: (await r.json()) as { code: string } }));

      const unsigned = await post({ 'content-type': 'application/json' });
      expect(unsigned).toMatchObject({ status: 401, json: { code: 'invalid_signature' } });
      const wrongSecret = await post(standIn.sign(body, { secret: 'another-secret' }));
      expect(wrongSecret).toMatchObject({ status: 401, json: { code: 'invalid_signature' } });
      const tampered = standIn.sign(body);
      const altered = await fetch(webhook(channel), { method: 'POST', headers: tampered, body: body.replace('Hello', 'Hallo') });
      expect(altered.status).toBe(401);
      const stale = await post(standIn.sign(body, { timestamp: Math.floor(Date.now() / 1000) - 3600 }));
      expect(stale).toMatchObject({ status: 401, json: { code: 'invalid_signature' } });

      const signed = standIn.sign(body);
      expect((await post(signed)).status).toBe(200);
      const replayed = await post(signed);
      expect(replayed).toMatchObject({ status: 401, json: { code: 'invalid_signature' } });
    });

    it('answers 404 for an unknown channel and 400 for a signed body that is not a callback', async () => {
      const unknown = await standIn.deliver(`${channels.baseUrl}/api/channels/${randomUUID()}/webhook`, { message: {} });
      expect(unknown.status).toBe(404);
      expect((await standIn.deliver(`${channels.baseUrl}/api/channels/not-a-uuid/webhook`, {})).status).toBe(404);
      const notJson = await standIn.deliver(webhook(channel), '{not json');
      expect(notJson.status).toBe(400);
      expect(JSON.parse(notJson.body)).toMatchObject({ code: 'invalid_request' });
      const noId = await standIn.deliver(webhook(channel), { app_id: standIn.credentials.appId, message: { contact_message: { text_message: { text: 'x' } } } });
      expect(noId.status).toBe(400);
      const otherApp = await standIn.deliver(webhook(channel), { ...standIn.inbound({ channel: 'SMS', identity: newPhone(), text: 'x' }).body, app_id: 'OTHER' });
      expect(otherApp.status).toBe(400);
    });

    it('stores a callback Sinch sends again (a retry, newly signed) once', async () => {
      const phone = newPhone();
      const { body } = standIn.inbound({ channel: 'SMS', identity: phone, text: 'Only once, please' });
      const first = await standIn.deliver(webhook(channel), body);
      const again = await standIn.deliver(webhook(channel), body);
      expect(JSON.parse(first.body)).toEqual({ ok: true, stored: true });
      expect(JSON.parse(again.body)).toEqual({ ok: true, stored: false });
      await server.channels.runNow();
      const conversation = (await openConversationOf(server, channel.id, phone, 'SMS'))!;
      const texts = (await messagesOf(server, await server.staff('sara'), conversation.id)).map((m) => m.text);
      expect(texts).toEqual(['Only once, please']);
    });
  });

  describe('inbound messages', () => {
    let channel: ChannelConfig;
    beforeAll(async () => {
      channel = await createChannel(server, standIn);
    });

    it('starts an SMS conversation in the mapped queue and continues it with the next message', async () => {
      const anna = await server.staff('anna');
      const phone = newPhone();
      const socket = await server.connect({ token: anna.token });
      await deliver(channel, standIn.inbound({ channel: 'SMS', identity: phone, text: 'My order is late' }).body);
      const conversation = (await openConversationOf(server, channel.id, phone, 'SMS'))!;
      expect(conversation).toMatchObject({
        channel: 'sms',
        source: phone,
        destination: '+15550001111',
        state: 'queued',
        queue: { id: server.queueIds.Support },
        customer: { name: phone, phone },
        firstMessage: { text: 'My order is late', authorKind: 'customer' },
      });
      await socket.next(staffEvent('conversation.created', conversation.id));
      const picklist = (await server.get('/api/conversations?view=picklist', anna)).expect(200, ConversationPageSchema);
      expect(picklist.conversations.map((c) => c.id)).toContain(conversation.id);

      // The supervisors' dashboard counts it under SMS.
      const dashboard = (await server.get('/api/supervisor/queues', await server.staff('sara'))).expect(200, QueueDashboardSchema);
      expect(dashboard.channels?.find((c) => c.channel === 'sms')?.waiting).toBeGreaterThanOrEqual(1);

      await deliver(channel, standIn.inbound({ channel: 'SMS', identity: phone, text: 'Order 1234' }).body);
      expect((await messagesOf(server, anna, conversation.id)).map((m) => m.text)).toEqual(['My order is late', 'Order 1234']);
      expect((await openConversationOf(server, channel.id, phone, 'SMS'))!.id).toBe(conversation.id);
    });

    it('names a WhatsApp customer by their profile name, and keeps the same phone on SMS apart', async () => {
      const phone = newPhone();
      standIn.contacts.set('contact-wa-1', 'Maya Costa');
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: phone, text: 'Olá', contactId: 'contact-wa-1' }).body);
      const wa = (await openConversationOf(server, channel.id, phone, 'WHATSAPP'))!;
      expect(wa).toMatchObject({ channel: 'whatsapp', source: phone, customer: { name: 'Maya Costa', phone } });
      await deliver(channel, standIn.inbound({ channel: 'SMS', identity: phone, text: 'Same phone' }).body);
      const sms = (await openConversationOf(server, channel.id, phone, 'SMS'))!;
      expect(sms.id).not.toBe(wa.id);
      expect(sms.channel).toBe('sms');
    });

    it('stores a WhatsApp photo like an upload, after checking its content', async () => {
      const phone = newPhone();
      const photo = png(40, 30);
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: phone, mediaUrl: standIn.serveMedia('IMG-0001', 'image/png', photo) }).body);
      const conversation = (await openConversationOf(server, channel.id, phone, 'WHATSAPP'))!;
      const [message] = await messagesOf(server, await server.staff('sara'), conversation.id);
      expect(message).toMatchObject({ authorKind: 'customer', text: '', attachments: [{ fileName: 'IMG-0001.png', fileType: 'png', kind: 'image', sizeBytes: photo.length, width: 40, height: 30 }] });
      const bytes = Buffer.from(await (await fetch(`${channels.baseUrl}${message!.attachments[0]!.downloadUrl}`)).arrayBuffer());
      expect(bytes.equals(photo)).toBe(true);
    });

    it('refuses a file the customers policy does not allow or whose content lies, records it and tells the agent', async () => {
      const phone = newPhone();
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: phone, text: 'Here is the file' }).body);
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: phone, mediaUrl: standIn.serveMedia('invoice.pdf', 'application/pdf', pdf()) }).body);
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: phone, mediaUrl: standIn.serveMedia('photo.png', 'image/png', html()) }).body);
      const conversation = (await openConversationOf(server, channel.id, phone, 'WHATSAPP'))!;
      const messages = await messagesOf(server, await server.staff('sara'), conversation.id);
      expect(messages.map((m) => [m.authorKind, m.attachments.length])).toEqual([
        ['customer', 0],
        ['system', 0],
        ['system', 0],
      ]);
      expect(messages[1]!.text).toMatch(/invoice\.pdf.*not accepted/i);
      expect(messages[2]!.text).toMatch(/photo\.png.*HTML/);
      const rejected = await server.db.query<{ code: string }>('SELECT code FROM rejected_uploads WHERE conversation_id = $1 ORDER BY created_at', [conversation.id]);
      expect(rejected.map((r) => r.code)).toEqual(['type_not_allowed', 'type_not_allowed']);
    });

    it('records a file that cannot be downloaded as refused', async () => {
      const phone = newPhone();
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: phone, mediaUrl: standIn.serveMedia('gone.jpg', 'image/jpeg', Buffer.alloc(0), 404) }).body);
      const conversation = (await openConversationOf(server, channel.id, phone, 'WHATSAPP'))!;
      const [note] = await messagesOf(server, await server.staff('sara'), conversation.id);
      expect(note).toMatchObject({ authorKind: 'system' });
      expect(note!.text).toMatch(/gone\.jpg.*HTTP 404/);
    });
  });

  describe('replies', () => {
    let channel: ChannelConfig;
    beforeAll(async () => {
      channel = await createChannel(server, standIn, { closingMessage: 'Thanks for contacting us!' });
    });

    async function pickedConversation(channelName: 'SMS' | 'WHATSAPP', phone = newPhone()) {
      await deliver(channel, standIn.inbound({ channel: channelName, identity: phone, text: 'Help me' }).body);
      const conversation = (await openConversationOf(server, channel.id, phone, channelName))!;
      const anna = await server.staff('anna');
      await server.picked(anna, conversation.id);
      return { conversation, phone, anna };
    }

    const sendsTo = (phone: string) => standIn.accepted.filter((a) => a.body.recipient.identified_by?.channel_identities[0]?.identity === phone);

    it('sends the agent reply once to the same channel and recipient, even when the API fails the first tries, and shows delivery live', async () => {
      const { conversation, phone, anna } = await pickedConversation('WHATSAPP');
      const socket = await server.connect({ token: anna.token });
      standIn.failNextSends = 2;
      const attemptsBefore = standIn.sendAttempts.length;
      const sent = await server.agentSays(anna, conversation.id, 'We are on it');
      expect(sent.delivery).toEqual({ status: 'pending', error: null });

      const [accepted] = await standIn.until(() => sendsTo(phone).length > 0 && sendsTo(phone));
      expect(accepted!.body).toMatchObject({
        app_id: standIn.credentials.appId,
        recipient: { identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: phone }] } },
        message: { text_message: { text: 'We are on it' } },
        channel_priority_order: ['WHATSAPP'],
      });
      expect(standIn.sendAttempts.length - attemptsBefore).toBeGreaterThanOrEqual(3);
      const sentFrame = await socket.next((f) => f.kind === 'event' && f.event.type === 'message.delivery' && f.event.messageId === sent.id && f.event.delivery.status === 'sent');
      expect(sentFrame.kind).toBe('event');

      await deliver(channel, standIn.deliveryReport(accepted!, 'DELIVERED'));
      await socket.next((f) => f.kind === 'event' && f.event.type === 'message.delivery' && f.event.delivery.status === 'delivered');
      await deliver(channel, standIn.deliveryReport(accepted!, 'READ'));
      await socket.next((f) => f.kind === 'event' && f.event.type === 'message.delivery' && f.event.delivery.status === 'read');
      // A late report does not move it back.
      await deliver(channel, standIn.deliveryReport(accepted!, 'QUEUED_ON_CHANNEL'));
      const stored = (await messagesOf(server, anna, conversation.id)).find((m) => m.id === sent.id)!;
      expect(stored.delivery).toEqual({ status: 'read', error: null });
      await server.channels.runNow();
      expect(sendsTo(phone)).toHaveLength(1);
    });

    it('sends the queue’s welcome prompt to a new channel conversation, after storing it as a system line', async () => {
      await server.db.transaction((tx) => saveQueuePrompts(tx, server.queueIds.Support, { ...DEFAULT_PROMPTS, welcome: { enabled: true, text: 'Welcome to {queue.name}!' } }));
      try {
        const phone = newPhone();
        await deliver(channel, standIn.inbound({ channel: 'SMS', identity: phone, text: 'Hi' }).body);
        const conversation = (await openConversationOf(server, channel.id, phone, 'SMS'))!;
        const lines = await messagesOf(server, await server.staff('sara'), conversation.id);
        expect(lines.map((m) => [m.authorKind, m.text])).toEqual([['customer', 'Hi'], ['system', 'Welcome to Support!']]);
        await server.channels.runNow();
        const [sent] = await standIn.until(() => sendsTo(phone).length > 0 && sendsTo(phone));
        expect(sent!.body).toMatchObject({ message: { text_message: { text: 'Welcome to Support!' } } });
      } finally {
        await server.db.transaction((tx) => saveQueuePrompts(tx, server.queueIds.Support, DEFAULT_PROMPTS));
      }
    });

    it('shows the customer on WhatsApp that the agent is typing, and not on SMS', async () => {
      const wa = await pickedConversation('WHATSAPP');
      const sms = await pickedConversation('SMS');
      const socket = new WebSocket(`${channels.baseUrl.replace(/^http/, 'ws')}/api/realtime`);
      const ready = new Promise((resolve) => socket.on('message', (data) => (JSON.parse(String(data)) as { kind: string }).kind === 'ready' && resolve(true)));
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'hello', token: wa.anna.token }));
      await ready;
      // A socket passes on a change of typing state at once (the same state again only after a second).
      socket.send(JSON.stringify({ type: 'typing', conversationId: sms.conversation.id, isTyping: true }));
      socket.send(JSON.stringify({ type: 'typing', conversationId: wa.conversation.id, isTyping: false }));
      socket.send(JSON.stringify({ type: 'typing', conversationId: wa.conversation.id, isTyping: true }));
      const composing = await standIn.until(() =>
        standIn.events.find((e) => JSON.stringify(e.body.recipient).includes(wa.phone) && 'composing_event' in e.body.event),
      );
      expect(composing.body.recipient).toEqual({ identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: wa.phone }] } });
      expect(standIn.events.some((e) => JSON.stringify(e.body.recipient).includes(sms.phone))).toBe(false);
      socket.close();
    });

    it('tells a WhatsApp customer their messages were read when the agent holding the chat reads them, once, and never on SMS', async () => {
      const readsTo = (phone: string) =>
        standIn.events.filter((e) => e.body.recipient.identified_by?.channel_identities[0]?.identity === phone && 'read_message_event' in e.body.event);
      const markRead = async (staff: Staff, conversationId: string) => {
        const [last] = (await messagesOf(server, staff, conversationId)).slice(-1);
        (await server.request('PUT', `/api/conversations/${conversationId}/read`, { auth: staff, body: { seq: last!.seq } })).expect(200, MarkReadResponseSchema);
        await server.channels.readReceipts.settled();
      };
      const wa = await pickedConversation('WHATSAPP');
      const sms = await pickedConversation('SMS');

      // A supervisor looking in has not read it for the customer.
      await markRead(await server.staff('sara'), wa.conversation.id);
      expect(readsTo(wa.phone)).toHaveLength(0);

      // The agent reads it: events:send with a read_message_event to the same number on WhatsApp.
      await markRead(wa.anna, wa.conversation.id);
      expect(readsTo(wa.phone)).toHaveLength(1);
      expect(readsTo(wa.phone)[0]!.body).toEqual({
        app_id: standIn.credentials.appId,
        recipient: { identified_by: { channel_identities: [{ channel: 'WHATSAPP', identity: wa.phone }] } },
        channel_priority_order: ['WHATSAPP'],
        event: { read_message_event: {} },
      });

      // Reading again, or only the agent's own reply, says nothing new.
      await markRead(wa.anna, wa.conversation.id);
      await server.agentSays(wa.anna, wa.conversation.id, 'Looking into it');
      await markRead(wa.anna, wa.conversation.id);
      expect(readsTo(wa.phone)).toHaveLength(1);

      // The customer writes again: reading that is told once more.
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: wa.phone, text: 'Any news?' }).body);
      await markRead(wa.anna, wa.conversation.id);
      expect(readsTo(wa.phone)).toHaveLength(2);

      // SMS shows no read receipts.
      await markRead(sms.anna, sms.conversation.id);
      expect(readsTo(sms.phone)).toHaveLength(0);
    });

    it('sends a photo as a media message the channel can fetch', async () => {
      const { conversation, phone, anna } = await pickedConversation('WHATSAPP');
      const photo = png(20, 10);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/png' }), 'receipt.png');
      const upload = await fetch(`${channels.baseUrl}/api/conversations/${conversation.id}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${anna.token}` },
        body: form,
      });
      const { attachment } = UploadAttachmentResponseSchema.parse(await upload.json());
      (await server.post(`/api/conversations/${conversation.id}/messages`, anna, { clientMessageId: randomUUID(), text: 'Your receipt', attachmentIds: [attachment.id] })).expect(
        201,
        SendMessageResponseSchema,
      );
      const parts = await standIn.until(() => sendsTo(phone).length >= 2 && sendsTo(phone));
      expect(parts[0]!.body.message).toEqual({ text_message: { text: 'Your receipt' } });
      const media = parts[1]!.body.message.media_message!;
      expect(media.filename_override).toBe('receipt.png');
      const fetched = Buffer.from(await (await fetch(media.url)).arrayBuffer());
      expect(fetched.equals(photo)).toBe(true);
    });

    it('marks a message the channel refused as failed with the reason, and Retry sends it', async () => {
      const { conversation, phone, anna } = await pickedConversation('WHATSAPP');
      const socket = await server.connect({ token: anna.token });
      standIn.refuseNextSend = { status: 400, message: 'Recipient is not a WhatsApp user' };
      const sent = await server.agentSays(anna, conversation.id, 'Hello there');
      // The worker's send, refusal and event: more than the default wait on a busy machine (seen once on PostgreSQL).
      const failed = await socket.next((f) => f.kind === 'event' && f.event.type === 'message.delivery' && f.event.messageId === sent.id && f.event.delivery.status === 'failed', 20_000);
      expect(failed.kind === 'event' && failed.event.type === 'message.delivery' && failed.event.delivery.error).toMatch(/not a WhatsApp user/);

      const retried = (await server.post(`/api/conversations/${conversation.id}/messages/${sent.id}/retry`, anna)).expect(200, RetryMessageResponseSchema);
      expect(retried.message.delivery).toEqual({ status: 'pending', error: null });
      await standIn.until(() => sendsTo(phone).length === 1);
      await socket.next((f) => f.kind === 'event' && f.event.type === 'message.delivery' && f.event.messageId === sent.id && f.event.delivery.status === 'sent', 20_000);
      (await server.post(`/api/conversations/${conversation.id}/messages/${randomUUID()}/retry`, anna)).expectError(404, 'not_found');
    });

    it('shows a failure the channel reports later', async () => {
      const { conversation, phone, anna } = await pickedConversation('SMS');
      const sent = await server.agentSays(anna, conversation.id, 'Are you there?');
      const [accepted] = await standIn.until(() => sendsTo(phone).length > 0 && sendsTo(phone));
      await deliver(channel, standIn.deliveryReport(accepted!, 'FAILED', { code: 'RECIPIENT_NOT_REACHABLE', description: 'The phone is switched off' }));
      const stored = (await messagesOf(server, anna, conversation.id)).find((m) => m.id === sent.id)!;
      expect(stored.delivery).toEqual({ status: 'failed', error: 'The phone is switched off' });
    });

    it('refuses files and overlong text on SMS, and free-form WhatsApp replies after 24 hours', async () => {
      const sms = await pickedConversation('SMS');
      const tooLong = await server.agentSend(sms.anna, sms.conversation.id, 'x'.repeat(1531));
      expect(tooLong.expectError(409, 'channel_limit').message).toMatch(/SMS messages can be at most 1,530 characters/);
      const withFile = await server.post(`/api/conversations/${sms.conversation.id}/messages`, sms.anna, { clientMessageId: randomUUID(), text: 'x', attachmentIds: [randomUUID()] });
      expect(withFile.expectError(409, 'channel_limit').message).toMatch(/SMS cannot carry files/);

      const wa = await pickedConversation('WHATSAPP');
      await server.agentSays(wa.anna, wa.conversation.id, 'Within the window');
      await server.db.query(`UPDATE conversations SET last_customer_message_at = now() - interval '25 hours' WHERE id = $1`, [wa.conversation.id]);
      const late = await server.agentSend(wa.anna, wa.conversation.id, 'Too late');
      expect(late.expectError(409, 'reply_window_closed').message).toMatch(/24 hours.*template messages/);
      // The customer writes again: the window opens.
      await deliver(channel, standIn.inbound({ channel: 'WHATSAPP', identity: wa.phone, text: 'Still there?' }).body);
      await server.agentSays(wa.anna, wa.conversation.id, 'Yes!');
    });

    it('sends the closing message when the chat ends; the next message starts a new conversation with the old one in history', async () => {
      const { conversation, phone, anna } = await pickedConversation('SMS');
      (await server.end(anna, conversation.id)).expect(200, ConversationResponseSchema);
      const closing = await standIn.until(() => sendsTo(phone).find((a) => a.body.message.text_message?.text === 'Thanks for contacting us!'));
      expect(closing.body.recipient.identified_by?.channel_identities[0]).toEqual({ channel: 'SMS', identity: phone });

      await deliver(channel, standIn.inbound({ channel: 'SMS', identity: phone, text: 'One more thing' }).body);
      const next = (await openConversationOf(server, channel.id, phone, 'SMS'))!;
      expect(next.id).not.toBe(conversation.id);
      expect(next.customer.id).toBe(conversation.customer.id);
      const history = (await server.get(`/api/conversations/${next.id}/history`, await server.staff('sara'))).expect(200, CustomerHistoryPageSchema);
      expect(JSON.stringify(history)).toContain(conversation.id);
    });
  });
});

describeEachBackend('Channel outbox across a restart', (backend: Backend) => {
  it('sends what an agent wrote before the server stopped, once, after it starts again', { timeout: 60_000 }, async () => {
    const standIn = await SinchStandIn.start();
    const testDb = await createTestDatabase(backend.kind);
    const opts = channelOptions();
    Object.assign(opts, { conversationUrl: standIn.url, authUrl: standIn.url, maxBackoffMs: 50 });
    try {
      // The first instance looks for work only when poked, so it tries the send once and stops.
      const first = await TestServer.onDatabase(testDb.db, { seed: true, app: { channels: { ...opts, pollMs: 0 } } });
      opts.baseUrl = await first.listen();
      const channel = await createChannel(first, standIn);
      const phone = newPhone();
      await standIn.deliver(`${opts.baseUrl}${channel.webhookPath}`, standIn.inbound({ channel: 'WHATSAPP', identity: phone, text: 'Hi' }).body);
      await first.channels.runNow();
      const conversation = (await openConversationOf(first, channel.id, phone, 'WHATSAPP'))!;
      const anna = await first.login('anna');
      await first.picked(anna, conversation.id);
      // The API is down while the agent writes; the server stops before it comes back.
      standIn.failNextSends = 1000;
      const message = await first.agentSays(anna, conversation.id, 'Written before the restart');
      await standIn.until(() => standIn.sendAttempts.some((b) => b.message.text_message?.text === 'Written before the restart'));
      await first.close();
      const [pending] = await testDb.db.query<{ status: string }>('SELECT status FROM channel_outbox WHERE message_id = $1', [message.id]);
      expect(pending!.status).toBe('pending');

      standIn.failNextSends = 0;
      const second = await TestServer.onDatabase(testDb.db, { seed: false, app: { channels: opts } });
      opts.baseUrl = await second.listen();
      try {
        const restarted = () => standIn.accepted.filter((a) => a.body.message.text_message?.text === 'Written before the restart');
        const sent = await standIn.until(() => restarted().length > 0 && restarted());
        expect(sent).toHaveLength(1);
        expect(sent[0]!.body.recipient.identified_by?.channel_identities).toEqual([{ channel: 'WHATSAPP', identity: phone }]);
        await second.channels.runNow();
        const [row] = await testDb.db.query<{ delivery_status: string }>('SELECT delivery_status FROM messages WHERE id = $1', [message.id]);
        expect(row!.delivery_status).toBe('sent');
        expect(standIn.accepted.filter((a) => a.body.message.text_message?.text === 'Written before the restart')).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await testDb.dispose();
      await standIn.close();
    }
  });
});
