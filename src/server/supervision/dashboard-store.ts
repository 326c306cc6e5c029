import type { PresenceReason, PresenceState } from '../../contract/presence';
import type { RoutingMode } from '../../contract/queues';
import type { AgentStatus, QueueStats, WaitingSample } from '../../contract/supervision';
import type { Sql } from '../db/database';
import { hasLiveConnectionSql } from '../presence/presence-store';

/** The dashboard's chart covers this much of the past. */
export const WAITING_HISTORY_MINUTES = 60;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The database's clock, so every figure and every client's "waiting for" agree on now. */
export async function databaseNow(sql: Sql): Promise<string> {
  const [row] = await sql.query<{ now: Date | string }>('SELECT now() AS now');
  return new Date(row!.now).toISOString();
}

interface QueueStatsRow {
  id: string;
  name: string;
  address: string;
  routing_mode: RoutingMode;
  waiting: number;
  longest_waiting_since: Date | string | null;
  offered: number;
  in_progress: number;
  agents: number;
  available_agents: number;
}

/**
 * Every queue now, by name. A conversation waits since it last started waiting: its arrival, or
 * a later transfer or return to the queue (a customer handed on is counted from then).
 * One statement over small sets: open conversations are counted per queue from their own partial
 * index (migration 15), only waiting ones look up their last transfer, and queue members are
 * counted once per queue; no per-queue or per-conversation subquery grows with the workspace.
 */
export async function queueStats(sql: Sql): Promise<QueueStats[]> {
  const rows = await sql.query<QueueStatsRow>(
    `WITH open AS (
       SELECT c.queue_id,
         count(*) FILTER (WHERE c.state = 'queued')::int AS waiting,
         count(*) FILTER (WHERE c.state = 'offered')::int AS offered,
         count(*) FILTER (WHERE c.state = 'picked')::int AS in_progress
       FROM conversations c WHERE c.state IN ('queued', 'offered', 'picked')
       GROUP BY c.queue_id
     ), longest AS (
       SELECT c.queue_id, min(GREATEST(c.arrived_at, c.returned_at, lt.at)) AS since
       FROM conversations c
       LEFT JOIN LATERAL (SELECT max(t.created_at) AS at FROM transfers t WHERE t.conversation_id = c.id) lt ON true
       WHERE c.state = 'queued'
       GROUP BY c.queue_id
     ), staff AS (
       SELECT qa.queue_id, count(*)::int AS agents,
         count(*) FILTER (WHERE u.presence = 'available' AND ${hasLiveConnectionSql('u.id')})::int AS available_agents
       FROM queue_agents qa JOIN users u ON u.id = qa.user_id
       WHERE u.role = 'agent' AND NOT u.disabled
       GROUP BY qa.queue_id
     )
     SELECT q.id, q.name, q.address, q.routing_mode,
       COALESCE(o.waiting, 0) AS waiting, l.since AS longest_waiting_since,
       COALESCE(o.offered, 0) AS offered, COALESCE(o.in_progress, 0) AS in_progress,
       COALESCE(s.agents, 0) AS agents, COALESCE(s.available_agents, 0) AS available_agents
     FROM queues q
     LEFT JOIN open o ON o.queue_id = q.id
     LEFT JOIN longest l ON l.queue_id = q.id
     LEFT JOIN staff s ON s.queue_id = q.id
     ORDER BY q.name, q.id`,
  );
  const history = await waitingHistory(sql);
  return rows.map((r) => ({
    queue: { id: r.id, name: r.name, address: r.address, routingMode: r.routing_mode },
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
async function waitingHistory(sql: Sql): Promise<Map<string, WaitingSample[]>> {
  const rows = await sql.query<{ queue_id: string; sampled_at: Date | string; waiting: number }>(
    `SELECT queue_id, sampled_at, waiting FROM queue_waiting_samples
     WHERE sampled_at > now() - make_interval(mins => $1) ORDER BY sampled_at`,
    [WAITING_HISTORY_MINUTES],
  );
  const byQueue = new Map<string, WaitingSample[]>();
  for (const r of rows) {
    const list = byQueue.get(r.queue_id) ?? [];
    list.push({ at: iso(r.sampled_at)!, waiting: r.waiting });
    byQueue.set(r.queue_id, list);
  }
  return byQueue;
}

interface AgentStatusRow {
  id: string;
  display_name: string;
  username: string;
  presence: PresenceState;
  presence_since: Date | string;
  presence_reason: PresenceReason | null;
  connected: boolean;
  capacity: number;
  held: number;
  offered: number;
  queues: { id: string; name: string }[] | string | null;
}

/**
 * Every enabled agent, by name, with presence (and since when), connection and workload.
 * Workloads and queue memberships are grouped once for all agents rather than counted agent by
 * agent; the connection check is the shared liveness rule (an index probe per agent).
 */
export async function agentStatuses(sql: Sql): Promise<AgentStatus[]> {
  const rows = await sql.query<AgentStatusRow>(
    `WITH held AS (
       SELECT c.agent_id, count(*)::int AS n FROM conversations c WHERE c.state = 'picked' GROUP BY c.agent_id
     ), offered AS (
       SELECT c.offered_to_agent_id AS agent_id, count(*)::int AS n FROM conversations c WHERE c.state = 'offered' GROUP BY c.offered_to_agent_id
     ), membership AS (
       SELECT qa.user_id, json_agg(json_build_object('id', q.id, 'name', q.name) ORDER BY q.name, q.id) AS queues
       FROM queue_agents qa JOIN queues q ON q.id = qa.queue_id GROUP BY qa.user_id
     )
     SELECT u.id, u.display_name, u.username, u.presence, u.presence_since, u.presence_reason, u.capacity,
       ${hasLiveConnectionSql('u.id')} AS connected,
       COALESCE(h.n, 0) AS held, COALESCE(o.n, 0) AS offered, COALESCE(m.queues, '[]'::json) AS queues
     FROM users u
     LEFT JOIN held h ON h.agent_id = u.id
     LEFT JOIN offered o ON o.agent_id = u.id
     LEFT JOIN membership m ON m.user_id = u.id
     WHERE u.role = 'agent' AND NOT u.disabled
     ORDER BY u.display_name, u.id`,
  );
  return rows.map((r) => ({
    agent: { id: r.id, displayName: r.display_name },
    username: r.username,
    presence: { state: r.presence, since: iso(r.presence_since)!, reason: r.presence_reason },
    connected: r.connected,
    capacity: r.capacity,
    held: r.held,
    offered: r.offered,
    queues: typeof r.queues === 'string' ? (JSON.parse(r.queues) as { id: string; name: string }[]) : (r.queues ?? []),
  }));
}
