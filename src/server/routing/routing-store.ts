import type { PersonRef } from '../../contract/conversations';
import type { OfferOutcome } from '../../contract/events';
import type { PresenceState } from '../../contract/presence';
import type { RoutingMode } from '../../contract/queues';
import type { Sql } from '../db/database';
import { CONNECTION_STALE_SECONDS, hasLiveConnectionSql } from '../presence/presence-store';
import type { AgentCandidate } from '../../domain/offer-routing';

/** A conversation as routing sees it, locked for the rest of the transaction. */
export interface RoutedConversation {
  id: string;
  queue_id: string;
  routing_mode: RoutingMode;
  state: 'queued' | 'offered' | 'picked' | 'ended';
  agent_id: string | null;
  reserved_for_agent_id: string | null;
  offered_to_agent_id: string | null;
  offer_round: number;
  /** The current offer's time is up (judged by the database's clock). */
  offer_expired: boolean;
}

const ROUTED_COLUMNS = `c.id, c.queue_id, q.routing_mode, c.state, c.agent_id, c.reserved_for_agent_id, c.offered_to_agent_id,
  c.offer_round, COALESCE(c.offer_expires_at <= clock_timestamp(), false) AS offer_expired`;

export async function lockRoutedConversation(tx: Sql, id: string): Promise<RoutedConversation | null> {
  const [row] = await tx.query<RoutedConversation>(
    `SELECT ${ROUTED_COLUMNS} FROM conversations c JOIN queues q ON q.id = c.queue_id WHERE c.id = $1 FOR UPDATE OF c`,
    [id],
  );
  return row ?? null;
}

/** Locks, in id order, every open conversation that depends on the agent: held, offered to them, or reserved for them. */
export async function lockConversationsOf(tx: Sql, agentId: string): Promise<RoutedConversation[]> {
  return tx.query<RoutedConversation>(
    `SELECT ${ROUTED_COLUMNS} FROM conversations c JOIN queues q ON q.id = c.queue_id
     WHERE (c.state = 'picked' AND c.agent_id = $1) OR (c.state = 'offered' AND c.offered_to_agent_id = $1)
       OR (c.state = 'queued' AND c.reserved_for_agent_id = $1)
     ORDER BY c.id FOR UPDATE OF c`,
    [agentId],
  );
}

/** The enabled agents of a queue with what the routing rules weigh. */
export async function loadCandidates(sql: Sql, queueId: string): Promise<(AgentCandidate & { displayName: string })[]> {
  const rows = await sql.query<{
    id: string;
    display_name: string;
    presence: PresenceState;
    capacity: number;
    idle_since: Date | string;
    load: number;
    has_offer: boolean;
    connected: boolean;
    queue_ids: string[] | null;
  }>(
    `SELECT u.id, u.display_name, u.presence, u.capacity, u.idle_since,
       (SELECT count(*)::int FROM conversations c
        WHERE (c.state = 'picked' AND c.agent_id = u.id) OR (c.state = 'offered' AND c.offered_to_agent_id = u.id)) AS load,
       EXISTS (SELECT 1 FROM conversations c WHERE c.state = 'offered' AND c.offered_to_agent_id = u.id) AS has_offer,
       ${hasLiveConnectionSql('u.id')} AS connected,
       ARRAY(SELECT qa2.queue_id::text FROM queue_agents qa2 WHERE qa2.user_id = u.id) AS queue_ids
     FROM users u JOIN queue_agents qa ON qa.user_id = u.id AND qa.queue_id = $1
     WHERE u.role = 'agent' AND NOT u.disabled`,
    [queueId],
  );
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    presence: r.presence,
    capacity: r.capacity,
    load: r.load,
    hasOffer: r.has_offer,
    idleSince: new Date(r.idle_since),
    connected: r.connected,
    queueIds: r.queue_ids ?? [],
  }));
}

/** Agents offered the conversation in this round, whatever became of the offer. */
export async function offeredInRound(sql: Sql, conversationId: string, round: number): Promise<Set<string>> {
  const rows = await sql.query<{ agent_id: string }>('SELECT DISTINCT agent_id FROM offers WHERE conversation_id = $1 AND round = $2', [
    conversationId,
    round,
  ]);
  return new Set(rows.map((r) => r.agent_id));
}

/** Records a new offer; returns when it expires. */
export async function insertOffer(tx: Sql, o: { conversationId: string; round: number; agentId: string; timeoutSeconds: number }): Promise<Date> {
  // The clock, not now(): a transaction that waited for the routing lock must not start the offer in the past.
  const [row] = await tx.query<{ expires_at: Date | string }>(
    `INSERT INTO offers (conversation_id, round, agent_id, offered_at, expires_at)
     VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp() + make_interval(secs => $4)) RETURNING expires_at`,
    [o.conversationId, o.round, o.agentId, o.timeoutSeconds],
  );
  return new Date(row!.expires_at);
}

/** Records how the agent's open offer of the conversation ended. */
export async function closeOffer(tx: Sql, conversationId: string, agentId: string, outcome: OfferOutcome | 'accepted'): Promise<void> {
  await tx.query(
    `UPDATE offers SET outcome = $3, decided_at = clock_timestamp()
     WHERE conversation_id = $1 AND agent_id = $2 AND outcome IS NULL`,
    [conversationId, agentId, outcome],
  );
}

export async function personRef(sql: Sql, userId: string): Promise<PersonRef> {
  const [row] = await sql.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [userId]);
  return { id: userId, displayName: row?.display_name ?? 'Unknown agent' };
}

/** Offers that ran out, oldest first. */
export async function listExpiredOffers(sql: Sql, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT id FROM conversations WHERE state = 'offered' AND offer_expires_at <= clock_timestamp()
     ORDER BY offer_expires_at, id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}

/**
 * Agents who count as present but whose every connection has been gone longer than the grace
 * period: no connection row refreshed within it on any instance, and their last disconnect
 * (or presence choice) before it.
 */
export async function listLostAgents(sql: Sql, graceSeconds: number, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT u.id FROM users u
     WHERE u.role = 'agent' AND u.presence <> 'offline'
       AND (u.last_seen_at IS NULL OR u.last_seen_at < now() - make_interval(secs => $1))
       AND NOT EXISTS (SELECT 1 FROM staff_connections sc WHERE sc.user_id = u.id
         AND sc.seen_at > now() - make_interval(secs => greatest($1, $2)))
     ORDER BY u.id LIMIT $3`,
    [graceSeconds, CONNECTION_STALE_SECONDS, limit],
  );
  return rows.map((r) => r.id);
}

/** Whether the agent still counts as lost; checked again under the routing lock before acting. */
export async function isLost(sql: Sql, agentId: string, graceSeconds: number): Promise<boolean> {
  const [row] = await sql.query<{ lost: boolean }>(
    `SELECT (u.presence <> 'offline'
       AND (u.last_seen_at IS NULL OR u.last_seen_at < now() - make_interval(secs => $2))
       AND NOT EXISTS (SELECT 1 FROM staff_connections sc WHERE sc.user_id = u.id
         AND sc.seen_at > now() - make_interval(secs => greatest($2, $3)))) AS lost
     FROM users u WHERE u.id = $1`,
    [agentId, graceSeconds, CONNECTION_STALE_SECONDS],
  );
  return row?.lost === true;
}

/**
 * Waiting conversations of offering queues that may be offered now, in picklist order (those back
 * from a lost agent first, then the oldest). Only those with an agent who might take them, by a
 * rough copy of the routing rules (which decide under the lock): while everyone is busy, a sweep
 * then costs one query instead of a transaction per waiting conversation.
 */
export async function listOfferable(sql: Sql, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>(
    `SELECT c.id FROM conversations c JOIN queues q ON q.id = c.queue_id
     WHERE c.state = 'queued' AND c.reserved_for_agent_id IS NULL AND q.routing_mode = 'offer'
       AND EXISTS (
         SELECT 1 FROM queue_agents qa JOIN users u ON u.id = qa.user_id
         WHERE qa.queue_id = c.queue_id AND u.role = 'agent' AND NOT u.disabled AND u.presence = 'available'
           AND ${hasLiveConnectionSql('u.id')}
           AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.state = 'offered' AND o.offered_to_agent_id = u.id)
           AND u.capacity > (SELECT count(*) FROM conversations h WHERE h.state = 'picked' AND h.agent_id = u.id)
           AND NOT EXISTS (SELECT 1 FROM offers d WHERE d.conversation_id = c.id AND d.round = c.offer_round AND d.agent_id = u.id))
     ORDER BY c.returned_at IS NULL, c.arrived_at, c.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}
