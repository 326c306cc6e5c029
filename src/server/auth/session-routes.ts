import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { announceRevocation } from '../realtime/event-log';
import { SESSION_COOKIE } from './principal';
import { endAllSessions, endSession, listSessions, refreshSession } from './session-store';

/** A user's own sessions: keep this one alive, see where they are logged in, log out one device or all. */
export function registerSessionRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.refreshSession, async ({ principal }) => {
    const session = await refreshSession(db, principal.sessionHash);
    if (!session) throw new ApiError(401, 'unauthenticated', 'Please log in.');
    return { session };
  });

  defineRoute(app, api.sessions, async ({ principal }) => ({ sessions: await listSessions(db, principal.user.id, principal.sessionHash) }));

  defineRoute(app, api.endSession, async ({ principal, params }) => {
    const sessionHash = await endSession(db, principal.user.id, params.id);
    // Someone else's session is as unknown to this user as one that never was.
    if (!sessionHash) throw new ApiError(404, 'not_found', 'This session was not found.');
    await announceRevocation(db, { sessionHash });
    return { ok: true as const };
  });

  defineRoute(app, api.logoutEverywhere, async ({ principal, reply }) => {
    await endAllSessions(db, principal.user.id);
    await announceRevocation(db, { userId: principal.user.id });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });
}
