import type { FastifyRequest } from 'fastify';
import type { Role, User } from '../../contract/auth';
import type { Sql } from '../db/database';
import { ApiError } from '../http/api-error';
import { securityFrom } from '../settings/settings-store';
import { hashToken } from './tokens';

export const SESSION_COOKIE = 'cp_session';

export interface StaffPrincipal {
  kind: 'staff';
  user: User;
  sessionHash: string;
}

export interface CustomerPrincipal {
  kind: 'customer';
  conversationId: string;
  customerId: string;
}

export type Principal = StaffPrincipal | CustomerPrincipal;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  queue_ids: string[] | null;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role,
  ARRAY(SELECT qa.queue_id::text FROM queue_agents qa WHERE qa.user_id = u.id ORDER BY qa.queue_id) AS queue_ids`;

export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    queueIds: row.queue_ids ?? [],
  };
}

export async function findUserById(sql: Sql, id: string): Promise<User | null> {
  const [row] = await sql.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
  return row ? userFromRow(row) : null;
}

export async function findUserForLogin(sql: Sql, username: string) {
  const [row] = await sql.query<UserRow & { password_hash: string; disabled: boolean }>(
    `SELECT ${USER_COLUMNS}, u.password_hash, u.disabled FROM users u WHERE u.username = $1`,
    [username.toLowerCase()],
  );
  return row ? { user: userFromRow(row), passwordHash: row.password_hash, disabled: row.disabled } : null;
}

/** Use of a session is written down at most this often: not a write on every request. */
const SESSION_TOUCH_INTERVAL = '1 minute';
const SESSION_TOUCH_SECONDS = 60;
const DAY_SECONDS = 24 * 60 * 60;

/**
 * The staff member behind a raw session token, or null when it is unknown, expired (past its
 * absolute or idle timeout, both from the admin's security settings) or disabled. A session
 * found idle is deleted; one in use has its last use refreshed when that is over a minute old.
 * Every staff request starts here, so the settings come in the same statement as the session:
 * one round trip, and the timeouts are applied to the ages it returns.
 */
export async function staffFromToken(sql: Sql, token: string): Promise<StaffPrincipal | null> {
  const sessionHash = hashToken(token);
  const [row] = await sql.query<UserRow & { idle_seconds: number; age_seconds: number; security: unknown }>(
    `SELECT ${USER_COLUMNS},
       extract(epoch FROM now() - s.last_used_at)::float8 AS idle_seconds,
       extract(epoch FROM now() - s.created_at)::float8 AS age_seconds,
       (SELECT st.security FROM settings st) AS security
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [sessionHash],
  );
  if (!row) return null;
  const security = securityFrom(row.security ?? null);
  if (row.age_seconds >= security.sessionMaxDays * DAY_SECONDS) return null;
  if (row.idle_seconds > security.sessionIdleMinutes * 60) {
    await sql.query('DELETE FROM sessions WHERE token_hash = $1', [sessionHash]);
    return null;
  }
  if (row.idle_seconds > SESSION_TOUCH_SECONDS) await touchSession(sql, sessionHash);
  return { kind: 'staff', user: userFromRow(row), sessionHash };
}

/** Records that a session is in use (an open realtime socket counts); cheap when it was recorded lately. */
export async function touchSession(sql: Sql, sessionHash: string): Promise<void> {
  await sql.query(`UPDATE sessions SET last_used_at = now() WHERE token_hash = $1 AND last_used_at < now() - interval '${SESSION_TOUCH_INTERVAL}'`, [
    sessionHash,
  ]);
}

/**
 * Customers known by token, per database object. Safe to keep: a chat's token is set when the
 * conversation is created and never changes, and conversations are never deleted, so a token
 * that named a conversation names it for good. Only hits are kept (a token looked up before its
 * chat committed must be looked up again). Bounded; the oldest entries go first.
 */
const knownCustomers = new WeakMap<Sql, Map<string, CustomerPrincipal>>();
const KNOWN_CUSTOMERS_MAX = 50_000;

export async function customerFromToken(sql: Sql, token: string): Promise<CustomerPrincipal | null> {
  const tokenHash = hashToken(token);
  let known = knownCustomers.get(sql);
  const hit = known?.get(tokenHash);
  if (hit) return hit;
  const [row] = await sql.query<{ id: string; customer_id: string }>('SELECT id, customer_id FROM conversations WHERE customer_token_hash = $1', [tokenHash]);
  if (!row) return null;
  const principal: CustomerPrincipal = Object.freeze({ kind: 'customer', conversationId: row.id, customerId: row.customer_id });
  if (!known) knownCustomers.set(sql, (known = new Map()));
  if (known.size >= KNOWN_CUSTOMERS_MAX) known.delete(known.keys().next().value!);
  known.set(tokenHash, principal);
  return principal;
}

export function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/** The logged-in staff member, from the bearer token (API clients) or the session cookie (browsers). */
export async function requireStaff(sql: Sql, req: FastifyRequest): Promise<StaffPrincipal> {
  const token = bearerToken(req) ?? req.cookies[SESSION_COOKIE];
  const principal = token ? await staffFromToken(sql, token) : null;
  if (!principal) throw new ApiError(401, 'unauthenticated', 'Please log in.');
  return principal;
}

export function requireRole(principal: StaffPrincipal, ...roles: Role[]): void {
  if (!roles.includes(principal.user.role)) {
    throw new ApiError(403, 'forbidden', `Only ${roles.join(' or ')} users can do this.`);
  }
}

export async function requireCustomer(sql: Sql, req: FastifyRequest): Promise<CustomerPrincipal> {
  const token = bearerToken(req);
  const principal = token ? await customerFromToken(sql, token) : null;
  if (!principal) throw new ApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
  return principal;
}
