import type { RouteDef } from '../contract/api';
import type { User } from '../contract/auth';
import type { SessionTimes } from '../contract/sessions';
import { findConversation, findUser, mockData, type MockSession } from './data';
import { MockApiError } from './mock-errors';

/** Staff sessions and customer tokens, as src/server/auth and the web chat's token check. */

export const SESSION_COOKIE = 'cp_session';
const DAY_MS = 24 * 3600 * 1000;

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** When the session ends under the admin's security settings, as the server's sessionTimes. */
export function sessionTimes(session: MockSession): SessionTimes {
  const { sessionMaxDays, sessionIdleMinutes } = mockData.settings.security;
  const fixedEnd = Math.min(Date.parse(session.expiresAt), Date.parse(session.createdAt) + sessionMaxDays * DAY_MS);
  const idleEnd = Date.parse(session.lastUsedAt) + sessionIdleMinutes * 60_000;
  return { id: session.id, expiresAt: new Date(fixedEnd).toISOString(), idleExpiresAt: new Date(Math.min(idleEnd, fixedEnd)).toISOString() };
}

/**
 * Logs the user in: a bearer token for API clients and the session cookie for browsers. The
 * cookie is not HttpOnly here because MSW hands it to `document.cookie`, which refuses HttpOnly.
 */
export function startSession(ctx: { headers: Headers; request: Request }, user: User, deviceName?: string) {
  const token = newToken();
  const now = new Date();
  const session: MockSession = {
    id: crypto.randomUUID(),
    userId: user.id,
    deviceName: deviceName ?? null,
    userAgent: ctx.request.headers.get('user-agent'),
    createdAt: now.toISOString(),
    lastUsedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + mockData.settings.security.sessionMaxDays * DAY_MS).toISOString(),
  };
  mockData.sessions.set(token, session);
  const times = sessionTimes(session);
  ctx.headers.append('Set-Cookie', `${SESSION_COOKIE}=${token}; Path=/; SameSite=Strict; Expires=${new Date(times.expiresAt).toUTCString()}`);
  return { token, user: structuredClone(user), session: times };
}

/** Ends the sessions `which` picks. The mocked realtime socket is not closed (the server closes it with 4001). */
export function endSessions(which: (session: MockSession) => boolean) {
  for (const [token, session] of mockData.sessions) if (which(session)) mockData.sessions.delete(token);
}

export function requireCredential(def: RouteDef, request: Request, cookies: Record<string, string>) {
  if (def.access === 'staff' && !(bearerToken(request) ?? cookies[SESSION_COOKIE])) throw new MockApiError(401, 'unauthenticated', 'Please log in.');
  if (def.access === 'customer' && !bearerToken(request)) {
    throw new MockApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
  }
}

/** Who is calling: enough of the route context to authenticate. */
export interface Caller {
  request: Request;
  cookies: Record<string, string>;
}

/** The logged-in staff member, from the bearer token (API clients) or the session cookie (browsers). */
export function requireStaff(ctx: Caller): { user: User; token: string; session: MockSession } {
  const token = bearerToken(ctx.request) ?? ctx.cookies[SESSION_COOKIE];
  const session = token ? mockData.sessions.get(token) : undefined;
  const user = session ? findUser(session.userId) : null;
  if (!token || !session || !user || Date.parse(sessionTimes(session).idleExpiresAt) <= Date.now()) {
    throw new MockApiError(401, 'unauthenticated', 'Please log in.');
  }
  session.lastUsedAt = new Date().toISOString();
  return { user, token, session };
}

export function requireCustomer(ctx: Caller): { conversationId: string; customerId: string } {
  const token = bearerToken(ctx.request);
  const conversationId = token ? mockData.customerTokens.get(token) : undefined;
  const record = conversationId ? findConversation(conversationId) : null;
  if (!record) throw new MockApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
  return { conversationId: record.id, customerId: record.customerId };
}

/** Logged in: a session in this page, or on another device (see `loggedInElsewhere`). */
export const isLoggedIn = (userId: string) =>
  mockData.loggedInElsewhere.has(userId) || [...mockData.sessions.values()].some((s) => s.userId === userId);
