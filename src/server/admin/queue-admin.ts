import type { AdminQueue, SaveQueueRequest } from '../../contract/admin';
import type { User } from '../../contract/auth';
import type { RoutingMode } from '../../contract/queues';
import type { Database, Sql } from '../db/database';
import { notFound } from '../http/api-error';
import { announceRevocation, appendWorkspaceEvent } from '../realtime/event-log';
import { recordAdminAction } from './admin-audit-store';
import { fieldError, lockAsAdmin, UUID } from './admin-guard';

interface AdminQueueRow {
  id: string;
  name: string;
  address: string;
  routing_mode: RoutingMode;
  agent_ids: string[] | null;
}

// Agents by name, so lists read the same everywhere.
const ADMIN_QUEUE_SELECT = `SELECT q.id, q.name, q.address, q.routing_mode,
  ARRAY(SELECT qa.user_id::text FROM queue_agents qa JOIN users u ON u.id = qa.user_id
        WHERE qa.queue_id = q.id ORDER BY u.display_name, u.id) AS agent_ids
FROM queues q`;

const fromRow = (r: AdminQueueRow): AdminQueue => ({
  id: r.id,
  name: r.name,
  address: r.address,
  routingMode: r.routing_mode,
  agentIds: r.agent_ids ?? [],
});

/** Every queue with its agents, by name. */
export async function listAdminQueues(sql: Sql): Promise<AdminQueue[]> {
  return (await sql.query<AdminQueueRow>(`${ADMIN_QUEUE_SELECT} ORDER BY q.name, q.id`)).map(fromRow);
}

async function findAdminQueue(sql: Sql, id: string): Promise<AdminQueue | null> {
  if (!UUID.test(id)) return null;
  const [row] = await sql.query<AdminQueueRow>(`${ADMIN_QUEUE_SELECT} WHERE q.id = $1`, [id]);
  return row ? fromRow(row) : null;
}

interface Person {
  id: string;
  displayName: string;
}

/**
 * Checks a queue's name and address are free (ignoring case, and the queue itself) and that every
 * listed user is an agent; returns the agents. Caller holds the admin lock.
 */
async function validateQueue(tx: Sql, input: SaveQueueRequest, selfId: string | null): Promise<Person[]> {
  const [nameTaken] = await tx.query('SELECT 1 FROM queues WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2)', [
    input.name,
    selfId,
  ]);
  if (nameTaken) throw fieldError('name', `A queue named ${input.name} already exists. Choose another name.`);
  const [addressTaken] = await tx.query('SELECT 1 FROM queues WHERE lower(address) = lower($1) AND ($2::uuid IS NULL OR id <> $2)', [
    input.address,
    selfId,
  ]);
  if (addressTaken) throw fieldError('address', `Another queue already uses ${input.address}. Choose another address.`);

  if (input.agentIds.some((id) => !UUID.test(id))) throw fieldError('agentIds', 'One of the chosen agents does not exist.');
  const users = await tx.query<{ id: string; display_name: string; role: string }>(
    'SELECT id, display_name, role FROM users WHERE id = ANY($1::uuid[])',
    [input.agentIds],
  );
  if (users.length !== input.agentIds.length) throw fieldError('agentIds', 'One of the chosen agents does not exist.');
  const notAgent = users.find((u) => u.role !== 'agent');
  if (notAgent) throw fieldError('agentIds', `${notAgent.display_name} is a ${notAgent.role}: only agents serve queues.`);
  return users.map((u) => ({ id: u.id, displayName: u.display_name }));
}

/**
 * Makes the queue's agents exactly `agentIds`; returns who joined and who left. Their open
 * sockets were authorised with their old queues, so they are closed to reconnect (every
 * instance, at commit), and their panels are told through user.updated.
 */
async function setQueueAgents(tx: Sql, queueId: string, agents: Person[]): Promise<{ joined: Person[]; left: Person[] }> {
  const left = await tx.query<{ id: string; display_name: string }>(
    `DELETE FROM queue_agents qa USING users u
     WHERE qa.queue_id = $1 AND u.id = qa.user_id AND NOT (qa.user_id = ANY($2::uuid[]))
     RETURNING u.id, u.display_name`,
    [queueId, agents.map((a) => a.id)],
  );
  const joinedIds = await tx.query<{ user_id: string }>(
    `INSERT INTO queue_agents (queue_id, user_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [queueId, agents.map((a) => a.id)],
  );
  const joinedSet = new Set(joinedIds.map((r) => r.user_id));
  const changed = { joined: agents.filter((a) => joinedSet.has(a.id)), left: left.map((r) => ({ id: r.id, displayName: r.display_name })) };
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
    const [row] = await tx.query<{ id: string }>('INSERT INTO queues (name, address, routing_mode) VALUES ($1, $2, $3) RETURNING id', [
      input.name,
      input.address,
      input.routingMode,
    ]);
    const id = row!.id;
    await setQueueAgents(tx, id, agents);
    const queue = (await findAdminQueue(tx, id))!;
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'queue.created',
      target: { kind: 'queue', id, name: queue.name },
      summary:
        `Created queue ${queue.name} (${queue.routingMode}, ${queue.address})` +
        (agents.length > 0 ? `, served by ${names(agents)}` : ', served by nobody yet'),
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
    await tx.query('UPDATE queues SET name = $2, address = $3, routing_mode = $4 WHERE id = $1', [id, input.name, input.address, input.routingMode]);
    const { joined, left } = await setQueueAgents(tx, id, agents);
    const queue = (await findAdminQueue(tx, id))!;

    const changes: string[] = [];
    if (before.name !== queue.name) changes.push(`renamed from ${before.name}`);
    if (before.address !== queue.address) changes.push(`address ${before.address} → ${queue.address}`);
    if (before.routingMode !== queue.routingMode) changes.push(`routing ${before.routingMode} → ${queue.routingMode}`);
    if (joined.length > 0) changes.push(`added ${names(joined)}`);
    if (left.length > 0) changes.push(`removed ${names(left)}`);
    if (changes.length === 0) return queue;

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

const withoutAgents = ({ agentIds: _agents, ...queue }: AdminQueue) => queue;
