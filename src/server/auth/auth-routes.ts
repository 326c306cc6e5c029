import type { FastifyInstance, FastifyReply } from 'fastify';
import { api } from '../../contract/api';
import type { User } from '../../contract/auth';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { announceRevocation } from '../realtime/event-log';
import type { LoginLimiter } from '../security/rate-limits';
import { requireStrongPassword } from './password-strength';
import { hashPassword, verifyPassword } from './passwords';
import { getSecuritySettings } from '../settings/settings-store';
import { findUserById, findUserForLogin, SESSION_COOKIE } from './principal';
import { hashToken, newToken } from './tokens';

async function startSession(db: Database, reply: FastifyReply, user: User, secureCookie: boolean) {
  const token = newToken();
  const { sessionMaxDays } = await getSecuritySettings(db);
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
    [hashToken(token), user.id, sessionMaxDays],
  );
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie,
    path: '/',
    maxAge: sessionMaxDays * 24 * 3600,
  });
  return { token, user };
}

export function registerAuthRoutes(app: FastifyInstance, db: Database, opts: { secureCookie: boolean; loginLimiter: LoginLimiter }) {
  defineRoute(app, api.login, async ({ req, body, reply }) => {
    const limiter = opts.loginLimiter;
    await limiter.check(req, reply, body.username);
    try {
      const found = await findUserForLogin(db, body.username);
      const valid = await verifyPassword(found?.passwordHash ?? null, body.password);
      if (!found || !valid) {
        await limiter.failed(req, body.username);
        throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
      }
      if (found.disabled) throw new ApiError(403, 'forbidden', 'This account is disabled. Ask an admin.');
      return await startSession(db, reply, found.user, opts.secureCookie);
    } finally {
      limiter.done(req, body.username);
    }
  });

  defineRoute(app, api.logout, async ({ principal, reply }) => {
    await db.query('DELETE FROM sessions WHERE token_hash = $1', [principal.sessionHash]);
    await announceRevocation(db, { sessionHash: principal.sessionHash });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  defineRoute(app, api.me, async ({ principal }) => ({ user: principal.user }));

  defineRoute(app, api.setupStatus, async () => {
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return { needsSetup: row?.n === 0 };
  });

  defineRoute(app, api.setup, async ({ body, reply }) => {
    requireStrongPassword(body.password, body);
    const passwordHash = await hashPassword(body.password);
    // Two first visitors racing: the advisory lock makes the check and the insert one step,
    // so only one of them becomes admin.
    const row = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727002)');
      const [created] = await tx.query<{ id: string }>(
        `INSERT INTO users (username, display_name, role, password_hash)
         SELECT $1, $2, 'admin', $3 WHERE NOT EXISTS (SELECT 1 FROM users) RETURNING id`,
        [body.username, body.displayName, passwordHash],
      );
      return created;
    });
    if (!row) throw new ApiError(409, 'setup_done', 'This workspace already has an admin. Log in instead.');
    const user = await findUserById(db, row.id);
    if (!user) throw new Error('created admin vanished');
    return startSession(db, reply, user, opts.secureCookie);
  });
}
