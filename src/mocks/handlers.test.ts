import { DEFAULT_PROMPTS } from '../contract/prompts';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { buildPath, type Api, type RouteName } from '../contract/api';
import { allRoutes } from '../contract/all-routes';
import { UploadAttachmentResponseSchema, type Attachment } from '../contract/attachments';
import { ApiErrorSchema, type ApiErrorBody } from '../contract/errors';
import { DEFAULT_PREFERENCES } from '../contract/preferences';
import { DEFAULT_ROUTING_SETTINGS } from '../contract/settings';
import { mockData, resetMockData } from './data';
import { handlers, notFoundHandler, routeHandlers } from './handlers';
import { server } from './node';

// msw/node has no page origin, so requests need an absolute URL; the handlers match any origin.
const BASE = 'http://localhost';
const ROUTES = Object.keys(allRoutes) as RouteName[];

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  token?: string;
  /** Raw body text, sent as-is with the given content type. */
  raw?: { text: string; contentType: string };
  /** Another origin than BASE: MSW keeps the session cookies its answers set, per origin. */
  origin?: string;
}

/** Routes that answered successfully at least once in this file. */
const succeeded = new Set<RouteName>();

type Result<R extends RouteName> =
  | { status: number; ok: true; data: z.output<Api[R]['response']> }
  | { status: number; ok: false; error: ApiErrorBody };

/**
 * Calls a route like the SPA's api-client and checks the answer against the contract: a success
 * must parse with the route's response schema, anything else with ApiErrorSchema.
 */
async function call<R extends RouteName>(name: R, opts: CallOptions = {}): Promise<Result<R>> {
  const def = allRoutes[name];
  const url = new URL(buildPath(def.path, opts.params), opts.origin ?? BASE);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, String(v));
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (opts.raw) {
    headers['Content-Type'] = opts.raw.contentType;
    body = opts.raw.text;
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const response = await fetch(url, { method: def.method, headers, body });
  const json: unknown = await response.json();
  if (!response.ok) return { status: response.status, ok: false, error: ApiErrorSchema.parse(json) };
  succeeded.add(name);
  return { status: response.status, ok: true, data: def.response.parse(json) as z.output<Api[R]['response']> };
}

/** The answer's contract body; fails the test when it was an error. */
function ok<R extends RouteName>(result: Result<R>): z.output<Api[R]['response']> {
  if (!result.ok) throw new Error(`expected success, got ${result.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The error body; fails the test unless the answer was that status. */
function fail<R extends RouteName>(result: Result<R>, status: number): ApiErrorBody {
  if (result.ok) throw new Error(`expected ${status}, got ${result.status} ${JSON.stringify(result.data)}`);
  expect(result.status).toBe(status);
  return result.error;
}

/** Uploads `bytes` as `fileName` to an upload route, as the UI does: a FormData with one `file`. */
async function uploadFile(name: 'uploadAttachment' | 'webchatUploadAttachment' | 'uploadCannedAttachment', token: string, fileName: string, bytes: Uint8Array, params?: Record<string, string>) {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  const response = await fetch(new URL(buildPath(allRoutes[name].path, params), BASE), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  const json: unknown = await response.json();
  if (response.status !== 201) return { status: response.status, ok: false as const, error: ApiErrorSchema.parse(json) };
  succeeded.add(name);
  return { status: response.status, ok: true as const, attachment: UploadAttachmentResponseSchema.parse(json).attachment };
}

/** Fetches a file as `<img src>` would (no token) or with one; the bytes, or the JSON error. */
async function fetchFile(url: string, opts: { token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const response = await fetch(new URL(url, BASE), { headers });
  if (!response.ok) return { response, bytes: null, error: ApiErrorSchema.parse(await response.json()) };
  const route = new URL(url, BASE).pathname.startsWith('/api/webchat/') ? 'webchatDownloadAttachment' : 'downloadAttachment';
  succeeded.add(route);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()), error: null };
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 200 }, (_, i) => i % 251)]);

async function login(username: string) {
  return ok(await call('login', { body: { username, password: 'demo' } }));
}

const uuid = () => crypto.randomUUID();

/** A new chat in Billing, the demo's offering queue; its conversation id. */
async function startBillingChat(name = 'Kim Lee') {
  const billing = mockData.queues.find((q) => q.name === 'Billing')!.id;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${uuid().slice(0, 8)}@example.com`;
  return ok(await call('webchatStart', { body: { queueId: billing, name, email, text: 'About my invoice', clientMessageId: uuid() } })).conversation.id;
}
const waiting = (queueName: string) =>
  mockData.conversations.filter(
    (c) => c.state === 'queued' && mockData.queues.find((q) => q.id === c.queueId)?.name === queueName,
  );

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetMockData());
afterAll(() => server.close());

describe('mock handlers cover the contract', () => {
  it('has exactly one handler per contract route, with its method and path', async () => {
    const requestFor = (name: RouteName, origin = BASE) =>
      new Request(new URL(buildPath(allRoutes[name].path, { id: crypto.randomUUID(), messageId: crypto.randomUUID() }), origin), { method: allRoutes[name].method });
    for (const name of ROUTES) {
      const handler = routeHandlers[name];
      expect(handler, `no mock handler for allRoutes.${name}`).toBeDefined();
      expect(handler.info.method).toBe(allRoutes[name].method);
      // Each handler takes its own route, on any origin, and no other route.
      expect(await handler.test({ request: requestFor(name, 'https://panel.example:8443') }), name).toBe(true);
      for (const other of ROUTES.filter((r) => r !== name)) {
        expect(await handler.test({ request: requestFor(other) }), `${name} takes ${other}`).toBe(false);
      }
    }
    expect(Object.keys(routeHandlers).sort()).toEqual([...ROUTES].sort());
    // Nothing beyond the contract, except the server's not-found answer, last.
    const expected = [...ROUTES.map((name) => routeHandlers[name]), notFoundHandler];
    expect(handlers).toHaveLength(expected.length);
    handlers.forEach((handler, i) => expect(handler).toBe(expected[i]));
  });

  it('answers an /api path outside the contract like the server: 404 not_found', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await fetch(`${BASE}/api/conversations/x/snooze?until=later`, { method: 'POST' });
      expect(response.status).toBe(404);
      expect(ApiErrorSchema.parse(await response.json())).toEqual({
        code: 'not_found',
        message: 'No route for POST /api/conversations/x/snooze.',
      });
      expect(logged).toHaveBeenCalledOnce();
      // Only at the root: a Vite module under some api/ folder is not an API call.
      const module = new Request(`${BASE}/src/features/auth/api/login.ts`);
      expect(await Promise.all(handlers.map((h) => h.test({ request: module })))).not.toContain(true);
    } finally {
      logged.mockRestore();
    }
  });

  it('answers every route successfully with its contract response', async () => {
    const checked = new Set<RouteName>();
    const track = <T>(name: RouteName, value: T) => (checked.add(name), value);

    track('health', ok(await call('health')));
    track('ready', ok(await call('ready')));
    expect(track('setupStatus', ok(await call('setupStatus')))).toEqual({ needsSetup: false });

    const anna = track('login', await login('anna'));
    expect(anna.user.displayName).toBe('Anna Lindqvist');
    track('me', ok(await call('me', { token: anna.token })));
    expect(track('queues', ok(await call('queues', { token: anna.token }))).queues.map((q) => q.name)).toEqual(['Billing', 'Support']);
    expect(track('presence', ok(await call('presence', { token: anna.token })))).toMatchObject({ presence: { state: 'available' }, capacity: 3, load: 0 });
    track('setPresence', ok(await call('setPresence', { token: anna.token, body: { state: 'busy' } })));
    track('preferences', ok(await call('preferences', { token: anna.token })));
    track('updatePreferences', ok(await call('updatePreferences', { token: anna.token, body: { conversationSort: 'customer-name' } })));
    track('routingSettings', ok(await call('routingSettings', { token: anna.token })));
    const subscription = { endpoint: 'https://push.example.com/send/abc', keys: { p256dh: 'BG9KYtEPoI49n6v9uhZDcCraMd9i2XmN', auth: 'c2VjcmV0LWF1dGgtMTIz' } };
    const device = track('registerDevice', ok(await call('registerDevice', { token: anna.token, body: { kind: 'webpush', subscription, label: 'Phone' } }))).device;
    expect(device).toMatchObject({ kind: 'webpush', label: 'Phone', endpoint: subscription.endpoint, thisSession: true, delivered: true });
    expect(track('devices', ok(await call('devices', { token: anna.token }))).devices.map((d) => d.id)).toEqual([device.id]);
    track('removeDevice', ok(await call('removeDevice', { token: anna.token, params: { id: device.id } })));

    const picklist = track('conversations', ok(await call('conversations', { token: anna.token, query: { view: 'picklist' } })));
    const first = picklist.conversations[0]!;
    track('conversation', ok(await call('conversation', { token: anna.token, params: { id: first.id } })));
    track('pick', ok(await call('pick', { token: anna.token, params: { id: first.id } })));
    const hi = track('sendMessage', ok(await call('sendMessage', { token: anna.token, params: { id: first.id }, body: { clientMessageId: uuid(), text: 'Hi!' } }))).message;
    // As if the conversation came through a messaging channel that refused the reply: Retry puts it back in line.
    mockData.messages.get(first.id)!.find((m) => m.id === hi.id)!.delivery = { status: 'failed', error: 'The phone is switched off' };
    const retried = track('retryMessage', ok(await call('retryMessage', { token: anna.token, params: { id: first.id, messageId: hi.id } }))).message;
    expect(retried.delivery).toEqual({ status: 'pending', error: null });
    track('messages', ok(await call('messages', { token: anna.token, params: { id: first.id } })));
    track('createNote', ok(await call('createNote', { token: anna.token, params: { id: first.id }, body: { clientNoteId: uuid(), text: 'Asked for the order number.' } })));
    track('notes', ok(await call('notes', { token: anna.token, params: { id: first.id } })));
    track('mentionCandidates', ok(await call('mentionCandidates', { token: anna.token, params: { id: first.id } })));
    track('saveDraft', ok(await call('saveDraft', { token: anna.token, params: { id: first.id }, body: { text: 'Let me check' } })));
    expect(track('draft', ok(await call('draft', { token: anna.token, params: { id: first.id } }))).draft.text).toBe('Let me check');
    track('customerHistory', ok(await call('customerHistory', { token: anna.token, params: { id: first.id } })));
    const reasons = track('wrapUpOptions', ok(await call('wrapUpOptions', { token: anna.token, params: { id: first.queue.id } })));
    expect(reasons).toEqual({ required: false, codes: [expect.objectContaining({ name: 'Follow-up needed' }), expect.objectContaining({ name: 'Not our topic' }), expect.objectContaining({ name: 'Resolved' })] });
    const reason = reasons.codes.find((c) => c.name === 'Resolved')!;
    track('end', ok(await call('end', { token: anna.token, params: { id: first.id }, body: { wrapUpCodeId: reason.id, summary: 'Sorted.' } })));
    track('handledConversations', ok(await call('handledConversations', { token: anna.token })));
    track('search', ok(await call('search', { token: anna.token, query: { q: 'refund' } })));
    const targets = track('transferTargets', ok(await call('transferTargets', { token: anna.token })));
    const second = picklist.conversations[1]!;
    ok(await call('pick', { token: anna.token, params: { id: second.id } }));
    const target = { kind: 'agent', agentId: targets.agents[0]!.id } as const;
    track('transfer', ok(await call('transfer', { token: anna.token, params: { id: second.id }, body: { target, note: 'Over to you.' } })));
    track('transfers', ok(await call('transfers', { token: anna.token, params: { id: second.id } })));

    // An offer into Billing: Anna is available again, so it is hers to accept; the next one she rejects.
    ok(await call('setPresence', { token: anna.token, body: { state: 'available' } }));
    const offered = await startBillingChat();
    expect(track('conversations', ok(await call('conversations', { token: anna.token, query: { view: 'offers' } }))).conversations.map((c) => c.id)).toEqual([offered]);
    track('accept', ok(await call('accept', { token: anna.token, params: { id: offered } })));
    const unread = track('unread', ok(await call('unread', { token: anna.token })));
    expect(unread).toEqual({ mine: { conversations: 1, messages: 1 }, offers: { conversations: 0, messages: 0 } });
    track('markRead', ok(await call('markRead', { token: anna.token, params: { id: offered }, body: { seq: 2 } })));
    const declined = await startBillingChat();
    track('reject', ok(await call('reject', { token: anna.token, params: { id: declined } })));
    track('logout', ok(await call('logout', { token: anna.token })));

    // Sessions: Anna on two devices keeps one alive, logs the other out, then logs out everywhere.
    const annaPhone = await login('anna');
    const annaDesk = await login('anna');
    expect(track('refreshSession', ok(await call('refreshSession', { token: annaPhone.token }))).session.id).toBe(annaPhone.session.id);
    const devices = track('sessions', ok(await call('sessions', { token: annaDesk.token }))).sessions;
    expect(devices.filter((d) => d.current).map((d) => d.id)).toEqual([annaDesk.session.id]);
    track('endSession', ok(await call('endSession', { token: annaDesk.token, params: { id: annaPhone.session.id } })));
    expect((await call('me', { token: annaPhone.token })).status).toBe(401);
    track('logoutEverywhere', ok(await call('logoutEverywhere', { token: annaDesk.token })));
    expect((await call('me', { token: annaDesk.token })).status).toBe(401);

    const queues = track('webchatQueues', ok(await call('webchatQueues'))).queues;
    const chat = track(
      'webchatStart',
      ok(await call('webchatStart', { body: { queueId: queues[0]!.id, name: 'Kim Lee', email: 'kim@example.com', text: 'Hello', clientMessageId: uuid() } })),
    );
    track('webchatConversation', ok(await call('webchatConversation', { token: chat.customerToken })));
    track('webchatSend', ok(await call('webchatSend', { token: chat.customerToken, body: { clientMessageId: uuid(), text: 'Anyone?' } })));
    track('webchatMessages', ok(await call('webchatMessages', { token: chat.customerToken })));

    // Settings and attachments; uploads and downloads are not JSON (uploadFile, fetchFile).
    const adam = await login('adam');
    const { settings } = track('settings', ok(await call('settings', { token: adam.token })));
    const policies = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads };
    track('updateSettings', ok(await call('updateSettings', { token: adam.token, body: policies })));

    // Supervision: Sara watches the queues and agents, reads the trail and moves a conversation.
    const sara = await login('sara');
    const dashboard = track('queueDashboard', ok(await call('queueDashboard', { token: sara.token })));
    const salesQueue = dashboard.queues.find((q) => q.queue.name === 'Sales')!.queue;
    expect(track('agentStatuses', ok(await call('agentStatuses', { token: sara.token }))).agents.map((a) => a.username)).toEqual(['anna', 'ben']);
    const open = track('openConversations', ok(await call('openConversations', { token: sara.token, query: { queueId: salesQueue.id } })));
    expect(open.conversations.every((c) => c.queue.id === salesQueue.id && c.state !== 'ended')).toBe(true);
    track('reassign', ok(await call('reassign', { token: sara.token, params: { id: second.id }, body: { target: { kind: 'queue', queueId: salesQueue.id } } })));
    const trail = track('auditTrail', ok(await call('auditTrail', { token: sara.token, params: { id: second.id } }))).entries;
    expect(trail.map((e) => e.kind)).toEqual(['arrived', 'transferred', 'reassigned']);
    const ended = ok(await call('auditTrail', { token: sara.token, params: { id: first.id } })).entries;
    expect(ended.at(-1)).toMatchObject({ kind: 'wrapped_up', summary: 'Reason: Resolved. Summary: Sorted.', actor: { name: 'Anna Lindqvist' } });
    const today = track('wrapUpCounts', ok(await call('wrapUpCounts', { token: sara.token, query: { since: new Date(Date.now() - 60_000).toISOString() } }))).counts;
    expect(today).toEqual([{ queue: { id: first.queue.id, name: first.queue.name }, code: { id: reason.id, name: 'Resolved', retired: false }, count: 1 }]);

    // Administration: Adam sets up a queue and a user, and every change lands in the audit list.
    track('adminQueues', ok(await call('adminQueues', { token: adam.token })));
    const users = track('adminUsers', ok(await call('adminUsers', { token: adam.token }))).users;
    const benId = users.find((u) => u.username === 'ben')!.id;
    const returns = track(
      'createQueue',
      ok(await call('createQueue', { token: adam.token, body: { name: 'Returns', address: 'returns@acme.example', routingMode: 'pick', agentIds: [] } })),
    ).queue;
    const saved = { name: 'Returns', address: 'returns@acme.example', routingMode: 'offer', agentIds: [benId] } as const;
    expect(track('updateQueue', ok(await call('updateQueue', { token: adam.token, params: { id: returns.id }, body: saved }))).queue).toMatchObject(saved);
    const prompts = track('queuePrompts', ok(await call('queuePrompts', { token: adam.token, params: { id: returns.id } }))).prompts;
    const welcomeOn = { ...prompts, welcome: { enabled: true, text: 'Hi {customer.name}' } };
    expect(track('saveQueuePrompts', ok(await call('saveQueuePrompts', { token: adam.token, params: { id: returns.id }, body: { prompts: welcomeOn } }))).prompts).toEqual(welcomeOn);
    const carla = track(
      'createUser',
      ok(await call('createUser', { token: adam.token, body: { username: 'carla', password: 'long enough', displayName: 'Carla Diaz', role: 'agent', capacity: 3, queueIds: [returns.id] } })),
    ).user;
    const disable = { displayName: carla.displayName, role: carla.role, capacity: carla.capacity, queueIds: carla.queueIds, disabled: true };
    expect(track('updateUser', ok(await call('updateUser', { token: adam.token, params: { id: carla.id }, body: disable }))).user.disabled).toBe(true);
    track('resetPassword', ok(await call('resetPassword', { token: adam.token, params: { id: carla.id }, body: { password: 'another long one' } })));
    const code = track('createWrapUpCode', ok(await call('createWrapUpCode', { token: adam.token, body: { name: 'Refund', allQueues: false, queueIds: [returns.id] } }))).code;
    expect(code).toMatchObject({ name: 'Refund', allQueues: false, queueIds: [returns.id], retired: false });
    const retired = { name: 'Refund', allQueues: false, queueIds: [returns.id], retired: true };
    expect(track('updateWrapUpCode', ok(await call('updateWrapUpCode', { token: adam.token, params: { id: code.id }, body: retired }))).code.retired).toBe(true);
    expect(track('setWrapUpRequired', ok(await call('setWrapUpRequired', { token: adam.token, params: { id: returns.id }, body: { required: true } }))).requiredQueueIds).toEqual([
      returns.id,
    ]);
    const wrapUp = track('adminWrapUp', ok(await call('adminWrapUp', { token: adam.token })));
    expect(wrapUp.codes.map((c) => [c.name, c.retired])).toEqual([
      ['Follow-up needed', false],
      ['Not our topic', false],
      ['Resolved', false],
      ['Refund', true],
    ]);
    expect(track('adminAudit', ok(await call('adminAudit', { token: adam.token }))).entries.map((e) => e.action)).toEqual([
      'queue.wrap_up_required',
      'wrap_up_code.retired',
      'wrap_up_code.created',
      'user.password_reset',
      'user.disabled',
      'user.created',
      'queue.prompts_updated',
      'queue.updated',
      'queue.created',
    ]);
    const channelBody = {
      name: 'Sinch EU',
      projectId: 'project',
      appId: 'app',
      keyId: 'key',
      keySecret: 'key secret 1',
      webhookSecret: 'hook secret 1',
      region: 'eu',
      carries: ['SMS', 'WHATSAPP'],
      queueId: returns.id,
    } as const;
    const channel = track('createChannel', ok(await call('createChannel', { token: adam.token, body: channelBody }))).channel;
    expect(JSON.stringify(channel)).not.toContain('secret 1');
    const { keySecret: _k, webhookSecret: _w, ...kept } = channelBody;
    expect(track('updateChannel', ok(await call('updateChannel', { token: adam.token, params: { id: channel.id }, body: { ...kept, enabled: false } }))).channel.enabled).toBe(false);
    expect(track('adminChannels', ok(await call('adminChannels', { token: adam.token }))).channels.map((c) => c.name)).toEqual(['Sinch EU']);
    expect(ok(await call('adminAudit', { token: adam.token })).entries.slice(0, 2).map((e) => e.action)).toEqual(['channel.disabled', 'channel.created']);
    expect(track('webchatIdentity', ok(await call('webchatIdentity', { token: adam.token }))).identity.configured).toBe(false);
    const generated = track('generateWebchatSecret', ok(await call('generateWebchatSecret', { token: adam.token })));
    expect(track('revealWebchatSecret', ok(await call('revealWebchatSecret', { token: adam.token }))).secret).toBe(generated.secret);
    const ben = await login('ben');
    track('attachmentPolicy', ok(await call('attachmentPolicy', { token: ben.token })));
    track('webchatAttachmentPolicy', ok(await call('webchatAttachmentPolicy', { token: chat.customerToken })));
    const sales = waiting('Sales')[0]!.id;
    ok(await call('pick', { token: ben.token, params: { id: sales } }));
    const agentUpload = await uploadFile('uploadAttachment', ben.token, 'photo.png', PNG, { id: sales });
    if (!agentUpload.ok) throw new Error(JSON.stringify(agentUpload.error));
    checked.add('uploadAttachment');
    expect((await fetchFile(agentUpload.attachment.url)).bytes).toEqual(PNG);
    checked.add('downloadAttachment');
    const customerUpload = await uploadFile('webchatUploadAttachment', chat.customerToken, 'photo.jpg', PNG);
    if (!customerUpload.ok) throw new Error(JSON.stringify(customerUpload.error));
    checked.add('webchatUploadAttachment');
    const own = buildPath(allRoutes.webchatDownloadAttachment.path, { id: customerUpload.attachment.id });
    expect((await fetchFile(own, { token: chat.customerToken })).bytes).toEqual(PNG);
    checked.add('webchatDownloadAttachment');

    // The chat's end: the customer ends it, takes the transcript and rates it; staff read the rating.
    expect(track('webchatFormSettings', ok(await call('webchatFormSettings')))).toEqual({ emailRequired: false });
    expect(track('webchatEnd', ok(await call('webchatEnd', { token: chat.customerToken }))).conversation.state).toBe('ended');
    expect(track('webchatTranscript', ok(await call('webchatTranscript', { token: chat.customerToken }))).text).toContain('Kim Lee:\n  Anyone?');
    mockData.settings.customerChat.surveyEnabled = true;
    expect(track('webchatSurvey', ok(await call('webchatSurvey', { token: chat.customerToken })))).toEqual({ enabled: true, answer: null });
    expect(track('webchatRate', ok(await call('webchatRate', { token: chat.customerToken, body: { rating: 5 } }))).rating.rating).toBe(5);
    expect(track('conversationRating', ok(await call('conversationRating', { token: sara.token, params: { id: chat.conversation.id } }))).rating?.rating).toBe(5);
    const ratings = track('ratingStats', ok(await call('ratingStats', { token: sara.token, query: { today: new Date(Date.now() - 60_000).toISOString() } })));
    expect(ratings.queues.map((q) => q.today)).toEqual([{ average: 5, count: 1 }]);

    // Canned responses: Sara shares one with a file; Ben inserts it into the chat he holds.
    const cannedFile = await uploadFile('uploadCannedAttachment', sara.token, 'hours.png', PNG);
    if (!cannedFile.ok) throw new Error(JSON.stringify(cannedFile.error));
    checked.add('uploadCannedAttachment');
    const shared = track(
      'createCannedResponse',
      ok(await call('createCannedResponse', { token: sara.token, body: { scope: 'shared', shortcut: 'hours', text: 'Hi {{customer.name}}', attachmentIds: [cannedFile.attachment.id] } })),
    ).response;
    expect(shared).toMatchObject({ scope: 'shared', queue: null, shortcut: 'hours', useCount: 0 });
    expect(track('cannedResponses', ok(await call('cannedResponses', { token: ben.token }))).responses.map((r) => r.id)).toContain(shared.id);
    expect(track('useCannedResponse', ok(await call('useCannedResponse', { token: ben.token, params: { id: shared.id } }))).useCount).toBe(1);
    const copied = track(
      'copyCannedAttachment',
      ok(await call('copyCannedAttachment', { token: ben.token, params: { id: sales }, body: { attachmentId: cannedFile.attachment.id } })),
    ).attachment;
    expect(copied).toMatchObject({ fileName: 'hours.png', sha256: cannedFile.attachment.sha256 });
    expect(copied.id).not.toBe(cannedFile.attachment.id);
    const withFile = ok(await call('sendMessage', { token: ben.token, params: { id: sales }, body: { clientMessageId: uuid(), text: 'Our hours', attachmentIds: [copied.id] } }));
    expect(withFile.message.attachments.map((a) => a.fileName)).toEqual(['hours.png']);
    const changed = { shortcut: 'opening-hours', text: 'Hello {{customer.name}}', attachmentIds: [] };
    expect(track('updateCannedResponse', ok(await call('updateCannedResponse', { token: sara.token, params: { id: shared.id }, body: changed }))).response.attachments).toEqual([]);
    track('deleteCannedResponse', ok(await call('deleteCannedResponse', { token: sara.token, params: { id: shared.id } })));

    resetMockData({ workspace: 'empty' });
    expect(ok(await call('setupStatus'))).toEqual({ needsSetup: true });
    const admin = track('setup', ok(await call('setup', { body: { username: 'root', displayName: 'Root Admin', password: 'long enough' } })));
    expect(admin.user.role).toBe('admin');
    expect(ok(await call('login', { body: { username: 'root', password: 'long enough' } })).user.id).toBe(admin.user.id);

    expect([...checked].sort()).toEqual([...ROUTES].sort());
    for (const name of ROUTES) expect(succeeded.has(name), `allRoutes.${name} never answered successfully`).toBe(true);
  });
});

describe('seeded data', () => {
  it('matches the demo seed', async () => {
    expect(mockData.users.map((u) => [u.username, u.displayName, u.role])).toEqual([
      ['anna', 'Anna Lindqvist', 'agent'],
      ['ben', 'Ben Okafor', 'agent'],
      ['sara', 'Sara Moreau', 'supervisor'],
      ['adam', 'Adam Novak', 'admin'],
    ]);
    expect(mockData.customers).toHaveLength(12);
    expect(mockData.conversations.filter((c) => c.state === 'ended')).toHaveLength(24);
    const ben = await login('ben');
    const { conversations } = ok(await call('conversations', { token: ben.token, query: { view: 'picklist' } }));
    expect(conversations).toHaveLength(3);
    const arrived = conversations.map((c) => c.arrivedAt);
    expect(arrived).toEqual([...arrived].sort());
    for (const c of conversations) {
      expect(c.firstMessage?.authorKind).toBe('customer');
      expect(c.destination).toBe(c.queue.address);
    }
  });

  it('lets every demo user log in with password demo, case-insensitively', async () => {
    for (const username of ['anna', 'BEN', ' sara ', 'adam']) {
      expect(ok(await call('login', { body: { username, password: 'demo' } })).token).not.toBe('');
    }
    expect(fail(await call('login', { body: { username: 'anna', password: 'wrong' } }), 401).code).toBe('invalid_credentials');
  });
});

describe('authentication', () => {
  it('answers 401 to an anonymous caller on every non-public route', async () => {
    const id = mockData.conversations[0]!.id;
    // Bodies and queries are validated before authentication, as on the server, so send valid ones.
    const valid: { [R in RouteName]?: CallOptions } = {
      conversations: { query: { view: 'mine' } },
      search: { query: { q: 'refund' } },
      sendMessage: { body: { clientMessageId: uuid(), text: 'Hello' } },
      createNote: { body: { clientNoteId: uuid(), text: 'A note' } },
      saveDraft: { body: { text: 'Half a reply' } },
      setPresence: { body: { state: 'away' } },
      updatePreferences: { body: { conversationSort: 'unread-first' } },
      registerDevice: { body: { kind: 'fcm', token: 'an-fcm-registration-token' } },
      markRead: { body: { seq: 1 } },
      transfer: { body: { target: { kind: 'queue', queueId: uuid() } } },
      reassign: { body: { target: { kind: 'queue', queueId: uuid() } } },
      createQueue: { body: { name: 'Returns', address: 'returns@acme.example', routingMode: 'pick', agentIds: [] } },
      updateQueue: { body: { name: 'Returns', address: 'returns@acme.example', routingMode: 'pick', agentIds: [] } },
      saveQueuePrompts: { body: { prompts: DEFAULT_PROMPTS } },
      createUser: { body: { username: 'carla', password: 'long enough', displayName: 'Carla Diaz', role: 'agent', capacity: 3, queueIds: [] } },
      updateUser: { body: { displayName: 'Carla Diaz', role: 'agent', capacity: 3, queueIds: [], disabled: false } },
      resetPassword: { body: { password: 'long enough' } },
      createChannel: { body: { name: 'Sinch', projectId: 'p', appId: 'a', keyId: 'k', keySecret: 'long secret', webhookSecret: 'long secret', region: 'eu', carries: ['SMS'], queueId: uuid() } },
      updateChannel: { body: { name: 'Sinch', projectId: 'p', appId: 'a', keyId: 'k', region: 'eu', carries: ['SMS'], queueId: uuid() } },
      updateSettings: { body: { agentUploads: mockData.settings.agentUploads, customerUploads: mockData.settings.customerUploads } },
      webchatSend: { body: { clientMessageId: uuid(), text: 'Hello' } },
      createCannedResponse: { body: { scope: 'personal', shortcut: 'thanks', text: 'Thank you!' } },
      updateCannedResponse: { body: { shortcut: 'thanks', text: 'Thank you!' } },
      copyCannedAttachment: { body: { attachmentId: uuid() } },
      end: { body: {} },
      wrapUpCounts: { query: { since: new Date().toISOString() } },
      ratingStats: { query: { today: new Date().toISOString() } },
      webchatRate: { body: { rating: 5 } },
      createWrapUpCode: { body: { name: 'Resolved', allQueues: true, queueIds: [] } },
      updateWrapUpCode: { body: { name: 'Resolved', allQueues: true, queueIds: [], retired: false } },
      setWrapUpRequired: { body: { required: true } },
    };
    for (const name of ROUTES.filter((r) => allRoutes[r].access !== 'public')) {
      const def = allRoutes[name];
      if ('body' in def) expect(valid[name]?.body, `add a valid body for ${name} to this test`).toBeDefined();
      const result = await call(name, { params: def.path.includes(':id') ? { id, messageId: uuid() } : undefined, ...valid[name] });
      expect(fail(result, 401).code, name).toBe('unauthenticated');
    }
  });

  it('keeps the session in a cookie for browsers and forgets it on logout', async () => {
    const anna = await login('anna');
    // No bearer token: the cookie set by login authenticates.
    expect(ok(await call('me')).user.username).toBe('anna');
    ok(await call('logout', { token: anna.token }));
    expect(fail(await call('me', { token: anna.token }), 401).message).toBe('Please log in.');
    expect(fail(await call('me'), 401).code).toBe('unauthenticated');
  });

  it('does not take a staff token as a chat token', async () => {
    const anna = await login('anna');
    const error = fail(await call('webchatConversation', { token: anna.token }), 401);
    expect(error.message).toBe('This chat link is not valid. Start a new chat.');
  });
});

describe('validation', () => {
  it('answers 400 invalid_request naming the bad fields', async () => {
    const login400 = fail(await call('login', { body: { username: '', password: '' } }), 400);
    expect(login400.code).toBe('invalid_request');
    expect(login400.fields).toMatchObject({ username: 'Enter your username', password: 'Enter your password' });
    expect(login400.message).toBe('username: Enter your username');

    const anna = await login('anna');
    const id = waiting('Support')[0]!.id;
    const send400 = fail(await call('sendMessage', { token: anna.token, params: { id }, body: { clientMessageId: 'x', text: '   ' } }), 400);
    expect(send400.fields).toEqual({ clientMessageId: 'clientMessageId must be a UUID', text: 'A message cannot be empty' });

    const query400 = fail(await call('conversations', { token: anna.token }), 400);
    expect(Object.keys(query400.fields ?? {})).toEqual(['view']);
  });

  it('asks an anonymous caller to log in before judging the body, as the server does', async () => {
    const id = waiting('Support')[0]!.id;
    // An origin no login answered, so no session cookie rides along.
    const anonymous = { origin: 'http://anonymous.localhost' };
    expect(fail(await call('sendMessage', { ...anonymous, params: { id }, body: { text: 'no id' } }), 401).code).toBe('unauthenticated');
    const { token } = await login('anna');
    expect(fail(await call('sendMessage', { token, params: { id }, body: { text: 'no id' } }), 400).code).toBe('invalid_request');
  });

  it('refuses a missing body, malformed JSON and unknown content types', async () => {
    expect(fail(await call('login'), 400).fields).toHaveProperty('username');
    expect(fail(await call('login', { raw: { text: '{nope', contentType: 'application/json' } }), 400).message).toBe(
      "Body is not valid JSON but content-type is set to 'application/json'",
    );
    expect(fail(await call('login', { raw: { text: 'a=b', contentType: 'application/x-www-form-urlencoded' } }), 415).code).toBe(
      'invalid_request',
    );
  });

  it('refuses a webchat start into an unknown queue', async () => {
    const error = fail(
      await call('webchatStart', { body: { queueId: 'nope', name: 'Kim', email: 'kim@example.com', text: 'Hi', clientMessageId: uuid() } }),
      400,
    );
    expect(error.fields).toEqual({ queueId: 'This topic is not available. Choose another topic.' });
  });
});

describe('conversations', () => {
  it('shows agents the waiting conversations of their queues only, oldest first', async () => {
    const anna = await login('anna');
    const { conversations } = ok(await call('conversations', { token: anna.token, query: { view: 'picklist' } }));
    expect(conversations.map((c) => c.queue.name)).toEqual(['Support', 'Support']);
    expect(conversations.map((c) => c.customer.name)).toEqual(['Maria Garcia', 'Lukas Becker']);
    expect(ok(await call('conversations', { token: anna.token, query: { view: 'mine' } })).conversations).toEqual([]);
  });

  it('lets exactly one agent pick; the other is told who holds it', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const id = waiting('Support')[0]!.id;
    const picked = ok(await call('pick', { token: anna.token, params: { id } })).conversation;
    expect(picked).toMatchObject({ state: 'picked', agent: { id: anna.user.id, displayName: 'Anna Lindqvist' } });
    // The join is a system line in the thread; the row's preview stays on the customer's words.
    expect(picked.lastMessage).toMatchObject({ authorKind: 'customer' });
    const { messages } = ok(await call('messages', { token: anna.token, params: { id } }));
    expect(messages.at(-1)).toMatchObject({ authorKind: 'system', text: 'Anna Lindqvist joined the conversation.' });

    const error = fail(await call('pick', { token: ben.token, params: { id } }), 409);
    expect(error).toEqual({
      code: 'already_picked',
      message: 'Anna Lindqvist has already picked this conversation.',
      holder: { id: anna.user.id, displayName: 'Anna Lindqvist' },
    });

    const mine = ok(await call('conversations', { token: anna.token, query: { view: 'mine' } })).conversations;
    expect(mine.map((c) => c.id)).toEqual([id]);
    const picklist = ok(await call('conversations', { token: ben.token, query: { view: 'picklist' } })).conversations;
    expect(picklist.map((c) => c.id)).not.toContain(id);
  });

  it('keeps agents out of other queues and non-agents out of handling', async () => {
    const [anna, sara] = [await login('anna'), await login('sara')];
    const sales = waiting('Sales')[0]!.id;
    expect(fail(await call('conversation', { token: anna.token, params: { id: sales } }), 404).message).toBe(
      'This conversation was not found.',
    );
    expect(fail(await call('pick', { token: anna.token, params: { id: sales } }), 404).code).toBe('not_found');
    expect(fail(await call('conversation', { token: anna.token, params: { id: 'not-a-uuid' } }), 404).code).toBe('not_found');
    // Supervisors read everything but do not pick.
    ok(await call('conversation', { token: sara.token, params: { id: sales } }));
    expect(fail(await call('pick', { token: sara.token, params: { id: sales } }), 403).message).toBe(
      'Only agents can handle conversations.',
    );
  });

  it('lets only the holder write and end', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const id = waiting('Support')[0]!.id;
    const body = { clientMessageId: uuid(), text: 'Hello' };
    expect(fail(await call('sendMessage', { token: anna.token, params: { id }, body }), 409).code).toBe('not_holder');
    expect(fail(await call('end', { token: anna.token, params: { id } }), 409).message).toBe('Pick this conversation before ending it.');

    ok(await call('pick', { token: anna.token, params: { id } }));
    const notHolder = fail(await call('end', { token: ben.token, params: { id } }), 409);
    expect(notHolder).toMatchObject({ code: 'not_holder', holder: { id: anna.user.id } });

    const ended = ok(await call('end', { token: anna.token, params: { id } })).conversation;
    expect(ended).toMatchObject({ state: 'ended', endedBy: 'agent' });
    expect(ended.endedAt).not.toBeNull();
    expect(fail(await call('end', { token: anna.token, params: { id } }), 409).code).toBe('conversation_ended');
    expect(fail(await call('sendMessage', { token: anna.token, params: { id }, body: { clientMessageId: uuid(), text: 'Late' } }), 409).code).toBe(
      'conversation_ended',
    );
    expect(fail(await call('pick', { token: ben.token, params: { id } }), 409).code).toBe('conversation_ended');
  });
});

describe('messages', () => {
  it('sends idempotently by clientMessageId: 201 first, 200 with the same message on a retry', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    const body = { clientMessageId: uuid(), text: '  Let me check that for you.  ' };

    const first = await call('sendMessage', { token: anna.token, params: { id }, body });
    expect(first.status).toBe(201);
    const sent = ok(first);
    expect(sent).toMatchObject({ created: true, message: { authorKind: 'agent', authorName: 'Anna Lindqvist', text: 'Let me check that for you.' } });

    const retry = await call('sendMessage', { token: anna.token, params: { id }, body });
    expect(retry.status).toBe(200);
    expect(ok(retry)).toEqual({ message: sent.message, created: false });

    const { messages } = ok(await call('messages', { token: anna.token, params: { id } }));
    expect(messages.filter((m) => m.clientMessageId === body.clientMessageId)).toHaveLength(1);
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3]);

    // Someone else reusing the id is refused rather than handed anna's message.
    expect(fail(await call('sendMessage', { token: ben.token, params: { id }, body }), 409).code).toBe('duplicate_client_id');
  });

  it('pages back with before and limit, newest page first', async () => {
    const ben = await login('ben');
    const id = waiting('Sales')[0]!.id;
    ok(await call('pick', { token: ben.token, params: { id } }));
    for (let i = 0; i < 5; i++) ok(await call('sendMessage', { token: ben.token, params: { id }, body: { clientMessageId: uuid(), text: `m${i}` } }));
    const newest = ok(await call('messages', { token: ben.token, params: { id }, query: { limit: 3 } }));
    expect(newest.messages.map((m) => m.seq)).toEqual([5, 6, 7]);
    expect(newest.hasMore).toBe(true);
    const older = ok(await call('messages', { token: ben.token, params: { id }, query: { limit: 3, before: 5 } }));
    expect(older.messages.map((m) => m.seq)).toEqual([2, 3, 4]);
    const oldest = ok(await call('messages', { token: ben.token, params: { id }, query: { limit: 3, before: 2 } }));
    expect(oldest).toMatchObject({ hasMore: false, messages: [{ seq: 1 }] });
    expect(fail(await call('messages', { token: ben.token, params: { id }, query: { limit: 0 } }), 400).fields).toHaveProperty('limit');
  });
});

describe('notes', () => {
  it('adds notes idempotently by clientNoteId and lists them newest first, in any state', async () => {
    const [anna, ben, sara] = [await login('anna'), await login('ben'), await login('sara')];
    const id = waiting('Support')[0]!.id;
    const body = { clientNoteId: uuid(), text: ' Customer sounds upset. ' };

    const first = await call('createNote', { token: anna.token, params: { id }, body });
    expect(first.status).toBe(201);
    const note = ok(first).note;
    expect(note).toMatchObject({ conversationId: id, authorId: anna.user.id, authorName: 'Anna Lindqvist', text: 'Customer sounds upset.' });
    const retry = await call('createNote', { token: anna.token, params: { id }, body });
    expect(retry.status).toBe(200);
    expect(ok(retry)).toEqual({ note, created: false });
    expect(fail(await call('createNote', { token: ben.token, params: { id }, body }), 409).code).toBe('duplicate_client_id');

    // Anyone who may view the conversation may write notes, supervisors included, ended or not.
    ok(await call('pick', { token: anna.token, params: { id } }));
    ok(await call('end', { token: anna.token, params: { id } }));
    ok(await call('createNote', { token: sara.token, params: { id }, body: { clientNoteId: uuid(), text: 'Reviewed.' } }));
    const { notes } = ok(await call('notes', { token: ben.token, params: { id } }));
    expect(notes.map((n) => n.text)).toEqual(['Reviewed.', 'Customer sounds upset.']);

    expect(fail(await call('createNote', { token: anna.token, params: { id }, body: { clientNoteId: uuid(), text: ' ' } }), 400).fields).toEqual({
      text: 'A note cannot be empty',
    });
  });

  it('hides notes of conversations the agent may not view', async () => {
    const anna = await login('anna');
    const sales = waiting('Sales')[0]!.id;
    expect(fail(await call('notes', { token: anna.token, params: { id: sales } }), 404).code).toBe('not_found');
    const body = { clientNoteId: uuid(), text: 'x' };
    expect(fail(await call('createNote', { token: anna.token, params: { id: sales }, body }), 404).code).toBe('not_found');
  });
});

describe('customer history', () => {
  // Maria Garcia waits in Support and has two earlier conversations: Support (held by Anna) and
  // Sales (held by Ben).
  const maria = () => waiting('Support')[0]!;

  it("lists the customer's other conversations the requester may view, newest first", async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const annas = ok(await call('customerHistory', { token: anna.token, params: { id: maria().id } }));
    expect(annas.conversations.map((c) => [c.queue.name, c.agent?.displayName])).toEqual([['Support', 'Anna Lindqvist']]);
    expect(annas.nextCursor).toBeNull();

    const bens = ok(await call('customerHistory', { token: ben.token, params: { id: maria().id } })).conversations;
    expect(bens.map((c) => c.queue.name)).toEqual(['Support', 'Sales']);
    expect(bens.every((c) => c.customer.name === 'Maria Garcia' && c.id !== maria().id)).toBe(true);
  });

  it('pages with an opaque cursor that belongs to one order', async () => {
    const sara = await login('sara');
    const id = maria().id;
    const pages: string[][] = [];
    for (const order of ['newest', 'oldest'] as const) {
      const first = ok(await call('customerHistory', { token: sara.token, params: { id }, query: { order, limit: 1 } }));
      expect(first.nextCursor).not.toBeNull();
      const second = ok(await call('customerHistory', { token: sara.token, params: { id }, query: { order, limit: 1, cursor: first.nextCursor! } }));
      expect(second.nextCursor).toBeNull();
      pages.push([...first.conversations, ...second.conversations].map((c) => c.id));
    }
    expect(pages[1]).toEqual([...pages[0]!].reverse());

    const newest = ok(await call('customerHistory', { token: sara.token, params: { id }, query: { limit: 1 } }));
    const wrongOrder = fail(
      await call('customerHistory', { token: sara.token, params: { id }, query: { order: 'oldest', cursor: newest.nextCursor! } }),
      400,
    );
    expect(wrongOrder.fields).toHaveProperty('cursor');
    expect(fail(await call('customerHistory', { token: sara.token, params: { id }, query: { cursor: 'garbage' } }), 400).message).toBe(
      'This page link is not valid. Load the history again from the start.',
    );
  });
});

describe('webchat', () => {
  it('starts a chat that agents see, and lets the customer follow it to its end', async () => {
    const queues = ok(await call('webchatQueues')).queues;
    expect(queues.map((q) => q.name)).toEqual(['Billing', 'Sales', 'Support']);
    const support = queues.find((q) => q.name === 'Support')!;

    const started = await call('webchatStart', {
      body: { queueId: support.id, name: 'Maria G.', email: 'Maria.Garcia@example.com', text: 'Me again!', clientMessageId: uuid() },
    });
    expect(started.status).toBe(201);
    const chat = ok(started);
    expect(chat.conversation).toMatchObject({ state: 'queued', queueName: 'Support', customerName: 'Maria G.', agentName: null });
    expect(chat.message).toMatchObject({ seq: 1, authorKind: 'customer', authorName: 'Maria G.', text: 'Me again!' });

    // A typed email proves nothing: an unverified record of its own, not the known Maria Garcia.
    const maria = mockData.customers.find((c) => c.externalId === 'C-1001')!;
    const anna = await login('anna');
    const picklist = ok(await call('conversations', { token: anna.token, query: { view: 'picklist' } })).conversations;
    const mine = picklist.find((c) => c.id === chat.conversation.id)!;
    expect(mine).toMatchObject({ source: 'Maria.Garcia@example.com', destination: 'support@acme.example', customer: { name: 'Maria G.', verified: false, externalId: null } });
    expect(mine.customer.id).not.toBe(maria.id);
    expect(ok(await call('customerHistory', { token: anna.token, params: { id: mine.id } })).conversations).toEqual([]);
    // Staff never see the customer's client id.
    expect(mine.firstMessage?.clientMessageId).toBeNull();
    expect(picklist.at(-1)!.id).toBe(chat.conversation.id);

    ok(await call('pick', { token: anna.token, params: { id: chat.conversation.id } }));
    expect(ok(await call('webchatConversation', { token: chat.customerToken })).conversation).toMatchObject({
      state: 'picked',
      agentName: 'Anna Lindqvist',
    });

    const body = { clientMessageId: uuid(), text: 'Are you there?' };
    expect((await call('webchatSend', { token: chat.customerToken, body })).status).toBe(201);
    expect((await call('webchatSend', { token: chat.customerToken, body })).status).toBe(200);
    const thread = ok(await call('webchatMessages', { token: chat.customerToken })).messages;
    expect(thread.map((m) => m.authorKind)).toEqual(['customer', 'system', 'customer']);

    ok(await call('end', { token: anna.token, params: { id: chat.conversation.id } }));
    const late = fail(await call('webchatSend', { token: chat.customerToken, body: { clientMessageId: uuid(), text: 'Hello?' } }), 409);
    expect(late).toEqual({ code: 'conversation_ended', message: 'This chat has ended. Start a new one to write again.' });
    // The retry of a message sent before the end still gets its first answer.
    expect((await call('webchatSend', { token: chat.customerToken, body })).status).toBe(200);
  });

  it('joins a signed start to the verified customer and refuses a forged one', async () => {
    const [adam, sara] = [await login('adam'), await login('sara')];
    const support = mockData.queues.find((q) => q.name === 'Support')!.id;
    const body = (patch: object) => ({ queueId: support, name: 'Maria', email: 'maria@example.com', text: 'Hi', clientMessageId: uuid(), ...patch });
    expect(fail(await call('webchatStart', { body: body({ customerId: 'C-1001', signature: '0'.repeat(64) }) }), 403).code).toBe('invalid_signature');

    const { secret } = ok(await call('generateWebchatSecret', { token: adam.token }));
    expect(JSON.stringify(ok(await call('webchatIdentity', { token: adam.token })))).not.toContain(secret);
    expect(ok(await call('revealWebchatSecret', { token: adam.token })).secret).toBe(secret);
    expect(fail(await call('revealWebchatSecret', { token: sara.token }), 403).code).toBe('forbidden');
    expect(JSON.stringify(ok(await call('settings', { token: adam.token })))).not.toContain(secret);

    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode('C-1001')));
    const signature = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(fail(await call('webchatStart', { body: body({ customerId: 'C-1002', signature }) }), 403).code).toBe('invalid_signature');
    const verified = body({ customerId: 'C-1001', signature });
    const started = ok(await call('webchatStart', { body: verified }));
    const seen = ok(await call('conversation', { token: sara.token, params: { id: started.conversation.id } })).conversation;
    expect(seen.customer).toMatchObject({ name: 'Maria Garcia', verified: true, externalId: 'C-1001' });
    expect(ok(await call('customerHistory', { token: sara.token, params: { id: seen.id } })).conversations.length).toBeGreaterThan(0);

    // The same start again is a retry: the same conversation; another body with its id is refused.
    const retry = await call('webchatStart', { body: verified });
    expect(retry.status).toBe(200);
    expect(ok(retry).conversation.id).toBe(started.conversation.id);
    expect(fail(await call('webchatStart', { body: { ...verified, text: 'Other' } }), 409).code).toBe('duplicate_client_id');
  });

  it('answers 401 to an unknown chat token', async () => {
    expect(fail(await call('webchatMessages', { token: 'made-up' }), 401).code).toBe('unauthenticated');
  });
});

describe('setup', () => {
  it('refuses a second admin once the workspace has users', async () => {
    const error = fail(await call('setup', { body: { username: 'eve', displayName: 'Eve', password: 'long enough' } }), 409);
    expect(error.code).toBe('setup_done');
  });
});

describe('transfers', () => {
  const userId = (username: string) => mockData.users.find((u) => u.username === username)!.id;
  const sales = () => mockData.queues.find((q) => q.name === 'Sales')!.id;
  const picklistIds = async (token: string) =>
    ok(await call('conversations', { token, query: { view: 'picklist' } })).conversations.map((c) => c.id);

  it("moves a conversation into another queue's picklists, with the note as an internal note", async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    const moved = ok(await call('transfer', { token: anna.token, params: { id }, body: { target: { kind: 'queue', queueId: sales() }, note: ' Wants a discount. ' } }));
    expect(moved.conversation).toMatchObject({
      state: 'queued',
      agent: null,
      reservedFor: null,
      queue: { name: 'Sales' },
      destination: 'sales@acme.example',
    });
    const { messages } = ok(await call('messages', { token: ben.token, params: { id } }));
    expect(messages.at(-1)).toMatchObject({ authorKind: 'system', text: 'You are being transferred to the Sales team.' });
    expect(moved.conversation.lastMessage?.authorKind).toBe('customer');
    expect(moved.transfer).toMatchObject({
      from: { id: anna.user.id, displayName: 'Anna Lindqvist' },
      fromQueue: { name: 'Support' },
      toQueue: { name: 'Sales' },
      toAgent: null,
      note: 'Wants a discount.',
    });
    expect(moved.conversation.lastTransfer).toEqual(moved.transfer);

    expect(await picklistIds(ben.token)).toContain(id);
    expect(await picklistIds(anna.token)).not.toContain(id);
    // Anna serves Support only, but may still read what she handed on.
    expect(ok(await call('transfers', { token: anna.token, params: { id } })).transfers).toEqual([moved.transfer]);
    expect(ok(await call('notes', { token: ben.token, params: { id } })).notes.map((n) => n.text)).toEqual(['Wants a discount.']);
    expect(fail(await call('pick', { token: anna.token, params: { id } }), 403).message).toBe('You do not serve this queue.');
    expect(ok(await call('pick', { token: ben.token, params: { id } })).conversation).toMatchObject({ state: 'picked', lastTransfer: moved.transfer });
  });

  it('reserves a conversation transferred to an agent for that agent alone', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    const { conversation } = ok(await call('transfer', { token: anna.token, params: { id }, body: { target: { kind: 'agent', agentId: ben.user.id } } }));
    expect(conversation).toMatchObject({
      state: 'queued',
      queue: { name: 'Support' },
      reservedFor: { id: ben.user.id, displayName: 'Ben Okafor' },
      lastTransfer: { toAgent: { id: ben.user.id }, toQueue: null, note: null },
    });
    const { messages } = ok(await call('messages', { token: ben.token, params: { id } }));
    expect(messages.at(-1)).toMatchObject({ text: 'You are being transferred to another agent.' });
    expect(await picklistIds(ben.token)).toContain(id);
    expect(await picklistIds(anna.token)).not.toContain(id);
    expect(fail(await call('pick', { token: anna.token, params: { id } }), 403).message).toBe(
      'This conversation was transferred to Ben Okafor; only they can pick it.',
    );
    expect(ok(await call('pick', { token: ben.token, params: { id } })).conversation).toMatchObject({ agent: { id: ben.user.id }, reservedFor: null });
  });

  it('refuses non-holders, ended conversations and targets that cannot receive', async () => {
    const [anna, ben, sara] = [await login('anna'), await login('ben'), await login('sara')];
    const id = waiting('Support')[0]!.id;
    const body = { target: { kind: 'queue', queueId: sales() } } as const;
    expect(fail(await call('transfer', { token: anna.token, params: { id }, body }), 409).message).toBe('Pick this conversation before transferring it.');
    ok(await call('pick', { token: ben.token, params: { id } }));
    expect(fail(await call('transfer', { token: anna.token, params: { id }, body }), 409)).toEqual({
      code: 'not_holder',
      message: 'Ben Okafor holds this conversation.',
      holder: { id: ben.user.id, displayName: 'Ben Okafor' },
    });
    expect(fail(await call('transfer', { token: sara.token, params: { id }, body }), 403).code).toBe('forbidden');

    const invalid = async (target: unknown) => fail(await call('transfer', { token: ben.token, params: { id }, body: { target } }), 400);
    expect((await invalid({ kind: 'queue', queueId: uuid() })).fields).toEqual({ 'target.queueId': 'Unknown queue' });
    expect((await invalid({ kind: 'agent', agentId: uuid() })).fields).toEqual({ 'target.agentId': 'Unknown agent' });
    expect((await invalid({ kind: 'agent', agentId: ben.user.id })).message).toBe('You cannot transfer a conversation to yourself. Choose another agent.');
    expect((await invalid({ kind: 'agent', agentId: sara.user.id })).message).toBe('Sara Moreau is not an agent. Choose an agent.');
    expect((await invalid({ kind: 'team' })).fields).toHaveProperty(['target.kind']);

    // Anna logged in above; once she is logged out everywhere, she cannot receive.
    mockData.loggedInElsewhere.clear();
    for (const [token, session] of mockData.sessions) if (session.userId === userId('anna')) mockData.sessions.delete(token);
    expect((await invalid({ kind: 'agent', agentId: userId('anna') })).message).toBe('Anna Lindqvist is not logged in. Choose an agent who is.');

    ok(await call('end', { token: ben.token, params: { id } }));
    expect(fail(await call('transfer', { token: ben.token, params: { id }, body }), 409).code).toBe('conversation_ended');
  });

  it('offers every queue and the logged-in agents other than me', async () => {
    const anna = await login('anna');
    const targets = ok(await call('transferTargets', { token: anna.token }));
    expect(targets.queues.map((q) => q.name)).toEqual(['Billing', 'Sales', 'Support']);
    expect(targets.agents).toEqual([{ id: userId('ben'), displayName: 'Ben Okafor', queueIds: mockData.users.find((u) => u.username === 'ben')!.queueIds }]);
    mockData.loggedInElsewhere.clear();
    expect(ok(await call('transferTargets', { token: anna.token })).agents).toEqual([]);
    await login('ben');
    expect(ok(await call('transferTargets', { token: anna.token })).agents.map((a) => a.displayName)).toEqual(['Ben Okafor']);
  });
});

describe('handled conversations', () => {
  it('lists the ended conversations I held, last ended first, searchable and paged', async () => {
    const anna = await login('anna');
    const all = ok(await call('handledConversations', { token: anna.token }));
    expect(all.nextCursor).toBeNull();
    expect(all.conversations.length).toBeGreaterThan(5);
    expect(all.conversations.every((c) => c.state === 'ended' && c.agent?.id === anna.user.id)).toBe(true);
    const ended = all.conversations.map((c) => c.endedAt!);
    expect(ended).toEqual([...ended].sort().reverse());

    const maria = ok(await call('handledConversations', { token: anna.token, query: { search: 'MARIA.GARCIA' } })).conversations;
    expect(maria.length).toBeGreaterThan(0);
    expect(maria.every((c) => c.customer.name === 'Maria Garcia')).toBe(true);
    expect(ok(await call('handledConversations', { token: anna.token, query: { search: '%' } })).conversations).toEqual([]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { sort: 'arrived', order: 'oldest', limit: 4, ...(cursor ? { cursor } : {}) };
      const page = ok(await call('handledConversations', { token: anna.token, query }));
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    const byArrival = [...all.conversations].sort((a, b) => a.arrivedAt.localeCompare(b.arrivedAt)).map((c) => c.id);
    expect(seen).toEqual(byArrival);

    const first = ok(await call('handledConversations', { token: anna.token, query: { limit: 1 } }));
    const wrong = fail(await call('handledConversations', { token: anna.token, query: { sort: 'arrived', cursor: first.nextCursor! } }), 400);
    expect(wrong.fields).toHaveProperty('cursor');

    const sara = await login('sara');
    const everything = ok(await call('handledConversations', { token: sara.token, query: { limit: 100 } })).conversations;
    expect(everything).toHaveLength(mockData.conversations.filter((c) => c.state === 'ended').length);
  });

  it('includes what I transferred away once it has ended', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    ok(await call('transfer', { token: anna.token, params: { id }, body: { target: { kind: 'agent', agentId: ben.user.id } } }));
    const ids = async () => ok(await call('handledConversations', { token: anna.token, query: { limit: 100 } })).conversations.map((c) => c.id);
    expect(await ids()).not.toContain(id);
    ok(await call('pick', { token: ben.token, params: { id } }));
    ok(await call('end', { token: ben.token, params: { id } }));
    expect(await ids()).toContain(id);
  });
});

describe('attachments', () => {
  const policy = (allowedTypes: Attachment['fileType'][], maxFileSizeBytes = 1024) => ({ allowedTypes, maxFileSizeBytes, maxImagePixels: 40_000_000 });

  it("lets only admins change the policies, and applies each to its own uploaders", async () => {
    const [anna, sara, adam] = [await login('anna'), await login('sara'), await login('adam')];
    const body = { agentUploads: policy(['pdf']), customerUploads: policy(['png', 'jpg']) };
    for (const who of [anna, sara]) {
      expect(fail(await call('updateSettings', { token: who.token, body }), 403).code).toBe('forbidden');
      expect(fail(await call('settings', { token: who.token }), 403).code).toBe('forbidden');
    }
    expect(fail(await call('updateSettings', { token: adam.token, body: { ...body, agentUploads: policy(['exe' as never]) } }), 400).fields).toHaveProperty(
      ['agentUploads.allowedTypes.0'],
    );
    const saved = ok(await call('updateSettings', { token: adam.token, body })).settings;
    expect(saved).toMatchObject({ ...body, updatedBy: { id: adam.user.id } });
    expect(ok(await call('attachmentPolicy', { token: anna.token })).policy).toEqual(body.agentUploads);

    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    const refused = await uploadFile('uploadAttachment', anna.token, 'photo.png', PNG, { id });
    expect(refused).toMatchObject({
      status: 400,
      error: { code: 'type_not_allowed', message: '"photo.png" was refused: PNG files are not accepted from agents. Allowed types: PDF.' },
    });
    const queue = mockData.queues.find((q) => q.name === 'Support')!;
    const chat = ok(await call('webchatStart', { body: { queueId: queue.id, name: 'Kim', email: 'kim@example.com', text: 'Hi', clientMessageId: uuid() } }));
    expect(ok(await call('webchatAttachmentPolicy', { token: chat.customerToken })).policy).toEqual(body.customerUploads);
    expect((await uploadFile('webchatUploadAttachment', chat.customerToken, 'photo.png', PNG)).status).toBe(201);
  });

  it('refuses bad files like the server: markup, empty, too large, unknown and unlisted types', async () => {
    const anna = await login('anna');
    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    const cases: [string, Uint8Array, number, string][] = [
      ['page.html', new TextEncoder().encode('<html></html>'), 400, 'type_not_allowed'],
      ['logo.png', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 400, 'type_not_allowed'],
      ['empty.png', new Uint8Array(0), 400, 'empty_file'],
      ['big.png', new Uint8Array(10 * 1024 * 1024 + 1), 413, 'file_too_large'],
      ['tool.exe', PNG, 400, 'type_not_allowed'],
      ['report.pdf', PNG, 400, 'type_not_allowed'],
    ];
    for (const [name, bytes, status, code] of cases) {
      const result = await uploadFile('uploadAttachment', anna.token, name, bytes, { id });
      expect(result, name).toMatchObject({ status, error: { code } });
    }
    const big = await uploadFile('uploadAttachment', anna.token, 'big.png', new Uint8Array(10 * 1024 * 1024 + 1), { id });
    expect(big).toMatchObject({ error: { message: '"big.png" was refused: files can be at most 10 MB.' } });
  });

  it('sends files with a message idempotently; only the uploader sees them before', async () => {
    const [anna, sara] = [await login('anna'), await login('sara')];
    const id = waiting('Support')[0]!.id;
    ok(await call('pick', { token: anna.token, params: { id } }));
    const upload = await uploadFile('uploadAttachment', anna.token, 'scan.png', PNG, { id });
    if (!upload.ok) throw new Error('upload failed');
    const fileUrl = buildPath(allRoutes.downloadAttachment.path, { id: upload.attachment.id });
    expect((await fetchFile(fileUrl, { token: sara.token })).error?.code).toBe('not_found');

    const body = { clientMessageId: uuid(), text: '', attachmentIds: [upload.attachment.id] };
    const first = await call('sendMessage', { token: anna.token, params: { id }, body });
    expect(first.status).toBe(201);
    const sent = ok(first).message;
    expect(sent.attachments).toEqual([upload.attachment]);
    const retry = await call('sendMessage', { token: anna.token, params: { id }, body });
    expect(retry.status).toBe(200);
    expect(ok(retry).message).toEqual(sent);
    expect(fail(await call('sendMessage', { token: anna.token, params: { id }, body: { ...body, clientMessageId: uuid() } }), 400).code).toBe(
      'attachment_unavailable',
    );
    expect(fail(await call('sendMessage', { token: anna.token, params: { id }, body: { clientMessageId: uuid(), text: ' ' } }), 400).fields).toEqual({
      text: 'A message cannot be empty',
    });

    const seen = await fetchFile(fileUrl, { token: sara.token });
    expect(seen.bytes).toEqual(PNG);
    expect(seen.response.headers.get('content-disposition')).toBe(`inline; filename="scan.png"; filename*=UTF-8''scan.png`);
    expect(seen.response.headers.get('x-content-type-options')).toBe('nosniff');
    const part = await fetchFile(sent.attachments[0]!.url, { headers: { range: 'bytes=8-15' } });
    expect(part.response.status).toBe(206);
    expect(part.response.headers.get('content-range')).toBe(`bytes 8-15/${PNG.length}`);
    expect(part.bytes).toEqual(PNG.subarray(8, 16));
    // A link with another signature is no link.
    expect((await fetchFile(sent.attachments[0]!.url.replace('sig=mock', 'sig=forged'))).error?.code).toBe('not_found');
  });

  it("has the demo's receipt in Maria's first earlier conversation", async () => {
    const ben = await login('ben');
    const receipt = [...mockData.attachments.values()][0]!;
    expect(receipt.attachment).toMatchObject({ fileName: 'receipt.png', kind: 'image', width: 16, height: 12 });
    const { messages } = ok(await call('messages', { token: ben.token, params: { id: receipt.conversationId! } }));
    expect(messages[0]!.attachments.map((a) => a.id)).toEqual([receipt.attachment.id]);
    const png = await fetchFile(receipt.attachment.url);
    expect(png.response.headers.get('content-type')).toBe('image/png');
    expect(png.bytes?.length).toBe(receipt.attachment.sizeBytes);
  });
});

describe('presence and offers', () => {
  const record = (id: string) => mockData.conversations.find((c) => c.id === id)!;
  const offersOf = async (token: string) => ok(await call('conversations', { token, query: { view: 'offers' } })).conversations.map((c) => c.id);

  it('makes an agent available by logging in, and lets only agents choose a presence', async () => {
    const anna = await login('anna');
    expect(ok(await call('presence', { token: anna.token })).presence).toMatchObject({ state: 'available', reason: null });
    expect(ok(await call('setPresence', { token: anna.token, body: { state: 'away' } })).presence.state).toBe('away');
    expect(fail(await call('setPresence', { token: anna.token, body: { state: 'offline' } }), 400).fields).toHaveProperty('state');
    const sara = await login('sara');
    expect(fail(await call('setPresence', { token: sara.token, body: { state: 'busy' } }), 403).message).toBe(
      'Only agents set a presence; nothing is offered to supervisors or admins.',
    );
  });

  it('offers a new conversation to the available agent who has waited longest, outside every picklist', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    // Ben became available after Anna, so Anna has waited longer.
    mockData.agentStates.get(anna.user.id)!.idleSince = '2024-01-01T00:00:00.000Z';
    const id = await startBillingChat();
    expect(record(id)).toMatchObject({ state: 'offered', offeredToId: anna.user.id });
    const [conversation] = ok(await call('conversations', { token: anna.token, query: { view: 'offers' } })).conversations;
    expect(conversation!.offer!.agent).toEqual({ id: anna.user.id, displayName: 'Anna Lindqvist' });
    expect(Date.parse(conversation!.offer!.expiresAt) - Date.now()).toBeGreaterThan(25_000);
    expect(await offersOf(ben.token)).toEqual([]);
    for (const who of [anna, ben]) {
      expect(ok(await call('conversations', { token: who.token, query: { view: 'picklist' } })).conversations.map((c) => c.id)).not.toContain(id);
    }
    // Nobody picks an offer: it is the offered agent's to accept.
    expect(fail(await call('pick', { token: ben.token, params: { id } }), 409).message).toBe(
      'This conversation is offered to Anna Lindqvist right now. It comes back to the picklist if they do not accept it.',
    );
    expect(fail(await call('pick', { token: anna.token, params: { id } }), 409).message).toBe('This conversation is offered to you: accept it to take it.');
    // Presence and capacity count: busy agents and full ones get nothing.
    ok(await call('setPresence', { token: ben.token, body: { state: 'busy' } }));
    mockData.agentStates.get(anna.user.id)!.capacity = 1;
    const next = await startBillingChat('Lee Kim');
    expect(record(next).state).toBe('queued');
    expect(ok(await call('presence', { token: anna.token }))).toMatchObject({ capacity: 1, load: 1 });
  });

  it('passes a rejected offer to the next agent, and to the picklist when nobody is left', async () => {
    const [anna, ben] = [await login('anna'), await login('ben')];
    mockData.agentStates.get(anna.user.id)!.idleSince = '2024-01-01T00:00:00.000Z';
    const id = await startBillingChat();
    const afterAnna = ok(await call('reject', { token: anna.token, params: { id } })).conversation;
    expect(afterAnna.offer?.agent.id).toBe(ben.user.id);
    expect(await offersOf(ben.token)).toEqual([id]);
    // Anna's answer is late now.
    expect(fail(await call('accept', { token: anna.token, params: { id } }), 409)).toEqual({
      code: 'offer_expired',
      message: 'This offer has ended: the conversation is offered to another agent now.',
    });
    const afterBen = ok(await call('reject', { token: ben.token, params: { id } })).conversation;
    expect(afterBen).toMatchObject({ state: 'queued', offer: null });
    expect(ok(await call('conversations', { token: anna.token, query: { view: 'picklist' } })).conversations.map((c) => c.id)).toContain(id);
    expect(mockData.offers.filter((o) => o.conversationId === id).map((o) => o.outcome)).toEqual(['rejected', 'rejected']);
    ok(await call('pick', { token: anna.token, params: { id } }));
  });

  it('refuses an expired offer, passes it on, and sets an agent who misses too many to away', async () => {
    const anna = await login('anna');
    mockData.settings.routing.maxMissedOffers = 2;
    for (let missed = 1; missed <= 2; missed++) {
      const id = await startBillingChat(`Late ${missed}`);
      record(id).offerExpiresAt = new Date(Date.now() - 1).toISOString();
      expect(fail(await call('accept', { token: anna.token, params: { id } }), 409)).toEqual({
        code: 'offer_expired',
        message: 'This offer has ended: the conversation waits in the picklist.',
      });
    }
    expect(ok(await call('presence', { token: anna.token })).presence).toMatchObject({ state: 'away', reason: 'missed_offers' });
    expect(mockData.offers.map((o) => o.outcome)).toEqual(['expired', 'expired']);
    // Away: nothing more is offered until she is available again, which offers what waits.
    const waitingId = await startBillingChat('Patient');
    expect(record(waitingId).state).toBe('queued');
    const back = ok(await call('setPresence', { token: anna.token, body: { state: 'available' } }));
    expect(back.presence).toMatchObject({ state: 'available', reason: null });
    expect(await offersOf(anna.token)).toHaveLength(1);
  });

  it('withdraws an open offer when the agent steps away, and accepting twice answers the same', async () => {
    const anna = await login('anna');
    const id = await startBillingChat();
    ok(await call('setPresence', { token: anna.token, body: { state: 'busy' } }));
    expect(record(id)).toMatchObject({ state: 'queued', offeredToId: null });
    expect(mockData.offers.at(-1)!.outcome).toBe('withdrawn');
    ok(await call('setPresence', { token: anna.token, body: { state: 'available' } }));
    // Whoever was offered it in this round is passed over: it waits for a pick.
    expect(fail(await call('accept', { token: anna.token, params: { id } }), 409).message).toBe('This offer has ended: the conversation waits in the picklist.');
    const next = await startBillingChat('Lee Kim');
    const accepted = ok(await call('accept', { token: anna.token, params: { id: next } })).conversation;
    expect(accepted).toMatchObject({ state: 'picked', agent: { id: anna.user.id }, offer: null });
    expect(ok(await call('accept', { token: anna.token, params: { id: next } })).conversation.id).toBe(next);
    expect(fail(await call('reject', { token: anna.token, params: { id: next } }), 409).message).toBe('You have already accepted this conversation.');
  });
});

describe('read markers and preferences', () => {
  it('counts customer messages after my marker, moves it forward only and never past the end', async () => {
    const anna = await login('anna');
    const sara = await login('sara');
    const id = waiting('Support')[0]!.id;
    const unreadOf = async () => ok(await call('unread', { token: anna.token })).mine;
    const before = await unreadOf();
    ok(await call('pick', { token: anna.token, params: { id } }));
    ok(await call('sendMessage', { token: anna.token, params: { id }, body: { clientMessageId: uuid(), text: 'Hello!' } }));
    // The customer's first message; the join message and Anna's own are never unread.
    expect(await unreadOf()).toEqual({ conversations: before.conversations + 1, messages: before.messages + 1 });
    expect(ok(await call('markRead', { token: anna.token, params: { id }, body: { seq: 2 } })).read).toEqual({ conversationId: id, lastReadSeq: 2, unreadCount: 0 });
    expect(ok(await call('markRead', { token: anna.token, params: { id }, body: { seq: 1 } })).read.lastReadSeq).toBe(2);
    expect(ok(await call('markRead', { token: anna.token, params: { id }, body: { seq: 999 } })).read.lastReadSeq).toBe(3);
    // A supervisor's reading is their own; a conversation of another queue does not exist for Anna.
    ok(await call('markRead', { token: sara.token, params: { id }, body: { seq: 0 } }));
    expect(await unreadOf()).toEqual(before);
    const sales = waiting('Sales')[0]!.id;
    expect(fail(await call('markRead', { token: anna.token, params: { id: sales }, body: { seq: 1 } }), 404).code).toBe('not_found');
    expect(fail(await call('markRead', { token: anna.token, params: { id }, body: { seq: -1 } }), 400).fields).toHaveProperty('seq');
  });

  it('keeps the waiting fields of a conversation in step with its messages', async () => {
    const anna = await login('anna');
    const id = waiting('Support')[0]!.id;
    const first = mockData.messages.get(id)![0]!;
    const picked = ok(await call('pick', { token: anna.token, params: { id } })).conversation;
    expect(picked).toMatchObject({ lastCustomerMessageAt: first.createdAt, awaitingReplySince: first.createdAt });
    ok(await call('sendMessage', { token: anna.token, params: { id }, body: { clientMessageId: uuid(), text: 'Hi' } }));
    expect(ok(await call('conversation', { token: anna.token, params: { id } })).conversation).toMatchObject({
      lastCustomerMessageAt: first.createdAt,
      awaitingReplySince: null,
    });
  });

  it('starts from the defaults and changes only what a PUT names', async () => {
    const anna = await login('anna');
    expect(ok(await call('preferences', { token: anna.token })).preferences).toEqual(DEFAULT_PREFERENCES);
    ok(await call('updatePreferences', { token: anna.token, body: { notifications: { sound: true } } }));
    const { preferences } = ok(await call('updatePreferences', { token: anna.token, body: { conversationSort: 'waiting-longest' } }));
    expect(preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      conversationSort: 'waiting-longest',
      notifications: { ...DEFAULT_PREFERENCES.notifications, sound: true },
      sidePanel: DEFAULT_PREFERENCES.sidePanel,
      language: null,
    });
    expect(fail(await call('updatePreferences', { token: anna.token, body: { conversationSort: 'random' } }), 400).fields).toHaveProperty('conversationSort');
    // Each user has their own.
    expect(ok(await call('preferences', { token: (await login('ben')).token })).preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it('lets every staff member read the routing settings, and keeps them when an older client saves the policies', async () => {
    const ben = await login('ben');
    expect(ok(await call('routingSettings', { token: ben.token })).routing).toEqual(DEFAULT_ROUTING_SETTINGS);
    const adam = await login('adam');
    const routing = { ...DEFAULT_ROUTING_SETTINGS, replyTimeLimitSeconds: 300 };
    const policies = { agentUploads: mockData.settings.agentUploads, customerUploads: mockData.settings.customerUploads };
    ok(await call('updateSettings', { token: adam.token, body: { ...policies, routing } }));
    ok(await call('updateSettings', { token: adam.token, body: policies }));
    expect(ok(await call('routingSettings', { token: ben.token })).routing).toEqual(routing);
    expect(fail(await call('updateSettings', { token: adam.token, body: { ...policies, routing: { ...routing, offerTimeoutSeconds: 1 } } }), 400).fields).toHaveProperty(
      'routing.offerTimeoutSeconds',
    );
  });

  it("gives the admin's System Configurator the routing settings to edit, and saves them with the policies", async () => {
    const adam = await login('adam');
    const before = ok(await call('settings', { token: adam.token })).settings;
    expect(before.routing).toEqual(DEFAULT_ROUTING_SETTINGS);
    const routing = { offerTimeoutSeconds: 45, maxMissedOffers: 5, lostAgentGraceSeconds: 90, waitingLimitSeconds: 90, replyTimeLimitSeconds: 600, pushKeepChatsMinutes: 30 };
    const body = { agentUploads: before.agentUploads, customerUploads: before.customerUploads, routing };
    const saved = ok(await call('updateSettings', { token: adam.token, body })).settings;
    expect(saved).toMatchObject({ routing, updatedBy: { id: adam.user.id } });
    expect(ok(await call('settings', { token: adam.token })).settings.routing).toEqual(routing);

    // A refused save names each bad field and changes nothing.
    const refused = fail(
      await call('updateSettings', { token: adam.token, body: { ...body, routing: { ...routing, maxMissedOffers: 1.5, replyTimeLimitSeconds: 86_401 } } }),
      400,
    );
    expect(refused.fields).toEqual({ 'routing.maxMissedOffers': 'A whole number', 'routing.replyTimeLimitSeconds': 'At most 24 hours' });
    expect(ok(await call('settings', { token: adam.token })).settings.routing).toEqual(routing);
  });
});

describe('supervision and administration', () => {
  const SUPERVISION = ['queueDashboard', 'agentStatuses', 'openConversations', 'auditTrail', 'reassign'] as const;
  const ADMIN = ['adminQueues', 'createQueue', 'updateQueue', 'queuePrompts', 'saveQueuePrompts', 'adminUsers', 'createUser', 'updateUser', 'resetPassword', 'adminAudit'] as const;
  const bodies: { [R in RouteName]?: unknown } = {
    reassign: { target: { kind: 'queue', queueId: uuid() } },
    createQueue: { name: 'Returns', address: 'returns@acme.example', routingMode: 'pick', agentIds: [] },
    updateQueue: { name: 'Returns', address: 'returns@acme.example', routingMode: 'pick', agentIds: [] },
    saveQueuePrompts: { prompts: DEFAULT_PROMPTS },
    createUser: { username: 'carla', password: 'long enough', displayName: 'Carla Diaz', role: 'agent', capacity: 3, queueIds: [] },
    updateUser: { displayName: 'Carla Diaz', role: 'agent', capacity: 3, queueIds: [], disabled: false },
    resetPassword: { password: 'long enough' },
  };
  const id = () => mockData.conversations.find((c) => c.state === 'queued')!.id;

  it('answers 403 to agents on every supervision and admin route, and to supervisors on admin routes', async () => {
    const anna = await login('anna');
    const sara = await login('sara');
    for (const name of [...SUPERVISION, ...ADMIN]) {
      const error = fail(await call(name, { token: anna.token, params: { id: id() }, body: bodies[name] }), 403);
      expect(error.code, name).toBe('forbidden');
    }
    for (const name of ADMIN) {
      expect(fail(await call(name, { token: sara.token, params: { id: id() }, body: bodies[name] }), 403).message, name).toBe('Only admins can manage queues and users.');
    }
    ok(await call('queueDashboard', { token: sara.token }));
  });

  it('logs a disabled user out everywhere and keeps them out until enabled again', async () => {
    const adam = await login('adam');
    const ben = await login('ben');
    const user = ok(await call('adminUsers', { token: adam.token })).users.find((u) => u.username === 'ben')!;
    const change = (disabled: boolean) =>
      call('updateUser', { token: adam.token, params: { id: user.id }, body: { displayName: user.displayName, role: user.role, capacity: user.capacity, queueIds: user.queueIds, disabled } });
    ok(await change(true));
    expect(fail(await call('me', { token: ben.token }), 401).code).toBe('unauthenticated');
    expect(fail(await call('login', { body: { username: 'ben', password: 'demo' } }), 403).message).toBe('This account is disabled. Ask an admin.');
    expect(ok(await call('agentStatuses', { token: adam.token })).agents.map((a) => a.username)).toEqual(['anna']);
    ok(await change(false));
    ok(await call('login', { body: { username: 'ben', password: 'demo' } }));
  });

  it('names the field a save was refused for: a taken name, address or username, my own account', async () => {
    const adam = await login('adam');
    const queue = { name: 'support', address: 'new@acme.example', routingMode: 'pick', agentIds: [] };
    expect(fail(await call('createQueue', { token: adam.token, body: queue }), 400).fields).toEqual({ name: 'A queue named support already exists. Choose another name.' });
    expect(fail(await call('createQueue', { token: adam.token, body: { ...queue, name: 'New', address: 'SALES@acme.example' } }), 400).fields).toEqual({
      address: 'Another queue already uses SALES@acme.example. Choose another address.',
    });
    const taken = { ...(bodies.createUser as object), username: 'anna' };
    expect(fail(await call('createUser', { token: adam.token, body: taken }), 400).fields).toEqual({ username: 'The username anna is taken. Choose another one.' });
    const me = ok(await call('adminUsers', { token: adam.token })).users.find((u) => u.username === 'adam')!;
    const self = { displayName: me.displayName, role: me.role, capacity: me.capacity, queueIds: [], disabled: true };
    expect(fail(await call('updateUser', { token: adam.token, params: { id: me.id }, body: self }), 400).fields).toEqual({
      disabled: 'You cannot disable your own account. Ask another admin.',
    });
  });
});
