import type { FastifyRequest } from 'fastify';
import type { Role, User } from '../../contract/auth';
import type { Sql } from '../db/database';
import { ApiError } from '../http/api-error';
import { getSecuritySettings } from '../settings/settings-store';
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

/**
 * The staff member behind a raw session token, or null when it is unknown, expired (past its
 * absolute or idle timeout, both from the admin's security settings) or disabled. A session
 * found idle is deleted; one in use has its last use refreshed when that is over a minute old.
 */
export async function staffFromToken(sql: Sql, token: string): Promise<StaffPrincipal | null> {
  const sessionHash = hashToken(token);
  const security = await getSecuritySettings(sql);
  const [row] = await sql.query<UserRow & { idle: boolean; stale: boolean }>(
    `SELECT ${USER_COLUMNS},
       s.last_used_at < now() - make_interval(mins => $2) AS idle,
       s.last_used_at < now() - interval '${SESSION_TOUCH_INTERVAL}' AS stale
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND s.created_at > now() - make_interval(days => $3) AND NOT u.disabled`,
    [sessionHash, security.sessionIdleMinutes, security.sessionMaxDays],
  );
  if (!row) return null;
  if (row.idle) {
    await sql.query('DELETE FROM sessions WHERE token_hash = $1', [sessionHash]);
    return null;
  }
  if (row.stale) await touchSession(sql, sessionHash);
  return { kind: 'staff', user: userFromRow(row), sessionHash };
}

/** Records that a session is in use (an open realtime socket counts); cheap when it was recorded lately. */
export async function touchSession(sql: Sql, sessionHash: string): Promise<void> {
  await sql.query(`UPDATE sessions SET last_used_at = now() WHERE token_hash = $1 AND last_used_at < now() - interval '${SESSION_TOUCH_INTERVAL}'`, [
    sessionHash,
  ]);
}

export async function customerFromToken(sql: Sql, token: string): Promise<CustomerPrincipal | null> {
  const [row] = await sql.query<{ id: string; customer_id: string }>(
    'SELECT id, customer_id FROM conversations WHERE customer_token_hash = $1',
    [hashToken(token)],
  );
  return row ? { kind: 'customer', conversationId: row.id, customerId: row.customer_id } : null;
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
