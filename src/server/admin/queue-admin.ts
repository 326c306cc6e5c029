import type { AdminQueue, SaveQueueRequest } from '../../contract/admin';
import type { User } from '../../contract/auth';
import type { RoutingMode } from '../../contract/queues';
import { sql, type InferResult } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { notFound } from '../http/api-error';
import { announceRevocation, appendWorkspaceEvent } from '../realtime/event-log';
import { recordAdminAction } from './admin-audit-store';
import { fieldError, lockAsAdmin, UUID } from './admin-guard';
import { linkedIds, setLinks } from './queue-agents';
import { readOpeningHours } from '../queues/queue-availability';
import { hoursChanges, releaseHeldConversations } from './queue-hours-admin';

// Agents by name, so lists read the same everywhere.
const selectAdminQueues = (db: Sql) =>
  typed(db)
    .selectFrom('queues as q')
    .select([
      'q.id',
      'q.name',
      'q.address',
      'q.routing_mode',
      'q.opening_hours',
      'q.leave_message',
      'q.max_waiting',
      linkedIds('queue', 'q.id').as('agent_ids'),
    ]);

const fromRow = (r: InferResult<ReturnType<typeof selectAdminQueues>>[number]): AdminQueue => ({
  id: r.id,
  name: r.name,
  address: r.address,
  routingMode: r.routing_mode as RoutingMode,
  agentIds: r.agent_ids ?? [],
  openingHours: readOpeningHours(r.opening_hours),
  leaveMessage: r.leave_message,
  maxWaiting: r.max_waiting,
});

/** Every queue with its agents, by name. */
export async function listAdminQueues(db: Sql): Promise<AdminQueue[]> {
  return (await selectAdminQueues(db).orderBy('q.name').orderBy('q.id').execute()).map(fromRow);
}

async function findAdminQueue(db: Sql, id: string): Promise<AdminQueue | null> {
  if (!UUID.test(id)) return null;
  const row = await selectAdminQueues(db).where('q.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

interface Person {
  id: string;
  displayName: string;
}

/** Whether another queue than `selfId` has this name or address, ignoring case. */
async function usedByAnotherQueue(tx: Sql, column: 'name' | 'address', value: string, selfId: string | null): Promise<boolean> {
  const row = await typed(tx)
    .selectFrom('queues')
    .select(sql.lit(1).as('one'))
    .where((eb) => eb(eb.fn('lower', [column]), '=', eb.fn('lower', [eb.val(value)])))
    .$if(selfId !== null, (qb) => qb.where('id', '<>', selfId!))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Checks a queue's name and address are free (ignoring case, and the queue itself) and that every
 * listed user is an agent; returns the agents. Caller holds the admin lock.
 */
async function validateQueue(tx: Sql, input: SaveQueueRequest, selfId: string | null): Promise<Person[]> {
  if (await usedByAnotherQueue(tx, 'name', input.name, selfId)) throw fieldError('name', `A queue named ${input.name} already exists. Choose another name.`, 'taken');
  if (await usedByAnotherQueue(tx, 'address', input.address, selfId)) throw fieldError('address', `Another queue already uses ${input.address}. Choose another address.`, 'taken');

  if (input.agentIds.some((id) => !UUID.test(id))) throw fieldError('agentIds', 'One of the chosen agents does not exist.', 'unknown_choice');
  const users = await typed(tx)
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('id', '=', (eb) => eb.fn.any(eb.val(input.agentIds)))
    .execute();
  if (users.length !== input.agentIds.length) throw fieldError('agentIds', 'One of the chosen agents does not exist.', 'unknown_choice');
  const notAgent = users.find((u) => u.role !== 'agent');
  if (notAgent) throw fieldError('agentIds', `${notAgent.display_name} is a ${notAgent.role}: only agents serve queues.`, 'not_allowed');
  return users.map((u) => ({ id: u.id, displayName: u.display_name }));
}

/**
 * Makes the queue's agents exactly `agentIds`; returns who joined and who left. Their open
 * sockets were authorised with their old queues, so they are closed to reconnect (every
 * instance, at commit), and their panels are told through user.updated.
 */
async function setQueueAgents(tx: Sql, queueId: string, agents: Person[]): Promise<{ joined: Person[]; left: Person[] }> {
  const { added, removed } = await setLinks(tx, 'queue', queueId, agents.map((a) => a.id));
  const changed = { joined: agents.filter((a) => added.has(a.id)), left: removed.map((r) => ({ id: r.id, displayName: r.name })) };
  for (const person of [...changed.joined, ...changed.left]) {
    await appendWorkspaceEvent(tx, { type: 'user.updated', user: person });
    await announceRevocation(tx, { userId: person.id, kind: 'access' });
  }
  return changed;
}

const names = (people: Person[]) => people.map((p) => p.displayName).join(', ');

/** Creates a queue with its agents; recorded and announced in the same transaction. */
export async function createQueue(db: Database, admin: User, input: SaveQueueRequest): Promise<AdminQueue> {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const agents = await validateQueue(tx, input, null);
    const { id } = await typed(tx)
      .insertInto('queues')
      .values({ name: input.name, address: input.address, routing_mode: input.routingMode, ...limitColumns(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setQueueAgents(tx, id, agents);
    const queue = (await findAdminQueue(tx, id))!;
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'queue.created',
      target: { kind: 'queue', id, name: queue.name },
      summary:
        `Created queue ${queue.name} (${queue.routingMode}, ${queue.address})` +
        (agents.length > 0 ? `, served by ${names(agents)}` : ', served by nobody yet') +
        hoursChanges(null, queue).map((c) => `; ${c}`).join(''),
    });
    await appendWorkspaceEvent(tx, { type: 'queue.updated', queue: withoutAgents(queue) });
    return queue;
  });
}

/**
 * Replaces a queue's name, address, routing mode and agents. Conversations keep the address they
 * arrived at; new ones get the new one. Saving without a change records nothing.
 */
export async function updateQueue(db: Database, admin: User, id: string, input: SaveQueueRequest): Promise<AdminQueue> {
  const exists = await findAdminQueue(db, id);
  if (!exists) throw notFound('This queue');
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const before = await findAdminQueue(tx, id);
    if (!before) throw notFound('This queue');
    const agents = await validateQueue(tx, input, id);
    await typed(tx)
      .updateTable('queues')
      .set({ name: input.name, address: input.address, routing_mode: input.routingMode, ...limitColumns(input) })
      .where('id', '=', id)
      .execute();
    const { joined, left } = await setQueueAgents(tx, id, agents);
    const queue = (await findAdminQueue(tx, id))!;

    const changes: string[] = [];
    if (before.name !== queue.name) changes.push(`renamed from ${before.name}`);
    if (before.address !== queue.address) changes.push(`address ${before.address} → ${queue.address}`);
    if (before.routingMode !== queue.routingMode) changes.push(`routing ${before.routingMode} → ${queue.routingMode}`);
    if (joined.length > 0) changes.push(`added ${names(joined)}`);
    if (left.length > 0) changes.push(`removed ${names(left)}`);
    changes.push(...hoursChanges(before, queue));
    if (changes.length === 0) return queue;
    // Messages left while closed wait for the new hours' next opening (now, if open now).
    await releaseHeldConversations(tx, queue);

    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'queue.updated',
      target: { kind: 'queue', id, name: queue.name },
      summary: `Changed queue ${queue.name}: ${changes.join('; ')}`,
    });
    await appendWorkspaceEvent(tx, { type: 'queue.updated', queue: withoutAgents(queue) });
    return queue;
  });
}

/** The queue as everyone may see it in events: no agents, hours or limits. */
const withoutAgents = (q: AdminQueue) => ({ id: q.id, name: q.name, address: q.address, routingMode: q.routingMode });

const limitColumns = (input: SaveQueueRequest) => ({
  opening_hours: input.openingHours === null ? null : JSON.stringify(input.openingHours),
  leave_message: input.leaveMessage,
  max_waiting: input.maxWaiting,
});
