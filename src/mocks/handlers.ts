import {
  delay,
  http,
  HttpResponse,
  matchRequestUrl,
  type HttpCustomPredicate,
  type HttpHandler,
  type HttpResponseResolver,
  type PathParams,
} from 'msw';
import { z } from 'zod';
import { api, type Api, type HttpMethod, type RouteDef, type RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import type { ApiErrorBody, ErrorCode } from '../contract/errors';
import type { HistoryOrder } from '../contract/history';
import { HISTORY_PAGE_SIZE, MESSAGE_PAGE_SIZE } from '../contract/limits';
import type { Message } from '../contract/messages';
import type { CustomerConversation } from '../contract/webchat';
import {
  appendMessage,
  appendNote,
  findConversation,
  findUser,
  messagesOf,
  mockData,
  notesOf,
  toConversation,
  type ConversationRecord,
} from './data';

/*
 * MSW handlers for every route of `api`, answering like src/server does: the same status codes,
 * error codes and messages, the same order of checks (body and query are validated before
 * authentication, as the server's defineRoute does), the same rules for who may see, pick, end
 * and write. Keep them in step with the server when its behaviour changes.
 */

const SESSION_COOKIE = 'cp_session';
const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;
/** Fastify's bodyLimit in src/server/app.ts. */
const BODY_LIMIT_BYTES = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class MockApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ApiErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

const notFound = (what: string) => new MockApiError(404, 'not_found', `${what} was not found.`);

// ---------------------------------------------------------------------------------------------
// Route plumbing: the mock counterpart of src/server/http/define-route.ts.

type Def<R extends RouteName> = Api[R];
type SchemaOf<D, K extends 'body' | 'query'> = D extends { [P in K]: infer S extends z.ZodType } ? S : undefined;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What the client sends as the body of route R. */
export type MockRequestBody<R extends RouteName> =
  SchemaOf<Def<R>, 'body'> extends z.ZodType ? z.input<SchemaOf<Def<R>, 'body'>> : never;
/** What route R answers: its contract response, or an API error. */
export type MockResponseBody<R extends RouteName> = z.output<Def<R>['response']> | ApiErrorBody;

interface RouteContext<R extends RouteName> {
  body: Parsed<SchemaOf<Def<R>, 'body'>>;
  query: Parsed<SchemaOf<Def<R>, 'query'>>;
  params: Record<string, string>;
  request: Request;
  cookies: Record<string, string>;
  /** Defaults to 200. */
  setStatus(status: number): void;
  /** Headers to add to a successful answer (Set-Cookie). */
  headers: Headers;
}

/** Parses input with a contract schema; a failure is a 400 naming each bad field (as the server's parseInput). */
function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || what;
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === what ? first[1] : `${first[0]}: ${first[1]}`) : `Invalid ${what}.`;
  throw new MockApiError(400, 'invalid_request', message, { fields });
}

/** The body as Fastify would hand it to the route: JSON, plain text, or nothing. */
async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!contentType) return undefined;
  if (new TextEncoder().encode(text).length > BODY_LIMIT_BYTES) {
    throw new MockApiError(413, 'invalid_request', 'Request body is too large');
  }
  if (contentType === 'application/json') {
    if (text === '') throw new MockApiError(400, 'invalid_request', "Body cannot be empty when content-type is set to 'application/json'");
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new MockApiError(400, 'invalid_request', "Body is not valid JSON but content-type is set to 'application/json'");
    }
  }
  if (contentType === 'text/plain') return text;
  if (text === '') return undefined;
  throw new MockApiError(415, 'invalid_request', 'Unsupported Media Type');
}

const METHODS: Record<HttpMethod, typeof http.get> = {
  GET: http.get,
  POST: http.post,
  PUT: http.put,
  PATCH: http.patch,
  DELETE: http.delete,
};

/**
 * Matches a path pattern (`:id` segments allowed) at the root of whatever origin the request went
 * to. A bare path would not do: msw/node has no page origin to resolve it against. Nor would a
 * `*` prefix: it also matches Vite's modules, e.g. /src/features/auth/api/login.ts in the browser.
 * Use it for per-test overrides too: `server.use(http.post(onPath(api.pick.path), ...))`.
 */
export function onPath(path: string): HttpCustomPredicate<PathParams> {
  return ({ request }) => {
    const url = new URL(request.url);
    const { matches, params } = matchRequestUrl(url, path, url.origin);
    return { matches, params: params ?? {} };
  };
}

function route<R extends RouteName>(name: R, run: (ctx: RouteContext<R>) => z.input<Def<R>['response']>): HttpHandler {
  const def: RouteDef = api[name];
  type Resolver = HttpResponseResolver<PathParams, MockRequestBody<R>, MockResponseBody<R>>;
  // The cast only bridges MSW's conditional return type, which TypeScript cannot resolve for a
  // generic R; `run` and the response parse below are what tie the answer to the contract.
  const resolver = (async ({ request, params, cookies }: Parameters<Resolver>[0]) => {
    // A realistic 100–400 ms in the browser (so loading states show), 5 ms in Node.
    await delay();
    try {
      const rawBody = def.method === 'GET' ? undefined : await readBody(request);
      const body = def.body ? parseInput(def.body, rawBody, 'body') : undefined;
      const query = def.query
        ? parseInput(def.query, Object.fromEntries(new URL(request.url).searchParams), 'query')
        : undefined;
      let status = 200;
      const headers = new Headers();
      const result = run({
        body: body as RouteContext<R>['body'],
        query: query as RouteContext<R>['query'],
        params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
        request,
        cookies,
        setStatus: (s) => (status = s),
        headers,
      });
      // Like the server, never answer something the contract does not promise.
      const checked = def.response.parse(result) as z.output<Def<R>['response']>;
      return HttpResponse.json<MockResponseBody<R>>(checked, { status, headers });
    } catch (err) {
      if (err instanceof MockApiError) return HttpResponse.json<MockResponseBody<R>>(err.toBody(), { status: err.status });
      console.error(`[mocks] ${def.method} ${def.path} failed`, err);
      return HttpResponse.json<MockResponseBody<R>>(
        { code: 'internal', message: 'Something went wrong on the server. Please try again.' },
        { status: 500 },
      );
    }
  }) as Resolver;
  return METHODS[def.method]<PathParams, MockRequestBody<R>, MockResponseBody<R>>(onPath(def.path), resolver);
}

// ---------------------------------------------------------------------------------------------
// Sessions and tokens.

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/**
 * Logs the user in: a bearer token for API clients and the session cookie for browsers. The
 * cookie is not HttpOnly here because MSW hands it to `document.cookie`, which refuses HttpOnly.
 */
function startSession(ctx: { headers: Headers }, user: User) {
  const token = newToken();
  mockData.sessions.set(token, user.id);
  ctx.headers.append(
    'Set-Cookie',
    `${SESSION_COOKIE}=${token}; Path=/; SameSite=Strict; Max-Age=${SESSION_MAX_AGE_SECONDS}`,
  );
  return { token, user: structuredClone(user) };
}

/** Who is calling: enough of the route context to authenticate. */
type Caller = Pick<RouteContext<RouteName>, 'request' | 'cookies'>;

/** The logged-in staff member, from the bearer token (API clients) or the session cookie (browsers). */
function requireStaff(ctx: Caller): { user: User; token: string } {
  const token = bearerToken(ctx.request) ?? ctx.cookies[SESSION_COOKIE];
  const userId = token ? mockData.sessions.get(token) : undefined;
  const user = userId ? findUser(userId) : null;
  if (!token || !user) throw new MockApiError(401, 'unauthenticated', 'Please log in.');
  return { user, token };
}

function requireCustomer(ctx: Caller): { conversationId: string; customerId: string } {
  const token = bearerToken(ctx.request);
  const conversationId = token ? mockData.customerTokens.get(token) : undefined;
  const record = conversationId ? findConversation(conversationId) : null;
  if (!record) throw new MockApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
  return { conversationId: record.id, customerId: record.customerId };
}

// ---------------------------------------------------------------------------------------------
// Conversation rules, as src/server/conversations/conversation-service.ts.

/** Code-unit order, like PostgreSQL's for ISO times and lower-case uuids (localeCompare may skip the dashes). */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byArrival = (a: ConversationRecord, b: ConversationRecord) =>
  binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id);

/** Agents see conversations of their queues and those they hold or held; supervisors and admins see all. */
const canView = (user: User, c: ConversationRecord) =>
  user.role !== 'agent' || user.queueIds.includes(c.queueId) || c.agentId === user.id;

/** The conversation if the user may see it; otherwise 404, so its existence is not revealed. */
function viewConversation(user: User, id: string): ConversationRecord {
  const record = UUID.test(id) ? findConversation(id) : null;
  if (!record || !canView(user, record)) throw notFound('This conversation');
  return record;
}

function requireAgent(user: User) {
  if (user.role !== 'agent') throw new MockApiError(403, 'forbidden', 'Only agents can handle conversations.');
}

const systemMessage = (text: string) =>
  ({ clientMessageId: null, authorKind: 'system', authorId: null, authorName: 'System', text }) as const;

function pick(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (!user.queueIds.includes(record.queueId)) throw new MockApiError(403, 'forbidden', 'You do not serve this queue.');
  if (record.state !== 'queued' && record.state !== 'offered') {
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
    const holder = record.agentId ? toConversation(record).agent : null;
    if (holder) {
      throw new MockApiError(409, 'already_picked', `${holder.displayName} has already picked this conversation.`, { holder });
    }
    throw new MockApiError(409, 'not_holder', 'You do not hold this conversation. Pick it first.');
  }
  Object.assign(record, { state: 'picked', agentId: user.id, pickedAt: new Date().toISOString() });
  appendMessage(record.id, systemMessage(`${user.displayName} joined the conversation.`));
  return toConversation(record);
}

function end(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (record.state !== 'picked' || record.agentId !== user.id) {
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
    const holder = toConversation(record).agent;
    if (holder && holder.id !== user.id) {
      throw new MockApiError(409, 'not_holder', `${holder.displayName} holds this conversation.`, { holder });
    }
    throw new MockApiError(409, 'not_holder', 'Pick this conversation before ending it.');
  }
  Object.assign(record, { state: 'ended', endedAt: new Date().toISOString(), endedBy: 'agent' });
  appendMessage(record.id, systemMessage(`${user.displayName} ended the conversation.`));
  return toConversation(record);
}

/** Appends a message once per client id: a retry returns the first result, before any other check. */
function sendMessage(
  record: ConversationRecord,
  input: Pick<Message, 'authorKind' | 'authorId' | 'authorName' | 'text'> & { clientMessageId: string },
  allowed: (record: ConversationRecord) => void,
): { message: Message; created: boolean } {
  const existing = messagesOf(record.id).find((m) => m.clientMessageId === input.clientMessageId);
  if (existing) {
    if (existing.authorKind !== input.authorKind || existing.authorId !== input.authorId) {
      throw new MockApiError(409, 'duplicate_client_id', 'This message id was already used by someone else.');
    }
    return { message: structuredClone(existing), created: false };
  }
  allowed(record);
  return { message: appendMessage(record.id, input), created: true };
}

function listMessages(conversationId: string, before: number | undefined, limit: number) {
  const older = messagesOf(conversationId).filter((m) => before === undefined || m.seq < before);
  return { messages: structuredClone(older.slice(-limit)), hasMore: older.length > limit };
}

// ---------------------------------------------------------------------------------------------
// The customer's history, as src/server/history: pages by arrival, with an opaque cursor holding
// the last row's key and the order it belongs to.

const CursorSchema = z.object({
  o: z.enum(['newest', 'oldest']),
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  i: z.uuid(),
});

/** The server's sort key has microseconds; mock times have milliseconds, so pad them the same way. */
const arrivalKey = (c: ConversationRecord) => `${c.arrivedAt.slice(0, -1)}000Z`;

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
}

const invalidCursor = (message: string) =>
  new MockApiError(400, 'invalid_request', message, { fields: { cursor: message } });

function decodeCursor(cursor: string, order: HistoryOrder): { t: string; i: string } {
  let parsed: z.infer<typeof CursorSchema> | null = null;
  try {
    const result = CursorSchema.safeParse(JSON.parse(fromBase64url(cursor)));
    parsed = result.success ? result.data : null;
  } catch {
    parsed = null;
  }
  if (!parsed) throw invalidCursor('This page link is not valid. Load the history again from the start.');
  if (parsed.o !== order) {
    throw invalidCursor('This page link belongs to another sort order. Load the history again from the start.');
  }
  return parsed;
}

function customerHistory(
  user: User,
  current: ConversationRecord,
  query: { order: HistoryOrder; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? HISTORY_PAGE_SIZE;
  const after = query.cursor ? decodeCursor(query.cursor, query.order) : null;
  const sign = query.order === 'newest' ? -1 : 1;
  const compare = (t: string, i: string, c: ConversationRecord) =>
    sign * (binary(arrivalKey(c), t) || binary(c.id, i));
  const rows = mockData.conversations
    .filter((c) => c.customerId === current.customerId && c.id !== current.id && canView(user, c))
    .filter((c) => !after || compare(after.t, after.i, c) > 0)
    .sort((a, b) => compare(arrivalKey(b), b.id, a));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations: page.map(toConversation),
    nextCursor:
      rows.length > limit && last
        ? base64url(JSON.stringify({ o: query.order, t: arrivalKey(last), i: last.id }))
        : null,
  };
}

function toCustomerConversation(c: Conversation): CustomerConversation {
  return {
    id: c.id,
    queueName: c.queue.name,
    state: c.state,
    customerName: c.customer.name,
    agentName: c.agent?.displayName ?? null,
    arrivedAt: c.arrivedAt,
    endedAt: c.endedAt,
  };
}

function ownConversation(conversationId: string): ConversationRecord {
  const record = findConversation(conversationId);
  if (!record) throw notFound('This chat');
  return record;
}

// ---------------------------------------------------------------------------------------------
// The routes. The mapped type makes a route of `api` without a handler a type error.

export const routeHandlers: { [R in RouteName]: HttpHandler } = {
  health: route('health', () => ({ status: 'ok', database: 'pglite' })),

  setupStatus: route('setupStatus', () => ({ needsSetup: mockData.users.length === 0 })),

  setup: route('setup', (ctx) => {
    if (mockData.users.length > 0) {
      throw new MockApiError(409, 'setup_done', 'This workspace already has an admin. Log in instead.');
    }
    const user: User = {
      id: crypto.randomUUID(),
      username: ctx.body.username,
      displayName: ctx.body.displayName,
      role: 'admin',
      queueIds: [],
    };
    mockData.users.push(user);
    mockData.passwords.set(user.id, ctx.body.password);
    return startSession(ctx, user);
  }),

  login: route('login', (ctx) => {
    const user = mockData.users.find((u) => u.username === ctx.body.username.toLowerCase());
    if (!user || mockData.passwords.get(user.id) !== ctx.body.password) {
      throw new MockApiError(401, 'invalid_credentials', 'Wrong username or password.');
    }
    return startSession(ctx, user);
  }),

  logout: route('logout', (ctx) => {
    const { token } = requireStaff(ctx);
    mockData.sessions.delete(token);
    ctx.headers.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
    return { ok: true };
  }),

  me: route('me', (ctx) => ({ user: structuredClone(requireStaff(ctx).user) })),

  queues: route('queues', (ctx) => {
    const { user } = requireStaff(ctx);
    const queues = mockData.queues.filter((q) => user.role !== 'agent' || user.queueIds.includes(q.id));
    return { queues: structuredClone(queues).sort(byName) };
  }),

  conversations: route('conversations', (ctx) => {
    const { user } = requireStaff(ctx);
    const records =
      ctx.query.view === 'picklist'
        ? mockData.conversations.filter(
            (c) => (c.state === 'queued' || c.state === 'offered') && (user.role !== 'agent' || user.queueIds.includes(c.queueId)),
          )
        : mockData.conversations.filter((c) => c.state === 'picked' && c.agentId === user.id);
    return { conversations: [...records].sort(byArrival).map(toConversation) };
  }),

  conversation: route('conversation', (ctx) => {
    const { user } = requireStaff(ctx);
    return { conversation: toConversation(viewConversation(user, ctx.params.id!)) };
  }),

  pick: route('pick', (ctx) => ({ conversation: pick(requireStaff(ctx).user, ctx.params.id!) })),

  end: route('end', (ctx) => ({ conversation: end(requireStaff(ctx).user, ctx.params.id!) })),

  messages: route('messages', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    return listMessages(record.id, ctx.query.before, ctx.query.limit ?? MESSAGE_PAGE_SIZE);
  }),

  sendMessage: route('sendMessage', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    const result = sendMessage(
      record,
      {
        clientMessageId: ctx.body.clientMessageId,
        authorKind: 'agent',
        authorId: user.id,
        authorName: user.displayName,
        text: ctx.body.text,
      },
      // Agents write only into conversations they hold and that are still open.
      (c) => {
        if (c.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has ended.');
        if (c.state !== 'picked' || c.agentId !== user.id) {
          throw new MockApiError(409, 'not_holder', 'Pick this conversation before writing in it.');
        }
      },
    );
    ctx.setStatus(result.created ? 201 : 200);
    return result;
  }),

  // Whoever may view a conversation may read and add its notes, in any state (wrap-up notes come
  // after the end); customers never reach these routes.
  notes: route('notes', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    // Newest first. Insertion order breaks ties: mock times have only milliseconds.
    return { notes: structuredClone(notesOf(record.id)).reverse() };
  }),

  createNote: route('createNote', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    const existing = notesOf(record.id).find((n) => n.clientNoteId === ctx.body.clientNoteId);
    if (existing) {
      if (existing.authorId !== user.id) {
        throw new MockApiError(409, 'duplicate_client_id', 'This note id was already used by someone else.');
      }
      return { note: structuredClone(existing), created: false };
    }
    const note = appendNote(record.id, {
      clientNoteId: ctx.body.clientNoteId,
      authorId: user.id,
      authorName: user.displayName,
      text: ctx.body.text,
    });
    ctx.setStatus(201);
    return { note, created: true };
  }),

  customerHistory: route('customerHistory', (ctx) => {
    const { user } = requireStaff(ctx);
    return customerHistory(user, viewConversation(user, ctx.params.id!), ctx.query);
  }),

  webchatQueues: route('webchatQueues', () => ({
    queues: [...mockData.queues].sort(byName).map((q) => ({ id: q.id, name: q.name })),
  })),

  webchatStart: route('webchatStart', (ctx) => {
    const { body } = ctx;
    const queue = mockData.queues.find((q) => q.id === body.queueId);
    if (!queue) {
      throw new MockApiError(400, 'invalid_request', 'This queue does not exist. Choose another one.', {
        fields: { queueId: 'Unknown queue' },
      });
    }
    // Returning customers keep one record, so agents see their earlier conversations.
    let customer = mockData.customers.find((c) => c.email?.toLowerCase() === body.email.toLowerCase());
    // The stored name is kept, as on the server.
    if (!customer) {
      customer = { id: crypto.randomUUID(), name: body.name, email: body.email, phone: null };
      mockData.customers.push(customer);
    }
    const record: ConversationRecord = {
      id: crypto.randomUUID(),
      customerId: customer.id,
      queueId: queue.id,
      channel: 'webchat',
      source: body.email,
      destination: queue.address,
      state: 'queued',
      arrivedAt: new Date().toISOString(),
      agentId: null,
      pickedAt: null,
      endedAt: null,
      endedBy: null,
    };
    mockData.conversations.push(record);
    const message = appendMessage(record.id, {
      clientMessageId: body.clientMessageId,
      authorKind: 'customer',
      authorId: customer.id,
      authorName: customer.name,
      text: body.text,
    });
    const customerToken = newToken();
    mockData.customerTokens.set(customerToken, record.id);
    ctx.setStatus(201);
    return { customerToken, conversation: toCustomerConversation(toConversation(record)), message };
  }),

  webchatConversation: route('webchatConversation', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    return { conversation: toCustomerConversation(toConversation(ownConversation(conversationId))) };
  }),

  webchatMessages: route('webchatMessages', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    return listMessages(conversationId, ctx.query.before, ctx.query.limit ?? MESSAGE_PAGE_SIZE);
  }),

  webchatSend: route('webchatSend', (ctx) => {
    const { conversationId, customerId } = requireCustomer(ctx);
    const record = ownConversation(conversationId);
    const result = sendMessage(
      record,
      {
        clientMessageId: ctx.body.clientMessageId,
        authorKind: 'customer',
        authorId: customerId,
        authorName: toConversation(record).customer.name,
        text: ctx.body.text,
      },
      (c) => {
        if (c.state === 'ended') {
          throw new MockApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to write again.');
        }
      },
    );
    ctx.setStatus(result.created ? 201 : 200);
    return result;
  }),
};

/**
 * Any other /api request gets the server's not-found answer (src/server/app.ts), rather than
 * falling through to Vite's index.html. It is logged, since the contract has no such route.
 */
export const notFoundHandler = http.all(onPath('/api/*'), ({ request }) => {
  const { pathname } = new URL(request.url);
  console.error(`[mocks] ${request.method} ${pathname} is not a route of the API contract (src/contract/api.ts).`);
  return HttpResponse.json<ApiErrorBody>(
    { code: 'not_found', message: `No route for ${request.method} ${pathname}.` },
    { status: 404 },
  );
});

/** Every contract route, then the not-found answer. */
export const handlers: HttpHandler[] = [...Object.values(routeHandlers), notFoundHandler];
