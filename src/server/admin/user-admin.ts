import type { AdminUser, CreateUserRequest, UpdateUserRequest } from '../../contract/admin';
import type { Role, User } from '../../contract/auth';
import type { PresenceReason, PresenceState } from '../../contract/presence';
import { requireStrongPassword } from '../auth/password-strength';
import { hashPassword } from '../auth/passwords';
import { sql, type InferResult, type Selectable } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Queues } from '../db/schema.gen';
import { notFound } from '../http/api-error';
import { announceRevocation, appendWorkspaceEvent } from '../realtime/event-log';
import { lockRouting } from '../routing/routing-lock';
import { recordAdminAction } from './admin-audit-store';
import { fieldError, lockAsAdmin, UUID } from './admin-guard';
import { linkedIds, setLinks } from './queue-agents';
import { offerReleased, releaseAgentWork } from './release-agent';

/** A user as the admin screens show them, from `users` aliased `u`; their queues by name. */
const selectAdminUsers = (db: Sql) =>
  typed(db)
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.capacity',
      'u.disabled',
      'u.presence',
      'u.presence_since',
      'u.presence_reason',
      'u.created_at',
      linkedIds('user', 'u.id').as('queue_ids'),
    ]);

const fromRow = (r: InferResult<ReturnType<typeof selectAdminUsers>>[number]): AdminUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as Role,
  capacity: r.capacity,
  queueIds: r.queue_ids ?? [],
  disabled: r.disabled,
  presence: { state: r.presence as PresenceState, since: r.presence_since.toISOString(), reason: r.presence_reason as PresenceReason | null },
  createdAt: r.created_at.toISOString(),
});

/** Every user, by name. */
export async function listAdminUsers(db: Sql): Promise<AdminUser[]> {
  return (await selectAdminUsers(db).orderBy('u.display_name').orderBy('u.id').execute()).map(fromRow);
}

export async function findAdminUser(db: Sql, id: string): Promise<AdminUser | null> {
  if (!UUID.test(id)) return null;
  const row = await selectAdminUsers(db).where('u.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

type QueueRef = Pick<Selectable<Queues>, 'id' | 'name'>;

/** Only agents serve queues, and only queues that exist; returns them. */
async function validateQueues(tx: Sql, role: Role, queueIds: string[]): Promise<QueueRef[]> {
  if (queueIds.length === 0) return [];
  if (role !== 'agent') throw fieldError('queueIds', `Only agents serve queues: a ${role} cannot be given any.`, 'not_allowed');
  if (queueIds.some((id) => !UUID.test(id))) throw fieldError('queueIds', 'One of the chosen queues does not exist.', 'unknown_choice');
  const queues = await typed(tx)
    .selectFrom('queues')
    .select(['id', 'name'])
    .where('id', '=', (eb) => eb.fn.any(eb.val(queueIds)))
    .orderBy('name')
    .execute();
  if (queues.length !== queueIds.length) throw fieldError('queueIds', 'One of the chosen queues does not exist.', 'unknown_choice');
  return queues;
}

/** Makes the user's queues exactly `queues`; returns the names of those added and removed. */
async function setUserQueues(tx: Sql, userId: string, queues: QueueRef[]): Promise<{ added: string[]; removed: string[] }> {
  const { added, removed } = await setLinks(tx, 'user', userId, queues.map((q) => q.id));
  return { added: queues.filter((q) => added.has(q.id)).map((q) => q.name), removed: removed.map((r) => r.name).sort() };
}

const endSessions = (tx: Sql, userId: string) => typed(tx).deleteFrom('sessions').where('user_id', '=', userId).execute();

const actorOf = (admin: User) => ({ id: admin.id, displayName: admin.displayName });

/** Creates a user who can log in at once; recorded and announced in the same transaction. */
export async function createUser(db: Database, admin: User, input: CreateUserRequest): Promise<AdminUser> {
  requireStrongPassword(input.password, input);
  // Hashing is slow on purpose: done before the transaction, so the admin lock is held briefly.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const db = typed(tx);
    const taken = await db
      .selectFrom('users')
      .select(sql.lit(1).as('one'))
      .where((eb) => eb(eb.fn('lower', ['username']), '=', eb.fn('lower', [eb.val(input.username)])))
      .executeTakeFirst();
    if (taken) throw fieldError('username', `The username ${input.username} is taken. Choose another one.`, 'taken');
    const queues = await validateQueues(tx, input.role, input.queueIds);
    const { id } = await db
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, role: input.role, password_hash: passwordHash, capacity: input.capacity })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setUserQueues(tx, id, queues);
    await recordAdminAction(tx, {
      actor: actorOf(admin),
      action: 'user.created',
      target: { kind: 'user', id, name: input.displayName },
      summary:
        `Created ${input.role} ${input.displayName} (${input.username})` +
        (queues.length > 0 ? `, serving ${queues.map((q) => q.name).join(', ')}` : ''),
    });
    await appendWorkspaceEvent(tx, { type: 'user.updated', user: { id, displayName: input.displayName } });
    return (await findAdminUser(tx, id))!;
  });
}

/** Whether the workspace keeps another enabled admin besides `userId`. */
async function anotherAdminRemains(tx: Sql, userId: string): Promise<boolean> {
  const row = await typed(tx)
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('id', '<>', userId)
    .executeTakeFirst();
  return (row?.n ?? 0) > 0;
}

/**
 * Replaces a user's name, role, capacity, queues and disabled flag, in one transaction with its
 * audit row and user.updated event:
 * - disabling ends every session of the user and closes their sockets on every instance (4001);
 * - a changed role or queue list closes their sockets with 4002, so they reconnect with their new rights;
 * - an agent who is disabled or stops being an agent gives back what they hold, and their offers;
 * - an admin may not disable or demote themselves, and the last enabled admin stays one.
 * Saving without a change records nothing. Returns the user, and whether routing should look again.
 */
export async function updateUser(
  db: Database,
  admin: User,
  id: string,
  input: UpdateUserRequest,
): Promise<{ user: AdminUser; routingChanged: boolean }> {
  const exists = await findAdminUser(db, id);
  if (!exists) throw notFound('This user');
  if (id.toLowerCase() === admin.id.toLowerCase()) {
    if (input.disabled) throw fieldError('disabled', 'You cannot disable your own account. Ask another admin.', 'not_allowed');
    if (input.role !== 'admin') throw fieldError('role', 'You cannot change your own role. Ask another admin.', 'not_allowed');
  }
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    // Routing decisions about this agent (offers, presence) must not interleave with this change.
    await lockRouting(tx);
    const before = await findAdminUser(tx, id);
    if (!before) throw notFound('This user');
    const queues = await validateQueues(tx, input.role, input.queueIds);
    const losesAdmin = before.role === 'admin' && !before.disabled && (input.role !== 'admin' || input.disabled);
    if (losesAdmin && !(await anotherAdminRemains(tx, id))) {
      const field = input.disabled ? 'disabled' : 'role';
      throw fieldError(field, `${before.displayName} is the last enabled admin. Make someone else an admin first.`, 'not_allowed');
    }

    const wasActiveAgent = before.role === 'agent' && !before.disabled;
    const staysActiveAgent = input.role === 'agent' && !input.disabled;
    // Conversation rows are locked before the user's row, the routing's lock order.
    const released = wasActiveAgent && !staysActiveAgent ? await releaseAgentWork(tx, id) : [];

    await typed(tx)
      .updateTable('users')
      .set({ display_name: input.displayName, role: input.role, capacity: input.capacity, disabled: input.disabled })
      .where('id', '=', id)
      .execute();
    const { added, removed } = await setUserQueues(tx, id, queues);
    await offerReleased(tx, released);

    const changes: string[] = [];
    if (before.displayName !== input.displayName) changes.push(`renamed from ${before.displayName}`);
    if (before.role !== input.role) changes.push(`role ${before.role} → ${input.role}`);
    if (before.capacity !== input.capacity) changes.push(`capacity ${before.capacity} → ${input.capacity}`);
    if (added.length > 0) changes.push(`added to ${added.join(', ')}`);
    if (removed.length > 0) changes.push(`removed from ${removed.join(', ')}`);
    const disabledChanged = before.disabled !== input.disabled;
    if (!disabledChanged && changes.length === 0) return { user: before, routingChanged: false };

    if (input.disabled && disabledChanged) {
      await endSessions(tx, id);
      await announceRevocation(tx, { userId: id });
    } else if (before.role !== input.role || added.length > 0 || removed.length > 0) {
      await announceRevocation(tx, { userId: id, kind: 'access' });
    }

    const name = input.displayName;
    const rest = changes.length > 0 ? `; ${changes.join(', ')}` : '';
    const [action, summary] = !disabledChanged
      ? ['user.updated', `Changed ${name}: ${changes.join(', ')}`]
      : input.disabled
        ? ['user.disabled', `Disabled ${name}${rest}`]
        : ['user.enabled', `Enabled ${name}${rest}`];
    await recordAdminAction(tx, { actor: actorOf(admin), action, target: { kind: 'user', id, name }, summary });
    await appendWorkspaceEvent(tx, { type: 'user.updated', user: { id, displayName: name } });
    const routingChanged = released.length > 0 || disabledChanged || before.capacity !== input.capacity || added.length > 0 || before.role !== input.role;
    return { user: (await findAdminUser(tx, id))!, routingChanged };
  });
}

/**
 * Sets a new password. Every session of the user ends and their sockets close on every instance,
 * the admin's own included when they reset their own password.
 */
export async function resetPassword(db: Database, admin: User, id: string, password: string): Promise<AdminUser> {
  const exists = await findAdminUser(db, id);
  if (!exists) throw notFound('This user');
  requireStrongPassword(password, exists);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const row = await typed(tx)
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', id)
      .returning('display_name')
      .executeTakeFirst();
    if (!row) throw notFound('This user');
    await endSessions(tx, id);
    await announceRevocation(tx, { userId: id });
    await recordAdminAction(tx, {
      actor: actorOf(admin),
      action: 'user.password_reset',
      target: { kind: 'user', id, name: row.display_name },
      summary: `Reset the password of ${row.display_name}; their sessions ended`,
    });
    await appendWorkspaceEvent(tx, { type: 'user.updated', user: { id, displayName: row.display_name } });
    return (await findAdminUser(tx, id))!;
  });
}
