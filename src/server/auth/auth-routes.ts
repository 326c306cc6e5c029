import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { api } from '../../contract/api';
import type { User } from '../../contract/auth';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { announceRevocation } from '../realtime/event-log';
import type { LoginLimiter } from '../security/rate-limits';
import { requireStrongPassword } from './password-strength';
import { hashPassword, verifyPassword } from './passwords';
import { findUserById, findUserForLogin, SESSION_COOKIE } from './principal';
import { createSession } from './session-store';

async function startSession(db: Database, req: FastifyRequest, reply: FastifyReply, user: User, secureCookie: boolean, deviceName?: string) {
  const { token, session } = await createSession(db, user.id, { deviceName, userAgent: req.headers['user-agent'] });
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie,
    path: '/',
    // The browser may drop the cookie at the fixed end; the server ends the session then anyway.
    expires: new Date(session.expiresAt),
  });
  return { token, user, session };
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
      return await startSession(db, req, reply, found.user, opts.secureCookie, body.deviceName);
    } finally {
      limiter.done(req, body.username);
    }
  });

  defineRoute(app, api.logout, async ({ principal, reply }) => {
    await typed(db).deleteFrom('sessions').where('token_hash', '=', principal.sessionHash).execute();
    await announceRevocation(db, { sessionHash: principal.sessionHash });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  defineRoute(app, api.me, async ({ principal }) => ({ user: principal.user }));

  defineRoute(app, api.setupStatus, async () => {
    const row = await typed(db).selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
    return { needsSetup: row?.n === 0 };
  });

  defineRoute(app, api.setup, async ({ req, body, reply }) => {
    requireStrongPassword(body.password, body);
    const passwordHash = await hashPassword(body.password);
    // Two first visitors racing: the advisory lock makes the check and the insert one step,
    // so only one of them becomes admin.
    const row = await db.transaction(async (tx) => {
      const t = typed(tx);
      await sql`SELECT pg_advisory_xact_lock(727002)`.execute(t);
      return t
        .insertInto('users')
        .columns(['username', 'display_name', 'role', 'password_hash'])
        .expression(
          t
            .selectNoFrom((eb) => [
              eb.val(body.username).as('username'),
              eb.val(body.displayName).as('display_name'),
              sql.lit('admin').as('role'),
              eb.val(passwordHash).as('password_hash'),
            ])
            .where((eb) => eb.not(eb.exists(eb.selectFrom('users').select(sql.lit(1).as('one'))))),
        )
        .returning('id')
        .executeTakeFirst();
    });
    if (!row) throw new ApiError(409, 'setup_done', 'This workspace already has an admin. Log in instead.');
    const user = await findUserById(db, row.id);
    if (!user) throw new Error('created admin vanished');
    return startSession(db, req, reply, user, opts.secureCookie);
  });
}
