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
import {
  ATTACHMENT_UPLOAD_FIELD,
  AttachmentDownloadQuerySchema,
  checkFileName,
  checkFileSize,
  checkImagePixels,
  FILE_TYPES,
  INLINE_FILE_TYPES,
  type Attachment,
  type AttachmentPolicy,
} from '../contract/attachments';
import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import type { ApiErrorBody, ErrorCode } from '../contract/errors';
import { contentDisposition, sanitizeFileName } from '../contract/file-names';
import type { HandledSort, HistoryOrder } from '../contract/history';
import { AGENT_CAPACITY_DEFAULT, CONVERSATION_PAGE_MAX, CUSTOMER_UNSENT_FILES_MAX, HISTORY_PAGE_SIZE, MESSAGE_PAGE_SIZE, WEBCHAT_START_REPLAY_WINDOW_SECONDS } from '../contract/limits';
import { messageFor, type Message, type MessageViewer } from '../contract/messages';
import { DEFAULT_PREFERENCES, type Preferences } from '../contract/preferences';
import type { ChosenPresence, MyPresenceResponse, PresenceReason, PresenceState } from '../contract/presence';
import type { ReadState } from '../contract/read-markers';
import type { RoutingSettings } from '../contract/settings';
import type { TransferTarget } from '../contract/transfers';
import { toCustomerConversation, type StartChatRequest } from '../contract/webchat';
import {
  appendMessage,
  appendNote,
  findConversation,
  findUser,
  initialAgentState,
  messagesOf,
  MOCK_LINK_SIGNATURE,
  mockData,
  mockLinks,
  NOT_OFFERED,
  notesOf,
  toConversation,
  toTransfer,
  transfersOf,
  type AgentState,
  type ConversationRecord,
  type OfferRecord,
} from './data';
import { belongsIn, canView as mayView } from '../domain/conversation-rules';
import { UUID_PATTERN as UUID } from '../domain/ids';
import { chooseAgent, type AgentCandidate } from '../domain/offer-routing';
import { isDisabled } from './admin-records';
import { MockApiError, notFound } from './mock-errors';
import { listOrder } from '../contract/list-order';
import { mockPage } from './list-paging';

/*
 * MSW handlers for every route of `api`, answering like src/server does: the same status codes,
 * error codes and messages, the same order of checks (a request without any credential is refused
 * before its body and query are validated, as the server's defineRoute does), the same rules for who may see, pick, end
 * and write. Keep them in step with the server when its behaviour changes.
 */

const SESSION_COOKIE = 'cp_session';
const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;
/** Fastify's bodyLimit in src/server/app.ts. */
const BODY_LIMIT_BYTES = 256 * 1024;
export { UUID };

export { MockApiError, notFound };

// ---------------------------------------------------------------------------------------------
// Route plumbing: the mock counterpart of src/server/http/define-route.ts.

type Def<R extends RouteName> = Api[R];
/** Uploads and downloads: not JSON, so `fileRoute` answers them rather than `route`. */
type FileRouteName = { [R in RouteName]: Def<R> extends { responseFormat: 'binary' } | { bodyFormat: 'multipart' } ? R : never }[RouteName];
type JsonRouteName = Exclude<RouteName, FileRouteName>;
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
  // The server parses multipart bodies (for uploads); a JSON route then finds no body.
  if (contentType === 'multipart/form-data') return undefined;
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
  return ({ request }) => matchPath(request, path);
}

function matchPath(request: Request, path: string) {
  const url = new URL(request.url);
  const { matches, params } = matchRequestUrl(url, path, url.origin);
  return { matches, params: params ?? {} };
}

/**
 * Whether Fastify's router prefers path `a` to path `b` for a URL both match: at the first
 * segment where they differ, a fixed segment wins over a `:parameter`.
 */
function preferred(a: string, b: string): boolean {
  const [as, bs] = [a.split('/'), b.split('/')];
  if (as.length !== bs.length) return false;
  for (let i = 0; i < as.length; i++) {
    const [x, y] = [as[i]!, bs[i]!];
    if (x === y) continue;
    const [xParam, yParam] = [x.startsWith(':'), y.startsWith(':')];
    if (xParam && yParam) continue;
    return !xParam && yParam;
  }
  return false;
}

/**
 * A contract route's matcher. Like the server, a fixed path wins over a parametric one:
 * `/api/conversations/handled` is the history list, not the conversation with id `handled`.
 */
function onRoute(def: RouteDef): HttpCustomPredicate<PathParams> {
  const rivals = (Object.values(api) as RouteDef[]).filter((r) => r.method === def.method && preferred(r.path, def.path));
  return ({ request }) => {
    const own = matchPath(request, def.path);
    if (own.matches && rivals.some((r) => matchPath(request, r.path).matches)) return { matches: false, params: {} };
    return own;
  };
}

export function route<R extends JsonRouteName>(
  name: R,
  run: (ctx: RouteContext<R>) => z.input<Def<R>['response']> | Promise<z.input<Def<R>['response']>>,
): HttpHandler {
  const def: RouteDef = api[name];
  type Resolver = HttpResponseResolver<PathParams, MockRequestBody<R>, MockResponseBody<R>>;
  // The cast only bridges MSW's conditional return type, which TypeScript cannot resolve for a
  // generic R; `run` and the response parse below are what tie the answer to the contract.
  const resolver = (async ({ request, params, cookies }: Parameters<Resolver>[0]) => {
    // A realistic 100–400 ms in the browser (so loading states show), 5 ms in Node.
    await delay();
    try {
      const rawBody = def.method === 'GET' ? undefined : await readBody(request);
      // As the server's defineRoute: a caller without any credential is told to log in before its input is judged.
      requireCredential(def, request, cookies);
      const body = def.body ? parseInput(def.body, rawBody, 'body') : undefined;
      const query = def.query
        ? parseInput(def.query, Object.fromEntries(new URL(request.url).searchParams), 'query')
        : undefined;
      let status = 200;
      const headers = new Headers();
      // The server's sweeper runs every second; here, before each answer (see sweepRouting).
      sweepRouting();
      const result = await run({
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
  return METHODS[def.method]<PathParams, MockRequestBody<R>, MockResponseBody<R>>(onRoute(def), resolver);
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

function requireCredential(def: RouteDef, request: Request, cookies: Record<string, string>) {
  if (def.access === 'staff' && !(bearerToken(request) ?? cookies[SESSION_COOKIE])) throw new MockApiError(401, 'unauthenticated', 'Please log in.');
  if (def.access === 'customer' && !bearerToken(request)) {
    throw new MockApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
  }
}

/** Who is calling: enough of the route context to authenticate. */
type Caller = Pick<RouteContext<RouteName>, 'request' | 'cookies'>;

/** The logged-in staff member, from the bearer token (API clients) or the session cookie (browsers). */
export function requireStaff(ctx: Caller): { user: User; token: string } {
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
export const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byArrival = (a: ConversationRecord, b: ConversationRecord) =>
  binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id);

/** The domain's visibility rule; only the transfers know who gave a conversation away. */
const canView = (user: User, c: ConversationRecord) => mayView(user, c, transfersOf(c.id).some((t) => t.fromAgentId === user.id));

/** The picklist's order: conversations back from a lost agent first, then the oldest. */
const byPicklistOrder = (a: ConversationRecord, b: ConversationRecord) =>
  Number(a.returnedAt === null) - Number(b.returnedAt === null) || byArrival(a, b);

/** The conversation if the user may see it; otherwise 404, so its existence is not revealed. */
function viewConversation(user: User, id: string): ConversationRecord {
  const record = UUID.test(id) ? findConversation(id) : null;
  if (!record || !canView(user, record)) throw notFound('This conversation');
  return record;
}

function requireAdmin(user: User) {
  if (user.role !== 'admin') throw new MockApiError(403, 'forbidden', 'Only admin users can do this.');
}

function requireAgent(user: User) {
  if (user.role !== 'agent') throw new MockApiError(403, 'forbidden', 'Only agents can handle conversations.');
}

export const systemMessage = (text: string) =>
  ({ clientMessageId: null, authorKind: 'system', authorId: null, authorName: 'System', text }) as const;

function pick(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (record.state === 'queued' || record.state === 'offered') {
    if (record.reservedForId && record.reservedForId !== user.id) {
      const name = findUser(record.reservedForId)?.displayName ?? 'Unknown agent';
      throw new MockApiError(403, 'forbidden', `This conversation was transferred to ${name}; only they can pick it.`);
    }
    if (!record.reservedForId && !user.queueIds.includes(record.queueId)) {
      throw new MockApiError(403, 'forbidden', 'You do not serve this queue.');
    }
    // Only a queued conversation can be picked: one being offered is that agent's to accept.
    if (record.state === 'offered') {
      if (record.offeredToId === user.id) throw new MockApiError(409, 'not_holder', 'This conversation is offered to you: accept it to take it.');
      const name = findUser(record.offeredToId!)?.displayName ?? 'Unknown agent';
      throw new MockApiError(
        409,
        'not_holder',
        `This conversation is offered to ${name} right now. It comes back to the picklist if they do not accept it.`,
      );
    }
  } else {
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
    const holder = record.agentId ? toConversation(record).agent : null;
    if (holder) {
      throw new MockApiError(409, 'already_picked', `${holder.displayName} has already picked this conversation.`, { holder });
    }
    throw new MockApiError(409, 'not_holder', 'You do not hold this conversation. Pick it first.');
  }
  Object.assign(record, { state: 'picked', agentId: user.id, reservedForId: null, pickedAt: new Date().toISOString() });
  // New work: the agent goes to the back of the line for offers.
  agentState(user.id).idleSince = new Date().toISOString();
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


// ---------------------------------------------------------------------------------------------
// Presence and offers, as src/server/presence and src/server/routing. The mocks have no realtime
// connections: a session stands for one (login makes an offline agent available, as a socket's
// hello does), and agents are never lost, so nothing is returned to the queue for that reason.

const now = () => new Date().toISOString();

export function agentState(userId: string): AgentState {
  const state = mockData.agentStates.get(userId);
  if (!state) throw new Error(`mock user ${userId} has no presence`);
  return state;
}

/** Conversations held, plus the one offered (the server's load). */
const loadOf = (userId: string) =>
  mockData.conversations.filter((c) => (c.state === 'picked' && c.agentId === userId) || (c.state === 'offered' && c.offeredToId === userId)).length;

function myPresence(userId: string): MyPresenceResponse {
  const state = agentState(userId);
  return { presence: structuredClone(state.presence), capacity: state.capacity, load: loadOf(userId) };
}

function setPresence(userId: string, state: PresenceState, reason: PresenceReason | null, resetMissedOffers: boolean) {
  const agent = agentState(userId);
  // Idle time restarts only on becoming available.
  if (state === 'available' && agent.presence.state !== 'available') agent.idleSince = now();
  agent.presence = { state, since: now(), reason };
  if (resetMissedOffers) agent.missedOffers = 0;
}

const queueOf = (c: ConversationRecord) => mockData.queues.find((q) => q.id === c.queueId)!;

/**
 * Offers a waiting conversation of an offering queue to the agent the domain's routing rule
 * chooses (a session stands for a live connection). Returns whether it was offered.
 */
export function offerConversation(record: ConversationRecord, settings: RoutingSettings): boolean {
  if (record.state !== 'queued' || record.reservedForId || queueOf(record).routingMode !== 'offer') return false;
  const offeredThisRound = new Set(mockData.offers.filter((o) => o.conversationId === record.id && o.round === record.offerRound).map((o) => o.agentId));
  const candidates = mockData.users
    .filter((u) => u.role === 'agent')
    .map((u): AgentCandidate => {
      const state = agentState(u.id);
      return {
        id: u.id,
        presence: state.presence.state,
        capacity: state.capacity,
        load: loadOf(u.id),
        hasOffer: mockData.conversations.some((c) => c.state === 'offered' && c.offeredToId === u.id),
        idleSince: new Date(state.idleSince),
        connected: isLoggedIn(u.id),
        queueIds: u.queueIds,
      };
    });
  const chosen = chooseAgent(candidates, { queueId: record.queueId, offeredThisRound });
  if (!chosen) return false;
  const offeredAt = Date.now();
  const expiresAt = new Date(offeredAt + settings.offerTimeoutSeconds * 1000).toISOString();
  mockData.offers.push({ conversationId: record.id, round: record.offerRound, agentId: chosen.id, offeredAt: new Date(offeredAt).toISOString(), expiresAt, outcome: null });
  Object.assign(record, { state: 'offered', offeredToId: chosen.id, offerExpiresAt: expiresAt });
  return true;
}

export function closeOffer(record: ConversationRecord, agentId: string, outcome: NonNullable<OfferRecord['outcome']>) {
  for (const o of mockData.offers) if (o.conversationId === record.id && o.agentId === agentId && o.outcome === null) o.outcome = outcome;
}

/** Ends the open offer without acceptance: the conversation waits again. */
function endOffer(record: ConversationRecord, outcome: 'rejected' | 'expired' | 'withdrawn') {
  closeOffer(record, record.offeredToId!, outcome);
  Object.assign(record, { state: 'queued', offeredToId: null, offerExpiresAt: null });
}

const offerExpired = (record: ConversationRecord) => record.offerExpiresAt !== null && Date.parse(record.offerExpiresAt) <= Date.now();

/** An offer whose time ran out: a missed offer for its agent (away at the admin's limit), then the next agent. */
function expireOffer(record: ConversationRecord, settings: RoutingSettings) {
  const userId = record.offeredToId!;
  const agent = agentState(userId);
  agent.missedOffers += 1;
  endOffer(record, 'expired');
  if (agent.missedOffers >= settings.maxMissedOffers && agent.presence.state === 'available') {
    setPresence(userId, 'away', 'missed_offers', true);
  }
  offerConversation(record, settings);
}

/**
 * The sweeper's work, done before each answer: expired offers end (the next agent is offered the
 * conversation), then waiting conversations of offering queues are offered — those back from a
 * lost agent first, then the oldest.
 */
export function sweepRouting() {
  const settings = mockData.settings.routing;
  const expired = mockData.conversations
    .filter((c) => c.state === 'offered' && offerExpired(c))
    .sort((a, b) => binary(a.offerExpiresAt!, b.offerExpiresAt!) || binary(a.id, b.id));
  for (const record of expired) expireOffer(record, settings);
  const offerable = mockData.conversations
    .filter((c) => c.state === 'queued' && !c.reservedForId && queueOf(c).routingMode === 'offer')
    .sort((a, b) => byPicklistOrder(a, b) || binary(a.returnedAt ?? '', b.returnedAt ?? ''));
  for (const record of offerable) offerConversation(record, settings);
}

/** Why `user` may not answer the offer of `record` now, or null when it is theirs and still open (offers.ts). */
function offerProblem(record: ConversationRecord, user: User): MockApiError | null {
  if (record.state === 'offered' && record.offeredToId === user.id) {
    return offerExpired(record) ? new MockApiError(409, 'offer_expired', 'This offer has expired. The conversation goes to the next agent.') : null;
  }
  if (record.state === 'ended') return new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (record.state === 'picked' && record.agentId === user.id) return new MockApiError(409, 'offer_expired', 'You have already accepted this conversation.');
  if (record.state === 'picked' && record.agentId) {
    const holder = toConversation(record).agent!;
    return new MockApiError(409, 'offer_expired', `This offer has ended: ${holder.displayName} has the conversation now.`, { holder });
  }
  if (record.state === 'offered') return new MockApiError(409, 'offer_expired', 'This offer has ended: the conversation is offered to another agent now.');
  return new MockApiError(409, 'offer_expired', 'This offer has ended: the conversation waits in the picklist.');
}

/** The offered agent takes the conversation; a retry after a lost answer gets it again. */
function acceptOffer(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (record.state === 'picked' && record.agentId === user.id) return toConversation(record);
  const problem = offerProblem(record, user);
  if (problem) throw problem;
  Object.assign(record, { state: 'picked', agentId: user.id, pickedAt: now(), offeredToId: null, offerExpiresAt: null, reservedForId: null });
  const agent = agentState(user.id);
  agent.idleSince = now();
  agent.missedOffers = 0;
  closeOffer(record, user.id, 'accepted');
  appendMessage(record.id, systemMessage(`${user.displayName} joined the conversation.`));
  return toConversation(record);
}

/** The offered agent declines: offered to the next agent at once, or back to the picklist. */
function rejectOffer(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  const problem = offerProblem(record, user);
  if (problem) throw problem;
  agentState(user.id).missedOffers = 0;
  endOffer(record, 'rejected');
  offerConversation(record, mockData.settings.routing);
  return toConversation(record);
}

/** An agent chooses a presence; leaving "available" withdraws an open offer, which goes to the next agent. */
function choosePresence(user: User, state: ChosenPresence) {
  if (user.role !== 'agent') throw new MockApiError(403, 'forbidden', 'Only agents set a presence; nothing is offered to supervisors or admins.');
  const offered = state === 'available' ? [] : mockData.conversations.filter((c) => c.state === 'offered' && c.offeredToId === user.id);
  const current = agentState(user.id);
  current.missedOffers = 0;
  if (current.presence.state !== state || current.presence.reason !== null) setPresence(user.id, state, null, true);
  for (const record of offered) {
    endOffer(record, 'withdrawn');
    offerConversation(record, mockData.settings.routing);
  }
}

// ---------------------------------------------------------------------------------------------
// Read markers and preferences, as src/server/read-markers and src/server/preferences.

const markerKey = (userId: string, conversationId: string) => `${userId}:${conversationId}`;

function readState(userId: string, record: ConversationRecord): ReadState {
  const lastReadSeq = mockData.readMarkers.get(markerKey(userId, record.id)) ?? 0;
  const unreadCount = messagesOf(record.id).filter((m) => m.authorKind === 'customer' && m.seq > lastReadSeq).length;
  return { conversationId: record.id, lastReadSeq, unreadCount };
}

/** Forward only, and never past the last message. */
function markRead(userId: string, record: ConversationRecord, seq: number): ReadState {
  const key = markerKey(userId, record.id);
  const target = Math.min(seq, messagesOf(record.id).at(-1)?.seq ?? 0);
  if (target > (mockData.readMarkers.get(key) ?? -1)) mockData.readMarkers.set(key, target);
  return readState(userId, record);
}

const preferencesOf = (userId: string): Preferences => structuredClone(mockData.preferences.get(userId) ?? DEFAULT_PREFERENCES);

// ---------------------------------------------------------------------------------------------
// Transfers, as src/server/transfers.

export const invalidTarget = (field: 'queueId' | 'agentId', message: string, fieldMessage = message) =>
  new MockApiError(400, 'invalid_request', message, { fields: { [`target.${field}`]: fieldMessage } });

/** Logged in: a session in this page, or on another device (see `loggedInElsewhere`). */
export const isLoggedIn = (userId: string) =>
  mockData.loggedInElsewhere.has(userId) || [...mockData.sessions.values()].includes(userId);

function transfer(user: User, id: string, body: { target: TransferTarget; note?: string }) {
  requireAgent(user);
  const record = viewConversation(user, id);
  // The holder first, with the same answers as ending; then the target.
  if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (record.state !== 'picked' || record.agentId !== user.id) {
    const holder = record.state === 'picked' ? toConversation(record).agent : null;
    if (holder) throw new MockApiError(409, 'not_holder', `${holder.displayName} holds this conversation.`, { holder });
    throw new MockApiError(409, 'not_holder', 'Pick this conversation before transferring it.');
  }
  const { target } = body;
  let queue = mockData.queues.find((q) => q.id === record.queueId)!;
  let agent: User | null = null;
  if (target.kind === 'queue') {
    const found = UUID.test(target.queueId) ? mockData.queues.find((q) => q.id.toLowerCase() === target.queueId.toLowerCase()) : undefined;
    if (!found) throw invalidTarget('queueId', 'This queue does not exist. Choose another one.', 'Unknown queue');
    queue = found;
  } else {
    if (target.agentId.toLowerCase() === user.id.toLowerCase()) {
      throw invalidTarget('agentId', 'You cannot transfer a conversation to yourself. Choose another agent.');
    }
    agent = UUID.test(target.agentId) ? (mockData.users.find((u) => u.id.toLowerCase() === target.agentId.toLowerCase()) ?? null) : null;
    if (!agent) throw invalidTarget('agentId', 'This agent does not exist. Choose another one.', 'Unknown agent');
    if (agent.role !== 'agent') throw invalidTarget('agentId', `${agent.displayName} is not an agent. Choose an agent.`);
    if (!isLoggedIn(agent.id)) throw invalidTarget('agentId', `${agent.displayName} is not logged in. Choose an agent who is.`);
  }
  return handOver(record, user, queue, agent, body.note);
}

/**
 * The hand-over of a transfer or a reassignment (src/server/transfers/transfer-service.ts
 * handOver): it waits again where it was sent, in a new offer round, the customer is told where
 * they go, the note becomes an internal note, and an offering queue offers it at once.
 */
export function handOver(record: ConversationRecord, user: User, queue: (typeof mockData.queues)[number], agent: User | null, rawNote?: string) {
  const note = rawNote?.trim() || null;
  const moved = {
    id: crypto.randomUUID(),
    conversationId: record.id,
    fromAgentId: user.id,
    fromQueueId: record.queueId,
    toQueueId: agent ? null : queue.id,
    toAgentId: agent?.id ?? null,
    note,
    at: new Date().toISOString(),
  };
  mockData.transfers.push(moved);
  Object.assign(record, {
    state: 'queued',
    agentId: null,
    pickedAt: null,
    reservedForId: agent?.id ?? null,
    queueId: queue.id,
    destination: queue.address,
    offeredToId: null,
    offerExpiresAt: null,
    // A new offer round: agents who declined it before may be offered it again.
    offerRound: record.offerRound + 1,
    returnedAt: null,
  });
  appendMessage(
    record.id,
    systemMessage(agent ? 'You are being transferred to another agent.' : `You are being transferred to the ${queue.name} team.`),
  );
  if (note) appendNote(record.id, { clientNoteId: crypto.randomUUID(), authorId: user.id, authorName: user.displayName, text: note });
  const result = { conversation: toConversation(record), transfer: toTransfer(moved) };
  // To an offering queue: offered to one of its agents at once (the answer is the transfer itself).
  if (!agent) offerConversation(record, mockData.settings.routing);
  return result;
}

/** Appends a message once per client id: a retry returns the first result, before any other check. */
function sendMessage(
  record: ConversationRecord,
  input: Pick<Message, 'authorKind' | 'authorId' | 'authorName' | 'text'> & { clientMessageId: string; attachmentIds: string[] },
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
  // As the server's bindAttachments: complete, unsent uploads of this author in this conversation.
  const bindable = input.attachmentIds.every((id) => {
    const upload = mockData.attachments.get(id);
    return (
      upload &&
      upload.conversationId === record.id &&
      upload.uploaderKind === input.authorKind &&
      upload.uploaderId === input.authorId &&
      upload.messageId === null
    );
  });
  if (!bindable) {
    throw new MockApiError(400, 'attachment_unavailable', 'One of the files is no longer available to send. Remove it and upload it again.', {
      fields: { attachmentIds: 'Unknown, already sent, or not your upload in this conversation' },
    });
  }
  return { message: appendMessage(record.id, input), created: true };
}

// ---------------------------------------------------------------------------------------------
// Attachments, as src/server/attachments. The mock checks names, sizes and markup like the
// server, but trusts the rest of the content (the server sniffs magic bytes), keeps HEIC photos
// as they are (the server adds a JPEG copy), and signs links with MOCK_LINK_SIGNATURE.

type Uploader = { kind: 'agent' | 'customer'; id: string; conversationId: string };

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function receiveUpload(request: Request, uploader: Uploader, policy: AttachmentPolicy): Promise<Attachment> {
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'multipart/form-data') {
    throw new MockApiError(400, 'invalid_request', `Send the file as multipart/form-data, in a part named "${ATTACHMENT_UPLOAD_FIELD}".`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new MockApiError(400, 'invalid_request', 'The upload could not be read. Try again.');
  }
  const file = form.get(ATTACHMENT_UPLOAD_FIELD);
  if (!(file instanceof File)) {
    throw new MockApiError(400, 'invalid_request', `Choose a file to upload, in a part named "${ATTACHMENT_UPLOAD_FIELD}".`);
  }
  const fileName = sanitizeFileName(file.name);
  const refuse = (status: number, refusal: { code: ErrorCode; message: string }) =>
    new MockApiError(status, refusal.code, refusal.message, {
      upload: { fileName, allowedTypes: policy.allowedTypes, maxFileSizeBytes: policy.maxFileSizeBytes },
    });
  const named = checkFileName(fileName, policy, uploader.kind === 'agent' ? 'agents' : 'customers');
  if ('code' in named) throw refuse(400, named);
  const sized = checkFileSize(fileName, file.size, policy);
  if (sized) throw refuse(sized.code === 'file_too_large' ? 413 : 400, sized);
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)))) {
    throw refuse(400, { code: 'type_not_allowed', message: `"${fileName}" was refused: it contains HTML, SVG or XML, which is never accepted.` });
  }
  // Like the server: a PNG's declared pixels (its IHDR) against the policy, before it is kept.
  if (named.type === 'png' && bytes.length >= 24 && new TextDecoder().decode(bytes.subarray(12, 16)) === 'IHDR') {
    const view = new DataView(buffer);
    const tooLarge = checkImagePixels(fileName, { width: view.getUint32(16), height: view.getUint32(20) }, policy);
    if (tooLarge) throw refuse(422, tooLarge);
  }
  if (uploader.kind === 'customer') {
    const unsent = [...mockData.attachments.values()].filter(
      (a) => a.conversationId === uploader.conversationId && a.uploaderKind === 'customer' && a.messageId === null,
    ).length;
    if (unsent >= CUSTOMER_UNSENT_FILES_MAX) {
      throw refuse(409, {
        code: 'too_many_unsent_files',
        message: `"${fileName}" was refused: you already have ${CUSTOMER_UNSENT_FILES_MAX} files waiting to be sent. Send them with a message first.`,
      });
    }
  }
  const id = crypto.randomUUID();
  const info = FILE_TYPES[named.type];
  const attachment: Attachment = {
    id,
    fileName,
    fileType: named.type,
    mimeType: info.mime,
    kind: info.kind,
    sizeBytes: bytes.length,
    sha256: await sha256Hex(buffer),
    displayMimeType: info.mime,
    ...mockLinks(id),
  };
  mockData.attachments.set(id, {
    attachment,
    bytes,
    conversationId: uploader.conversationId,
    uploaderKind: uploader.kind,
    uploaderId: uploader.id,
    messageId: null,
  });
  return structuredClone(attachment);
}

/** One `bytes=` range, like the server's parseRange; anything else gets the whole file. */
function byteRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if ((m[1] === '' && Number(m[2]) === 0) || start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

/** The bytes with the server's headers: its Content-Type and disposition, nosniff, one Range. */
function serveAttachment(request: Request, attachment: Attachment, bytes: Uint8Array, variant: 'display' | 'original'): Response {
  const inline = variant === 'display' && INLINE_FILE_TYPES.includes(attachment.fileType);
  const headers = new Headers({
    'Content-Type': attachment.mimeType.startsWith('text/') ? `${attachment.mimeType}; charset=utf-8` : attachment.mimeType,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    ETag: `"${attachment.sha256}"`,
  });
  const range = byteRange(request.headers.get('range'), bytes.length);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${bytes.length}`);
    return new HttpResponse(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: bytes.length - 1 };
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
  headers.set('Content-Length', String(end - start + 1));
  return new HttpResponse(bytes.slice(start, end + 1), { status: range ? 206 : 200, headers });
}

/** A signed link needs nothing else; otherwise the caller's credential decides, as on the server. */
function downloadAttachment(ctx: Caller & { params: Record<string, string> }, access: 'staff' | 'customer'): Response {
  const query = parseInput(AttachmentDownloadQuerySchema, Object.fromEntries(new URL(ctx.request.url).searchParams), 'query');
  const signed = query.exp !== undefined || query.sig !== undefined;
  const upload = UUID.test(ctx.params.id ?? '') ? mockData.attachments.get(ctx.params.id!) : undefined;
  if (signed) {
    if (!upload || query.sig !== MOCK_LINK_SIGNATURE || query.exp === undefined) throw notFound('This file');
  } else if (access === 'staff') {
    const { user } = requireStaff(ctx);
    const record = upload ? findConversation(upload.conversationId) : null;
    if (!upload || !record || !canView(user, record)) throw notFound('This file');
    if (!upload.messageId && !(upload.uploaderKind === 'agent' && upload.uploaderId === user.id)) throw notFound('This file');
  } else {
    const customer = requireCustomer(ctx);
    const maySee =
      upload?.conversationId === customer.conversationId &&
      (upload.messageId !== null || (upload.uploaderKind === 'customer' && upload.uploaderId === customer.customerId));
    if (!upload || !maySee) throw notFound('This file');
  }
  return serveAttachment(ctx.request, upload.attachment, upload.bytes, query.variant);
}

/** Upload and download routes, which are not JSON: the handler builds its own answer; errors are JSON. */
function fileRoute<R extends FileRouteName>(
  name: R,
  run: (ctx: Caller & { params: Record<string, string> }) => Promise<Response> | Response,
): HttpHandler {
  const def: RouteDef = api[name];
  return METHODS[def.method](onRoute(def), async ({ request, params, cookies }) => {
    await delay();
    try {
      return await run({ request, cookies, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) });
    } catch (err) {
      if (err instanceof MockApiError) return HttpResponse.json<ApiErrorBody>(err.toBody(), { status: err.status });
      console.error(`[mocks] ${def.method} ${def.path} failed`, err);
      return HttpResponse.json<ApiErrorBody>({ code: 'internal', message: 'Something went wrong on the server. Please try again.' }, { status: 500 });
    }
  });
}

/** As the server: each viewer sees the client ids of their own messages only (messageFor). */
function listMessages(viewer: MessageViewer, conversationId: string, before: number | undefined, limit: number) {
  const older = messagesOf(conversationId).filter((m) => before === undefined || m.seq < before);
  return { messages: structuredClone(older.slice(-limit)).map((m) => messageFor(m, viewer)), hasMore: older.length > limit };
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

// The agent's history list, as src/server/history/handled-routes.ts: ended conversations the
// user held at the end or transferred away (all ended ones for supervisors and admins), sorted by
// arrival or end, paged by a cursor that belongs to one search, sort and order.

const HandledCursorSchema = z.object({
  s: z.enum(['arrived', 'ended']),
  o: z.enum(['newest', 'oldest']),
  q: z.string(),
  t: CursorSchema.shape.t,
  i: z.uuid(),
});

const padKey = (iso: string) => `${iso.slice(0, -1)}000Z`;

function handledConversations(
  user: User,
  query: { search?: string; sort: HandledSort; order: HistoryOrder; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? HISTORY_PAGE_SIZE;
  const search = query.search ?? '';
  let after: { t: string; i: string } | null = null;
  if (query.cursor) {
    let parsed: z.infer<typeof HandledCursorSchema> | null = null;
    try {
      const result = HandledCursorSchema.safeParse(JSON.parse(fromBase64url(query.cursor)));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    if (!parsed) throw invalidCursor('This page link is not valid. Load the history again from the start.');
    if (parsed.s !== query.sort || parsed.o !== query.order || parsed.q !== search) {
      throw invalidCursor('This page link belongs to another search or sort order. Load the history again from the start.');
    }
    after = parsed;
  }
  const key = (c: ConversationRecord) => padKey(query.sort === 'arrived' ? c.arrivedAt : c.endedAt!);
  const sign = query.order === 'newest' ? -1 : 1;
  const compare = (t: string, i: string, c: ConversationRecord) => sign * (binary(key(c), t) || binary(c.id, i));
  const needle = search.toLowerCase();
  const matches = (c: ConversationRecord) => {
    if (!needle) return true;
    const customer = mockData.customers.find((x) => x.id === c.customerId);
    return [customer?.name, customer?.email, customer?.phone].some((v) => v?.toLowerCase().includes(needle));
  };
  const rows = mockData.conversations
    .filter((c) => c.state === 'ended' && c.endedAt !== null)
    .filter((c) => user.role !== 'agent' || c.agentId === user.id || transfersOf(c.id).some((t) => t.fromAgentId === user.id))
    .filter(matches)
    .filter((c) => !after || compare(after.t, after.i, c) > 0)
    .sort((a, b) => compare(key(b), b.id, a));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations: page.map(toConversation),
    nextCursor:
      rows.length > limit && last
        ? base64url(JSON.stringify({ s: query.sort, o: query.order, q: search, t: key(last), i: last.id }))
        : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Customer identity, as src/server/webchat/customer-identity.ts: a typed email joins nothing;
// a link signed with the admin's secret joins the customer with that site id.

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return Array.from(signature, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function verifyCustomerSignature(customerId: string, signature: string): Promise<string> {
  const identity = mockData.webchatIdentity;
  if (!identity) {
    throw new MockApiError(
      403,
      'invalid_signature',
      'This chat link cannot be checked, because the web chat is not set up for signed-in customers. Open the chat from the website again, or contact us another way.',
    );
  }
  if (signature.toLowerCase() !== (await hmacHex(identity.secret, customerId))) {
    throw new MockApiError(403, 'invalid_signature', 'This chat link is not valid: it may be old or changed. Open the chat from the website again.');
  }
  return customerId;
}

function newUnverifiedCustomer(body: StartChatRequest) {
  const customer = { id: crypto.randomUUID(), name: body.name, email: body.email, phone: null, verified: false, externalId: null };
  mockData.customers.push(customer);
  return customer;
}

function verifiedCustomer(externalId: string, body: StartChatRequest) {
  let customer = mockData.customers.find((c) => c.externalId === externalId);
  if (!customer) {
    customer = { id: crypto.randomUUID(), name: body.name, email: body.email, phone: null, verified: true, externalId };
    mockData.customers.push(customer);
  }
  return customer;
}

function ownConversation(conversationId: string): ConversationRecord {
  const record = findConversation(conversationId);
  if (!record) throw notFound('This chat');
  return record;
}

// ---------------------------------------------------------------------------------------------
// The routes. The mapped type makes a route of `api` without a handler a type error.

/** The routes of this module; handlers.ts adds the admin and supervision ones and checks that every route has one. */
export const coreHandlers = {
  health: route('health', () => ({ status: 'ok', database: 'pglite' })),
  ready: route('ready', () => ({ status: 'ready', database: 'pglite' })),

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
    mockData.agentStates.set(user.id, initialAgentState(AGENT_CAPACITY_DEFAULT));
    return startSession(ctx, user);
  }),

  login: route('login', (ctx) => {
    const user = mockData.users.find((u) => u.username === ctx.body.username.toLowerCase());
    if (!user || mockData.passwords.get(user.id) !== ctx.body.password) {
      throw new MockApiError(401, 'invalid_credentials', 'Wrong username or password.');
    }
    if (isDisabled(user.id)) throw new MockApiError(403, 'forbidden', 'This account is disabled. Ask an admin.');
    // No realtime socket here: logging in stands for the hello that makes an offline agent available.
    if (user.role === 'agent' && agentState(user.id).presence.state === 'offline') setPresence(user.id, 'available', null, false);
    return startSession(ctx, user);
  }),

  logout: route('logout', (ctx) => {
    const { token } = requireStaff(ctx);
    mockData.sessions.delete(token);
    ctx.headers.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
    return { ok: true };
  }),

  me: route('me', (ctx) => ({ user: structuredClone(requireStaff(ctx).user) })),

  presence: route('presence', (ctx) => myPresence(requireStaff(ctx).user.id)),

  setPresence: route('setPresence', (ctx) => {
    const { user } = requireStaff(ctx);
    choosePresence(user, ctx.body.state);
    return myPresence(user.id);
  }),

  preferences: route('preferences', (ctx) => ({ preferences: preferencesOf(requireStaff(ctx).user.id) })),

  // Only what the body names changes.
  updatePreferences: route('updatePreferences', (ctx) => {
    const { user } = requireStaff(ctx);
    const current = preferencesOf(user.id);
    const notifications = Object.fromEntries(Object.entries(ctx.body.notifications ?? {}).filter(([, v]) => v !== undefined));
    const next: Preferences = {
      conversationSort: ctx.body.conversationSort ?? current.conversationSort,
      notifications: { ...current.notifications, ...notifications },
    };
    mockData.preferences.set(user.id, next);
    return { preferences: structuredClone(next) };
  }),

  queues: route('queues', (ctx) => {
    const { user } = requireStaff(ctx);
    const queues = mockData.queues.filter((q) => user.role !== 'agent' || user.queueIds.includes(q.id));
    return { queues: structuredClone(queues).sort(byName) };
  }),

  conversations: route('conversations', (ctx) => {
    const { user } = requireStaff(ctx);
    const { view, sort, cursor, limit } = ctx.query;
    const readOf = (c: Conversation) => readState(user.id, findConversation(c.id)!);
    if (view === 'picklist') {
      const rows = mockData.conversations.filter((c) => belongsIn('picklist', c, user)).map(toConversation);
      return mockPage(rows.sort(listOrder({ view: 'picklist' })), { listing: 'picklist', cursor, limit });
    }
    if (view === 'offers') {
      const offered = mockData.conversations.filter((c) => belongsIn('offers', c, user)).map(toConversation);
      return mockPage(offered.sort(listOrder({ view: 'offers' })), { listing: 'offers', cursor, limit: CONVERSATION_PAGE_MAX, readOf });
    }
    const held = mockData.conversations.filter((c) => belongsIn('mine', c, user)).map(toConversation);
    const unread = Object.fromEntries(held.map((c) => [c.id, readOf(c).unreadCount]));
    return mockPage(held.sort(listOrder({ view: 'mine', sort }, unread)), { listing: `mine:${sort}`, cursor, limit, readOf });
  }),

  conversation: route('conversation', (ctx) => {
    const { user } = requireStaff(ctx);
    return { conversation: toConversation(viewConversation(user, ctx.params.id!)) };
  }),

  pick: route('pick', (ctx) => ({ conversation: pick(requireStaff(ctx).user, ctx.params.id!) })),

  accept: route('accept', (ctx) => ({ conversation: acceptOffer(requireStaff(ctx).user, ctx.params.id!) })),

  reject: route('reject', (ctx) => ({ conversation: rejectOffer(requireStaff(ctx).user, ctx.params.id!) })),

  // Totals over what I hold and what I am offered. Markers are each user's own.
  unread: route('unread', (ctx) => {
    const { user } = requireStaff(ctx);
    const total = (records: ConversationRecord[]) => {
      const counts = records.map((c) => readState(user.id, c).unreadCount);
      return { conversations: counts.filter((n) => n > 0).length, messages: counts.reduce((a, b) => a + b, 0) };
    };
    return {
      mine: total(mockData.conversations.filter((c) => belongsIn('mine', c, user))),
      offers: total(mockData.conversations.filter((c) => belongsIn('offers', c, user))),
    };
  }),

  markRead: route('markRead', (ctx) => {
    const { user } = requireStaff(ctx);
    return { read: markRead(user.id, viewConversation(user, ctx.params.id!), ctx.body.seq) };
  }),

  end: route('end', (ctx) => ({ conversation: end(requireStaff(ctx).user, ctx.params.id!) })),

  messages: route('messages', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    return listMessages({ kind: 'staff', userId: user.id }, record.id, ctx.query.before, ctx.query.limit ?? MESSAGE_PAGE_SIZE);
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
        attachmentIds: ctx.body.attachmentIds,
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

  draft: route('draft', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    return { draft: structuredClone(mockData.drafts.get(`${user.id}:${record.id}`)) ?? { text: '', updatedAt: null } };
  }),

  saveDraft: route('saveDraft', (ctx) => {
    const { user } = requireStaff(ctx);
    const key = `${user.id}:${viewConversation(user, ctx.params.id!).id}`;
    if (ctx.body.text === '') {
      mockData.drafts.delete(key);
      return { draft: { text: '', updatedAt: null } };
    }
    const draft = { text: ctx.body.text, updatedAt: new Date().toISOString() };
    mockData.drafts.set(key, draft);
    return { draft: structuredClone(draft) };
  }),

  handledConversations: route('handledConversations', (ctx) => handledConversations(requireStaff(ctx).user, ctx.query)),

  transfer: route('transfer', (ctx) => transfer(requireStaff(ctx).user, ctx.params.id!, ctx.body)),

  // Whoever may view the conversation may read its transfers.
  transfers: route('transfers', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    return { transfers: transfersOf(record.id).map(toTransfer) };
  }),

  transferTargets: route('transferTargets', (ctx) => {
    const { user } = requireStaff(ctx);
    const agents = mockData.users
      .filter((u) => u.role === 'agent' && u.id !== user.id && isLoggedIn(u.id))
      .map((u) => ({ id: u.id, displayName: u.displayName, queueIds: [...u.queueIds] }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || binary(a.id, b.id));
    return { queues: structuredClone(mockData.queues).sort(byName), agents };
  }),

  // Supervision and administration (issue 6) live in their own files, in the contract's order.

  webchatQueues: route('webchatQueues', () => ({
    queues: [...mockData.queues].sort(byName).map((q) => ({ id: q.id, name: q.name })),
  })),

  webchatStart: route('webchatStart', async (ctx) => {
    const { body } = ctx;
    const queue = mockData.queues.find((q) => q.id === body.queueId);
    if (!queue) {
      throw new MockApiError(400, 'invalid_request', 'This queue does not exist. Choose another one.', {
        fields: { queueId: 'Unknown queue' },
      });
    }
    // As the server: a signed link is checked before the start is claimed.
    const externalId = body.customerId !== undefined ? await verifyCustomerSignature(body.customerId, body.signature ?? '') : null;
    const requestHash = JSON.stringify([body.queueId, body.name, body.email, body.text, body.clientMessageId, body.customerId ?? null, body.signature ?? null]);
    const prior = mockData.webchatStarts.get(body.clientMessageId);
    if (prior) {
      // A retry of the same start gets the same conversation and token; nothing else does.
      if (prior.requestHash !== requestHash) {
        throw new MockApiError(409, 'duplicate_client_id', 'This message was already used to start another chat. Reload the page and start again.');
      }
      if (Date.now() - prior.at > WEBCHAT_START_REPLAY_WINDOW_SECONDS * 1000) {
        throw new MockApiError(409, 'duplicate_client_id', 'This chat was started a while ago and cannot be opened again from here. Start a new chat.');
      }
      const record = ownConversation(prior.conversationId);
      const message = messagesOf(record.id).find((m) => m.clientMessageId === body.clientMessageId)!;
      return { customerToken: prior.customerToken, conversation: toCustomerConversation(toConversation(record)), message: structuredClone(message) };
    }
    const customer = externalId === null ? newUnverifiedCustomer(body) : verifiedCustomer(externalId, body);
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
      reservedForId: null,
      pickedAt: null,
      endedAt: null,
      endedBy: null,
      ...NOT_OFFERED,
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
    mockData.webchatStarts.set(body.clientMessageId, { requestHash, conversationId: record.id, customerToken, at: Date.now() });
    // An offering queue offers it to an agent at once (it waits in the picklist when nobody may take it).
    offerConversation(record, mockData.settings.routing);
    ctx.setStatus(201);
    return { customerToken, conversation: toCustomerConversation(toConversation(record)), message };
  }),

  webchatConversation: route('webchatConversation', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    return { conversation: toCustomerConversation(toConversation(ownConversation(conversationId))) };
  }),

  webchatMessages: route('webchatMessages', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    return listMessages({ kind: 'customer' }, conversationId, ctx.query.before, ctx.query.limit ?? MESSAGE_PAGE_SIZE);
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
        attachmentIds: ctx.body.attachmentIds,
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

  // The System Configurator is the admins'; everyone else reads only the policy that applies to them.
  settings: route('settings', (ctx) => {
    requireAdmin(requireStaff(ctx).user);
    return { settings: structuredClone(mockData.settings) };
  }),

  updateSettings: route('updateSettings', (ctx) => {
    const { user } = requireStaff(ctx);
    requireAdmin(user);
    mockData.settings = {
      ...structuredClone(ctx.body),
      // Older clients leave the routing settings out: they are kept.
      routing: structuredClone(ctx.body.routing ?? mockData.settings.routing),
      security: structuredClone(ctx.body.security ?? mockData.settings.security),
      updatedAt: new Date().toISOString(),
      updatedBy: { id: user.id, displayName: user.displayName },
    };
    return { settings: structuredClone(mockData.settings) };
  }),

  routingSettings: route('routingSettings', (ctx) => {
    requireStaff(ctx);
    return { routing: structuredClone(mockData.settings.routing) };
  }),

  attachmentPolicy: route('attachmentPolicy', (ctx) => {
    requireStaff(ctx);
    return { policy: structuredClone(mockData.settings.agentUploads) };
  }),

  uploadAttachment: fileRoute('uploadAttachment', async (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id!);
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has ended.');
    if (record.state !== 'picked' || record.agentId !== user.id) {
      throw new MockApiError(409, 'not_holder', 'Pick this conversation before writing in it.');
    }
    const uploader = { kind: 'agent', id: user.id, conversationId: record.id } as const;
    const attachment = await receiveUpload(ctx.request, uploader, mockData.settings.agentUploads);
    return HttpResponse.json({ attachment }, { status: 201 });
  }),

  downloadAttachment: fileRoute('downloadAttachment', (ctx) => downloadAttachment(ctx, 'staff')),

  webchatAttachmentPolicy: route('webchatAttachmentPolicy', (ctx) => {
    requireCustomer(ctx);
    return { policy: structuredClone(mockData.settings.customerUploads) };
  }),

  webchatUploadAttachment: fileRoute('webchatUploadAttachment', async (ctx) => {
    const { conversationId, customerId } = requireCustomer(ctx);
    const record = ownConversation(conversationId);
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to send files.');
    const uploader = { kind: 'customer', id: customerId, conversationId } as const;
    const attachment = await receiveUpload(ctx.request, uploader, mockData.settings.customerUploads);
    return HttpResponse.json({ attachment }, { status: 201 });
  }),

  webchatDownloadAttachment: fileRoute('webchatDownloadAttachment', (ctx) => downloadAttachment(ctx, 'customer')),
} satisfies Partial<Record<RouteName, HttpHandler>>;

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

