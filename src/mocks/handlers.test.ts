import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { api, buildPath, type Api, type RouteName } from '../contract/api';
import { UploadAttachmentResponseSchema, type Attachment } from '../contract/attachments';
import { ApiErrorSchema, type ApiErrorBody } from '../contract/errors';
import { mockData, resetMockData } from './data';
import { handlers, notFoundHandler, routeHandlers } from './handlers';
import { server } from './node';

// msw/node has no page origin, so requests need an absolute URL; the handlers match any origin.
const BASE = 'http://localhost';
const ROUTES = Object.keys(api) as RouteName[];

interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  token?: string;
  /** Raw body text, sent as-is with the given content type. */
  raw?: { text: string; contentType: string };
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
  const def = api[name];
  const url = new URL(buildPath(def.path, opts.params), BASE);
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
async function uploadFile(name: 'uploadAttachment' | 'webchatUploadAttachment', token: string, fileName: string, bytes: Uint8Array, params?: Record<string, string>) {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  const response = await fetch(new URL(buildPath(api[name].path, params), BASE), {
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
const waiting = (queueName: string) =>
  mockData.conversations.filter(
    (c) => c.state === 'queued' && mockData.queues.find((q) => q.id === c.queueId)?.name === queueName,
  );

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetMockData());
afterAll(() => server.close());

describe('mock handlers cover the contract', () => {
  it('has exactly one handler per api route, with its method and path', async () => {
    const requestFor = (name: RouteName, origin = BASE) =>
      new Request(new URL(buildPath(api[name].path, { id: crypto.randomUUID() }), origin), { method: api[name].method });
    for (const name of ROUTES) {
      const handler = routeHandlers[name];
      expect(handler, `no mock handler for api.${name}`).toBeDefined();
      expect(handler.info.method).toBe(api[name].method);
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
    expect(track('setupStatus', ok(await call('setupStatus')))).toEqual({ needsSetup: false });

    const anna = track('login', await login('anna'));
    expect(anna.user.displayName).toBe('Anna Lindqvist');
    track('me', ok(await call('me', { token: anna.token })));
    expect(track('queues', ok(await call('queues', { token: anna.token }))).queues.map((q) => q.name)).toEqual(['Support']);

    const picklist = track('conversations', ok(await call('conversations', { token: anna.token, query: { view: 'picklist' } })));
    const first = picklist.conversations[0]!;
    track('conversation', ok(await call('conversation', { token: anna.token, params: { id: first.id } })));
    track('pick', ok(await call('pick', { token: anna.token, params: { id: first.id } })));
    track('sendMessage', ok(await call('sendMessage', { token: anna.token, params: { id: first.id }, body: { clientMessageId: uuid(), text: 'Hi!' } })));
    track('messages', ok(await call('messages', { token: anna.token, params: { id: first.id } })));
    track('createNote', ok(await call('createNote', { token: anna.token, params: { id: first.id }, body: { clientNoteId: uuid(), text: 'Asked for the order number.' } })));
    track('notes', ok(await call('notes', { token: anna.token, params: { id: first.id } })));
    track('saveDraft', ok(await call('saveDraft', { token: anna.token, params: { id: first.id }, body: { text: 'Let me check' } })));
    expect(track('draft', ok(await call('draft', { token: anna.token, params: { id: first.id } }))).draft.text).toBe('Let me check');
    track('customerHistory', ok(await call('customerHistory', { token: anna.token, params: { id: first.id } })));
    track('end', ok(await call('end', { token: anna.token, params: { id: first.id } })));
    track('handledConversations', ok(await call('handledConversations', { token: anna.token })));
    const targets = track('transferTargets', ok(await call('transferTargets', { token: anna.token })));
    const second = picklist.conversations[1]!;
    ok(await call('pick', { token: anna.token, params: { id: second.id } }));
    const target = { kind: 'agent', agentId: targets.agents[0]!.id } as const;
    track('transfer', ok(await call('transfer', { token: anna.token, params: { id: second.id }, body: { target, note: 'Over to you.' } })));
    track('transfers', ok(await call('transfers', { token: anna.token, params: { id: second.id } })));
    track('logout', ok(await call('logout', { token: anna.token })));

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
    const own = buildPath(api.webchatDownloadAttachment.path, { id: customerUpload.attachment.id });
    expect((await fetchFile(own, { token: chat.customerToken })).bytes).toEqual(PNG);
    checked.add('webchatDownloadAttachment');

    resetMockData({ workspace: 'empty' });
    expect(ok(await call('setupStatus'))).toEqual({ needsSetup: true });
    const admin = track('setup', ok(await call('setup', { body: { username: 'root', displayName: 'Root Admin', password: 'long enough' } })));
    expect(admin.user.role).toBe('admin');
    expect(ok(await call('login', { body: { username: 'root', password: 'long enough' } })).user.id).toBe(admin.user.id);

    expect([...checked].sort()).toEqual([...ROUTES].sort());
    for (const name of ROUTES) expect(succeeded.has(name), `api.${name} never answered successfully`).toBe(true);
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
      sendMessage: { body: { clientMessageId: uuid(), text: 'Hello' } },
      createNote: { body: { clientNoteId: uuid(), text: 'A note' } },
      saveDraft: { body: { text: 'Half a reply' } },
      transfer: { body: { target: { kind: 'queue', queueId: uuid() } } },
      updateSettings: { body: { agentUploads: mockData.settings.agentUploads, customerUploads: mockData.settings.customerUploads } },
      webchatSend: { body: { clientMessageId: uuid(), text: 'Hello' } },
    };
    for (const name of ROUTES.filter((r) => api[r].access !== 'public')) {
      const def = api[name];
      if ('body' in def) expect(valid[name]?.body, `add a valid body for ${name} to this test`).toBeDefined();
      const result = await call(name, { params: def.path.includes(':id') ? { id } : undefined, ...valid[name] });
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

  it('validates the body before authenticating, as the server does', async () => {
    const id = waiting('Support')[0]!.id;
    expect(fail(await call('sendMessage', { params: { id }, body: { text: 'no id' } }), 400).code).toBe('invalid_request');
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
    expect(error.fields).toEqual({ queueId: 'Unknown queue' });
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
    expect(picked.lastMessage).toMatchObject({ authorKind: 'system', text: 'Anna Lindqvist joined the conversation.' });

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
    expect(queues.map((q) => q.name)).toEqual(['Sales', 'Support']);
    const support = queues.find((q) => q.name === 'Support')!;

    const started = await call('webchatStart', {
      body: { queueId: support.id, name: 'Maria G.', email: 'Maria.Garcia@example.com', text: 'Me again!', clientMessageId: uuid() },
    });
    expect(started.status).toBe(201);
    const chat = ok(started);
    expect(chat.conversation).toMatchObject({ state: 'queued', queueName: 'Support', customerName: 'Maria Garcia', agentName: null });
    expect(chat.message).toMatchObject({ seq: 1, authorKind: 'customer', authorName: 'Maria Garcia', text: 'Me again!' });

    // A returning customer keeps one record and the name agents already know.
    const maria = mockData.customers.filter((c) => c.email?.toLowerCase() === 'maria.garcia@example.com');
    expect(maria).toHaveLength(1);

    const anna = await login('anna');
    const picklist = ok(await call('conversations', { token: anna.token, query: { view: 'picklist' } })).conversations;
    const mine = picklist.find((c) => c.id === chat.conversation.id)!;
    expect(mine).toMatchObject({ source: 'Maria.Garcia@example.com', destination: 'support@acme.example', customer: { id: maria[0]!.id } });
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
      lastMessage: { authorKind: 'system', text: 'You are being transferred to the Sales team.' },
    });
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
      lastMessage: { text: 'You are being transferred to another agent.' },
    });
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
    for (const [token, user] of mockData.sessions) if (user === userId('anna')) mockData.sessions.delete(token);
    expect((await invalid({ kind: 'agent', agentId: userId('anna') })).message).toBe('Anna Lindqvist is not logged in. Choose an agent who is.');

    ok(await call('end', { token: ben.token, params: { id } }));
    expect(fail(await call('transfer', { token: ben.token, params: { id }, body }), 409).code).toBe('conversation_ended');
  });

  it('offers every queue and the logged-in agents other than me', async () => {
    const anna = await login('anna');
    const targets = ok(await call('transferTargets', { token: anna.token }));
    expect(targets.queues.map((q) => q.name)).toEqual(['Sales', 'Support']);
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
  const policy = (allowedTypes: Attachment['fileType'][], maxFileSizeBytes = 1024) => ({ allowedTypes, maxFileSizeBytes });

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
    const fileUrl = buildPath(api.downloadAttachment.path, { id: upload.attachment.id });
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
    const { messages } = ok(await call('messages', { token: ben.token, params: { id: receipt.conversationId } }));
    expect(messages[0]!.attachments.map((a) => a.id)).toEqual([receipt.attachment.id]);
    const png = await fetchFile(receipt.attachment.url);
    expect(png.response.headers.get('content-type')).toBe('image/png');
    expect(png.bytes?.length).toBe(receipt.attachment.sizeBytes);
  });
});
