import { sql } from 'kysely';
import type { DeviceSession, SessionTimes } from '../../contract/sessions';
import { USER_AGENT_MAX_LENGTH } from '../../contract/limits';
import type { SecuritySettings } from '../../contract/settings';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { getSecuritySettings, securityFrom } from '../settings/settings-store';
import { hashToken, newToken } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (at: Date | string | number) => new Date(at).toISOString();

interface SessionClock {
  id: string;
  created_at: Date | string;
  expires_at: Date | string;
  last_used_at: Date | string;
}

/**
 * When a session ends, under today's security settings: at its fixed end (set at login, or sooner
 * if an admin has since shortened the maximum), or after the idle timeout from its last use,
 * whichever is first. The one rule for it: staffFromToken refuses (and deletes) a session past it,
 * the session list leaves it out, and clients are told these times.
 */
export function sessionTimes(row: SessionClock, security: SecuritySettings): SessionTimes {
  const fixedEnd = Math.min(new Date(row.expires_at).getTime(), new Date(row.created_at).getTime() + security.sessionMaxDays * DAY_MS);
  const idleEnd = new Date(row.last_used_at).getTime() + security.sessionIdleMinutes * 60_000;
  return { id: row.id, expiresAt: iso(fixedEnd), idleExpiresAt: iso(Math.min(idleEnd, fixedEnd)) };
}

/** What the session list shows of a device: the name an API client gave, or the browser's user agent. */
export interface DeviceLabel {
  deviceName?: string;
  userAgent?: string;
}

/** Starts a session: the token for the client (only its hash is kept) and when it ends. */
export async function createSession(db: Sql, userId: string, device: DeviceLabel): Promise<{ token: string; session: SessionTimes }> {
  const token = newToken();
  const security = await getSecuritySettings(db);
  const row = await typed(db)
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      expires_at: sql`now() + make_interval(days => ${security.sessionMaxDays})`,
      device_name: device.deviceName ?? null,
      user_agent: device.userAgent?.slice(0, USER_AGENT_MAX_LENGTH) || null,
    })
    .returning(['id', 'created_at', 'expires_at', 'last_used_at'])
    .executeTakeFirstOrThrow();
  return { token, session: sessionTimes(row, security) };
}

/**
 * Sliding renewal: marks the session used now (its idle timeout starts again) and says when it
 * ends. The caller was just authenticated with it, so it exists unless ended a moment ago.
 */
export async function refreshSession(db: Sql, sessionHash: string): Promise<SessionTimes | null> {
  const row = await typed(db)
    .updateTable('sessions')
    .set({ last_used_at: sql`now()` })
    .where('token_hash', '=', sessionHash)
    .returning(['id', 'created_at', 'expires_at', 'last_used_at', (eb) => eb.selectFrom('settings').select('security').as('security')])
    .executeTakeFirst();
  return row ? sessionTimes(row, securityFrom(row.security ?? null)) : null;
}

/** The user's sessions that still work, most recently used first. */
export async function listSessions(db: Sql, userId: string, currentHash: string): Promise<DeviceSession[]> {
  const rows = await typed(db)
    .selectFrom('sessions')
    .select(['id', 'token_hash', 'device_name', 'user_agent', 'created_at', 'expires_at', 'last_used_at', (eb) => eb.selectFrom('settings').select('security').as('security')])
    .where('user_id', '=', userId)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_used_at', 'desc')
    .orderBy('id')
    .execute();
  const now = Date.now();
  return rows.flatMap((row) => {
    const times = sessionTimes(row, securityFrom(row.security ?? null));
    // Past its idle or shortened fixed end: it no longer logs anyone in (and is removed on its next use).
    if (new Date(times.idleExpiresAt).getTime() <= now) return [];
    return [
      {
        id: row.id,
        deviceName: row.device_name,
        userAgent: row.user_agent,
        createdAt: iso(row.created_at),
        lastUsedAt: iso(row.last_used_at),
        expiresAt: times.expiresAt,
        current: row.token_hash === currentHash,
      },
    ];
  });
}

/** Ends one of the user's sessions; the ended session's token hash (for closing its sockets), or null when it is not theirs. */
export async function endSession(db: Sql, userId: string, sessionId: string): Promise<string | null> {
  const row = await typed(db).deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).returning('token_hash').executeTakeFirst();
  return row?.token_hash ?? null;
}

/** Ends every session of the user. */
export async function endAllSessions(db: Sql, userId: string): Promise<void> {
  await typed(db).deleteFrom('sessions').where('user_id', '=', userId).execute();
}
