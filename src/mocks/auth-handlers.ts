import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import { AGENT_CAPACITY_DEFAULT } from '../contract/limits';
import { isDisabled } from './admin-records';
import { initialAgentState, mockData } from './data';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { agentState, setPresence } from './routing';
import { SESSION_COOKIE, endSessions, requireStaff, sessionTimes, startSession } from './sessions';

/** Health, first-run setup, login and the session, as src/server/auth. */

export const authHandlers = {
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
    return startSession(ctx, user, ctx.body.deviceName);
  }),

  logout: route('logout', (ctx) => {
    const { token } = requireStaff(ctx);
    mockData.sessions.delete(token);
    ctx.headers.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
    return { ok: true };
  }),

  me: route('me', (ctx) => ({ user: structuredClone(requireStaff(ctx).user) })),

  refreshSession: route('refreshSession', (ctx) => ({ session: sessionTimes(requireStaff(ctx).session) })),

  sessions: route('sessions', (ctx) => {
    const { user, session: current } = requireStaff(ctx);
    const now = Date.now();
    const mine = [...mockData.sessions.values()].filter((s) => s.userId === user.id && Date.parse(sessionTimes(s).idleExpiresAt) > now);
    mine.sort((a, b) => b.lastUsedAt.localeCompare(a.lastUsedAt) || a.id.localeCompare(b.id));
    return {
      sessions: mine.map((s) => ({
        id: s.id,
        deviceName: s.deviceName,
        userAgent: s.userAgent,
        createdAt: s.createdAt,
        lastUsedAt: s.lastUsedAt,
        expiresAt: sessionTimes(s).expiresAt,
        current: s.id === current.id,
      })),
    };
  }),

  endSession: route('endSession', (ctx) => {
    const { user } = requireStaff(ctx);
    const target = [...mockData.sessions.values()].find((s) => s.id === ctx.params.id && s.userId === user.id);
    if (!target) throw new MockApiError(404, 'not_found', 'This session was not found.');
    endSessions((s) => s === target);
    return { ok: true };
  }),

  logoutEverywhere: route('logoutEverywhere', (ctx) => {
    const { user } = requireStaff(ctx);
    endSessions((s) => s.userId === user.id);
    ctx.headers.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
    return { ok: true };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
