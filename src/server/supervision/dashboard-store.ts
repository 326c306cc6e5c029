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
 */
export async function queueStats(sql: Sql): Promise<QueueStats[]> {
  const rows = await sql.query<QueueStatsRow>(
    `SELECT q.id, q.name, q.address, q.routing_mode,
       count(*) FILTER (WHERE c.state = 'queued')::int AS waiting,
       min(GREATEST(c.arrived_at, c.returned_at,
         (SELECT max(t.created_at) FROM transfers t WHERE t.conversation_id = c.id))) FILTER (WHERE c.state = 'queued') AS longest_waiting_since,
       count(*) FILTER (WHERE c.state = 'offered')::int AS offered,
       count(*) FILTER (WHERE c.state = 'picked')::int AS in_progress,
       (SELECT count(*)::int FROM queue_agents qa JOIN users u ON u.id = qa.user_id
        WHERE qa.queue_id = q.id AND u.role = 'agent' AND NOT u.disabled) AS agents,
       (SELECT count(*)::int FROM queue_agents qa JOIN users u ON u.id = qa.user_id
        WHERE qa.queue_id = q.id AND u.role = 'agent' AND NOT u.disabled AND u.presence = 'available'
          AND ${hasLiveConnectionSql('u.id')}) AS available_agents
     FROM queues q
     LEFT JOIN conversations c ON c.queue_id = q.id AND c.state IN ('queued', 'offered', 'picked')
     GROUP BY q.id
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

/** Every enabled agent, by name, with presence (and since when), connection and workload. */
export async function agentStatuses(sql: Sql): Promise<AgentStatus[]> {
  const rows = await sql.query<AgentStatusRow>(
    `SELECT u.id, u.display_name, u.username, u.presence, u.presence_since, u.presence_reason, u.capacity,
       ${hasLiveConnectionSql('u.id')} AS connected,
       (SELECT count(*)::int FROM conversations c WHERE c.state = 'picked' AND c.agent_id = u.id) AS held,
       (SELECT count(*)::int FROM conversations c WHERE c.state = 'offered' AND c.offered_to_agent_id = u.id) AS offered,
       (SELECT COALESCE(json_agg(json_build_object('id', q.id, 'name', q.name) ORDER BY q.name, q.id), '[]'::json)
        FROM queue_agents qa JOIN queues q ON q.id = qa.queue_id WHERE qa.user_id = u.id) AS queues
     FROM users u
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
