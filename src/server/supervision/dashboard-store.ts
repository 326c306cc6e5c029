import type { PresenceReason, PresenceState } from '../../contract/presence';
import type { RoutingMode } from '../../contract/queues';
import type { AgentStatus, QueueStats, WaitingSample } from '../../contract/supervision';
import { sql, type Selectable } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Queues } from '../db/schema.gen';
import { hasLiveConnection } from '../presence/presence-store';

type QueueRef = Pick<Selectable<Queues>, 'id' | 'name'>;

/** The dashboard's chart covers this much of the past. */
export const WAITING_HISTORY_MINUTES = 60;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The database's clock, so every figure and every client's "waiting for" agree on now. */
export async function databaseNow(db: Sql): Promise<string> {
  const row = await typed(db).selectNoFrom(sql<Date>`now()`.as('now')).executeTakeFirstOrThrow();
  return row.now.toISOString();
}

/**
 * Every queue now, by name. A conversation waits since it last started waiting: its arrival, or
 * a later transfer or return to the queue (a customer handed on is counted from then).
 * One statement over small sets: open conversations are counted per queue from their own partial
 * index (migration 15), only waiting ones look up their last transfer, and queue members are
 * counted once per queue; no per-queue or per-conversation subquery grows with the workspace.
 */
export async function queueStats(db: Sql): Promise<QueueStats[]> {
  const count = sql<number>`count(*)::int`;
  const rows = await typed(db)
    .with('open', (w) =>
      w
        .selectFrom('conversations as c')
        .select([
          'c.queue_id',
          sql<number>`count(*) FILTER (WHERE c.state = 'queued')::int`.as('waiting'),
          sql<number>`count(*) FILTER (WHERE c.state = 'offered')::int`.as('offered'),
          sql<number>`count(*) FILTER (WHERE c.state = 'picked')::int`.as('in_progress'),
        ])
        .where('c.state', 'in', ['queued', 'offered', 'picked'])
        .groupBy('c.queue_id'),
    )
    .with('longest', (w) =>
      w
        .selectFrom('conversations as c')
        .leftJoinLateral(
          (eb) => eb.selectFrom('transfers as t').select((t) => t.fn.max('t.created_at').as('at')).whereRef('t.conversation_id', '=', 'c.id').as('lt'),
          (join) => join.onTrue(),
        )
        .select(['c.queue_id', sql<Date>`min(GREATEST(c.arrived_at, c.returned_at, lt.at))`.as('since')])
        .where('c.state', '=', 'queued')
        .groupBy('c.queue_id'),
    )
    .with('staff', (w) =>
      w
        .selectFrom('queue_agents as qa')
        .innerJoin('users as u', 'u.id', 'qa.user_id')
        .select([
          'qa.queue_id',
          count.as('agents'),
          sql<number>`count(*) FILTER (WHERE u.presence = 'available' AND ${hasLiveConnection('u.id')})::int`.as('available_agents'),
        ])
        .where('u.role', '=', 'agent')
        .where('u.disabled', '=', false)
        .groupBy('qa.queue_id'),
    )
    .selectFrom('queues as q')
    .leftJoin('open as o', 'o.queue_id', 'q.id')
    .leftJoin('longest as l', 'l.queue_id', 'q.id')
    .leftJoin('staff as s', 's.queue_id', 'q.id')
    .select((eb) => [
      'q.id', 'q.name', 'q.address', 'q.routing_mode',
      eb.fn.coalesce('o.waiting', eb.lit(0)).as('waiting'),
      'l.since as longest_waiting_since',
      eb.fn.coalesce('o.offered', eb.lit(0)).as('offered'),
      eb.fn.coalesce('o.in_progress', eb.lit(0)).as('in_progress'),
      eb.fn.coalesce('s.agents', eb.lit(0)).as('agents'),
      eb.fn.coalesce('s.available_agents', eb.lit(0)).as('available_agents'),
    ])
    .orderBy('q.name')
    .orderBy('q.id')
    .execute();
  const history = await waitingHistory(db);
  return rows.map((r) => ({
    // A CHECK constraint (migration 6) holds routing_mode to the contract's modes.
    queue: { id: r.id, name: r.name, address: r.address, routingMode: r.routing_mode as RoutingMode },
    waiting: r.waiting,
    longestWaitingSince: iso(r.longest_waiting_since),
    offered: r.offered,
    inProgress: r.in_progress,
    agents: r.agents,
    availableAgents: r.available_agents,
    waitingHistory: history.get(r.id) ?? [],
  }));
}

/** Each queue's waiting samples over the last hour, oldest first. */
async function waitingHistory(db: Sql): Promise<Map<string, WaitingSample[]>> {
  const rows = await typed(db)
    .selectFrom('queue_waiting_samples')
    .select(['queue_id', 'sampled_at', 'waiting'])
    .where('sampled_at', '>', sql<Date>`now() - make_interval(mins => ${WAITING_HISTORY_MINUTES})`)
    .orderBy('sampled_at')
    .execute();
  const byQueue = new Map<string, WaitingSample[]>();
  for (const r of rows) {
    const list = byQueue.get(r.queue_id) ?? [];
    list.push({ at: iso(r.sampled_at)!, waiting: r.waiting });
    byQueue.set(r.queue_id, list);
  }
  return byQueue;
}

/**
 * Every enabled agent, by name, with presence (and since when), connection and workload.
 * Workloads and queue memberships are grouped once for all agents rather than counted agent by
 * agent; the connection check is the shared liveness rule (an index probe per agent).
 */
export async function agentStatuses(db: Sql): Promise<AgentStatus[]> {
  const count = sql<number>`count(*)::int`;
  const rows = await typed(db)
    .with('held', (w) =>
      w.selectFrom('conversations as c').select(['c.agent_id', count.as('n')]).where('c.state', '=', 'picked').groupBy('c.agent_id'),
    )
    .with('offered', (w) =>
      w
        .selectFrom('conversations as c')
        .select(['c.offered_to_agent_id as agent_id', count.as('n')])
        .where('c.state', '=', 'offered')
        .groupBy('c.offered_to_agent_id'),
    )
    .with('membership', (w) =>
      w
        .selectFrom('queue_agents as qa')
        .innerJoin('queues as q', 'q.id', 'qa.queue_id')
        // json: parsed by the drivers, but read defensively below.
        .select(['qa.user_id', sql<QueueRef[] | string>`json_agg(json_build_object('id', q.id, 'name', q.name) ORDER BY q.name, q.id)`.as('queues')])
        .groupBy('qa.user_id'),
    )
    .selectFrom('users as u')
    .leftJoin('held as h', 'h.agent_id', 'u.id')
    .leftJoin('offered as o', 'o.agent_id', 'u.id')
    .leftJoin('membership as m', 'm.user_id', 'u.id')
    .select((eb) => [
      'u.id', 'u.display_name', 'u.username', 'u.presence', 'u.presence_since', 'u.presence_reason', 'u.capacity',
      hasLiveConnection('u.id').as('connected'),
      eb.fn.coalesce('h.n', eb.lit(0)).as('held'),
      eb.fn.coalesce('o.n', eb.lit(0)).as('offered'),
      'm.queues',
    ])
    .where('u.role', '=', 'agent')
    .where('u.disabled', '=', false)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({
    agent: { id: r.id, displayName: r.display_name },
    username: r.username,
    // CHECK constraints (migration 6) hold presence and its reason to the contract's values.
    presence: { state: r.presence as PresenceState, since: iso(r.presence_since)!, reason: r.presence_reason as PresenceReason | null },
    connected: r.connected,
    capacity: r.capacity,
    held: r.held,
    offered: r.offered,
    queues: typeof r.queues === 'string' ? (JSON.parse(r.queues) as QueueRef[]) : (r.queues ?? []),
  }));
}
