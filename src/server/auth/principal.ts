import type { FastifyRequest } from 'fastify';
import type { Role, User } from '../../contract/auth';
import { sql, type Selectable } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Users } from '../db/schema.gen';
import { ApiError } from '../http/api-error';
import { securityFrom } from '../settings/settings-store';
import { sessionTimes } from './session-store';
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

/**
 * The columns of a User, from `users` aliased `u`; its queues come in the same statement. The
 * queue ids are cast to text so both drivers return plain strings.
 */
export const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  sql<string[] | null>`ARRAY(SELECT qa.queue_id::text FROM queue_agents qa WHERE qa.user_id = u.id ORDER BY qa.queue_id)`.as('queue_ids'),
] as const;

type UserRow = Pick<Selectable<Users>, 'id' | 'username' | 'display_name' | 'role'> & { queue_ids: string[] | null };

export function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    queueIds: row.queue_ids ?? [],
  };
}

export async function findUserById(db: Sql, id: string): Promise<User | null> {
  const row = await typed(db).selectFrom('users as u').select(USER_COLUMNS).where('u.id', '=', id).executeTakeFirst();
  return row ? userFromRow(row) : null;
}

export async function findUserForLogin(db: Sql, username: string) {
  const row = await typed(db)
    .selectFrom('users as u')
    .select(USER_COLUMNS)
    .select(['u.password_hash', 'u.disabled'])
    .where('u.username', '=', username.toLowerCase())
    .executeTakeFirst();
  return row ? { user: userFromRow(row), passwordHash: row.password_hash, disabled: row.disabled } : null;
}

/** Use of a session is written down at most this often: not a write on every request. */
const SESSION_TOUCH_INTERVAL = '1 minute';
const SESSION_TOUCH_MS = 60_000;

/**
 * The staff member behind a raw session token, or null when it is unknown, ended (sessionTimes
 * decides: its fixed end or its idle timeout, both under the admin's current security settings)
 * or disabled. A session found ended is deleted; one in use has its last use refreshed when that
 * is over a minute old. Every staff request starts here, so the settings and the database's clock
 * come in the same statement as the session: one round trip.
 */
export async function staffFromToken(db: Sql, token: string): Promise<StaffPrincipal | null> {
  const sessionHash = hashToken(token);
  const row = await typed(db)
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(USER_COLUMNS)
    .select((eb) => [
      's.id as session_id',
      's.created_at',
      's.expires_at',
      's.last_used_at',
      sql<Date>`now()`.as('now'),
      eb.selectFrom('settings as st').select('st.security').as('security'),
    ])
    .where('s.token_hash', '=', sessionHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.disabled', '=', false)
    .executeTakeFirst();
  if (!row) return null;
  const now = new Date(row.now).getTime();
  const ends = sessionTimes({ ...row, id: row.session_id }, securityFrom(row.security ?? null));
  if (Date.parse(ends.idleExpiresAt) <= now) {
    await typed(db).deleteFrom('sessions').where('token_hash', '=', sessionHash).execute();
    return null;
  }
  if (now - new Date(row.last_used_at).getTime() > SESSION_TOUCH_MS) await touchSession(db, sessionHash);
  return { kind: 'staff', user: userFromRow(row), sessionHash };
}

/** Records that a session is in use (an open realtime socket counts); cheap when it was recorded lately. */
export async function touchSession(db: Sql, sessionHash: string): Promise<void> {
  await typed(db)
    .updateTable('sessions')
    .set({ last_used_at: sql`now()` })
    .where('token_hash', '=', sessionHash)
    .where('last_used_at', '<', sql<Date>`now() - interval '${sql.raw(SESSION_TOUCH_INTERVAL)}'`)
    .execute();
}

/**
 * Customers known by token, per database object. Safe to keep: a chat's token is set when the
 * conversation is created and never changes, and conversations are never deleted, so a token
 * that named a conversation names it for good. Only hits are kept (a token looked up before its
 * chat committed must be looked up again). Bounded; the oldest entries go first.
 */
const knownCustomers = new WeakMap<Sql, Map<string, CustomerPrincipal>>();
const KNOWN_CUSTOMERS_MAX = 50_000;

export async function customerFromToken(db: Sql, token: string): Promise<CustomerPrincipal | null> {
  const tokenHash = hashToken(token);
  let known = knownCustomers.get(db);
  const hit = known?.get(tokenHash);
  if (hit) return hit;
  const row = await typed(db).selectFrom('conversations').select(['id', 'customer_id']).where('customer_token_hash', '=', tokenHash).executeTakeFirst();
  if (!row) return null;
  const principal: CustomerPrincipal = Object.freeze({ kind: 'customer', conversationId: row.id, customerId: row.customer_id });
  if (!known) knownCustomers.set(db, (known = new Map()));
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
