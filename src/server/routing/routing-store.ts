import { sql, type Kysely, type Selectable } from 'kysely';
import type { PersonRef } from '../../contract/conversations';
import type { OfferOutcome } from '../../contract/events';
import type { PresenceState } from '../../contract/presence';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Conversations, DB, Queues } from '../db/schema.gen';
import { agentLoad, CONNECTION_STALE_SECONDS, hasLiveConnection } from '../presence/presence-store';
import { keptByPush } from '../push/keep-chats';
import type { AgentCandidate } from '../../domain/offer-routing';

/** A conversation as routing sees it, locked for the rest of the transaction. */
export type RoutedConversation = Pick<
  Selectable<Conversations>,
  'id' | 'queue_id' | 'state' | 'agent_id' | 'reserved_for_agent_id' | 'offered_to_agent_id' | 'offer_round' | 'held_until'
> &
  Pick<Selectable<Queues>, 'routing_mode'> & {
    /** The current offer's time is up (judged by the database's clock). */
    offer_expired: boolean;
  };

const selectRouted = (db: Kysely<DB>) =>
  db
    .selectFrom('conversations as c')
    .innerJoin('queues as q', 'q.id', 'c.queue_id')
    .select([
      'c.id', 'c.queue_id', 'q.routing_mode', 'c.state', 'c.agent_id', 'c.reserved_for_agent_id', 'c.offered_to_agent_id', 'c.offer_round', 'c.held_until',
      sql<boolean>`COALESCE(c.offer_expires_at <= clock_timestamp(), false)`.as('offer_expired'),
    ]);

export async function lockRoutedConversation(tx: Sql, id: string): Promise<RoutedConversation | null> {
  const row = await selectRouted(typed(tx)).where('c.id', '=', id).forUpdate('c').executeTakeFirst();
  return row ?? null;
}

/** Locks, in id order, every open conversation that depends on the agent: held, offered to them, or reserved for them. */
export async function lockConversationsOf(tx: Sql, agentId: string): Promise<RoutedConversation[]> {
  return selectRouted(typed(tx))
    .where((eb) =>
      eb.or([
        eb.and([eb('c.state', '=', 'picked'), eb('c.agent_id', '=', agentId)]),
        eb.and([eb('c.state', '=', 'offered'), eb('c.offered_to_agent_id', '=', agentId)]),
        eb.and([eb('c.state', '=', 'queued'), eb('c.reserved_for_agent_id', '=', agentId)]),
      ]),
    )
    .orderBy('c.id')
    .forUpdate('c')
    .execute();
}

/** The enabled agents of a queue with what the routing rules weigh. */
export async function loadCandidates(db: Sql, queueId: string): Promise<(AgentCandidate & { displayName: string })[]> {
  const rows = await typed(db)
    .selectFrom('users as u')
    .innerJoin('queue_agents as qa', (join) => join.onRef('qa.user_id', '=', 'u.id').on('qa.queue_id', '=', queueId))
    .select((eb) => [
      'u.id', 'u.display_name', 'u.presence', 'u.capacity', 'u.idle_since',
      agentLoad(eb).as('load'),
      eb.exists(eb.selectFrom('conversations as c').select(eb.lit(1).as('one')).where('c.state', '=', 'offered').whereRef('c.offered_to_agent_id', '=', 'u.id'))
        .$castTo<boolean>()
        .as('has_offer'),
      hasLiveConnection('u.id').as('connected'),
      sql<string[]>`ARRAY(SELECT qa2.queue_id::text FROM queue_agents qa2 WHERE qa2.user_id = u.id)`.as('queue_ids'),
    ])
    .where('u.role', '=', 'agent')
    .where('u.disabled', '=', false)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    // A CHECK constraint (migration 6) holds presence to the contract's states.
    presence: r.presence as PresenceState,
    capacity: r.capacity,
    load: r.load ?? 0,
    hasOffer: r.has_offer,
    idleSince: r.idle_since,
    connected: r.connected,
    queueIds: r.queue_ids,
  }));
}

/** Agents offered the conversation in this round, whatever became of the offer. */
export async function offeredInRound(db: Sql, conversationId: string, round: number): Promise<Set<string>> {
  const rows = await typed(db).selectFrom('offers').select('agent_id').distinct().where('conversation_id', '=', conversationId).where('round', '=', round).execute();
  return new Set(rows.map((r) => r.agent_id));
}

/** Records a new offer; returns when it expires. */
export async function insertOffer(tx: Sql, o: { conversationId: string; round: number; agentId: string; timeoutSeconds: number }): Promise<Date> {
  // The clock, not now(): a transaction that waited for the routing lock must not start the offer in the past.
  const row = await typed(tx)
    .insertInto('offers')
    .values({
      conversation_id: o.conversationId,
      round: o.round,
      agent_id: o.agentId,
      offered_at: sql`clock_timestamp()`,
      expires_at: sql`clock_timestamp() + make_interval(secs => ${o.timeoutSeconds})`,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return row.expires_at;
}

/** Records how the agent's open offer of the conversation ended. */
export async function closeOffer(tx: Sql, conversationId: string, agentId: string, outcome: OfferOutcome | 'accepted'): Promise<void> {
  await typed(tx)
    .updateTable('offers')
    .set({ outcome, decided_at: sql`clock_timestamp()` })
    .where('conversation_id', '=', conversationId)
    .where('agent_id', '=', agentId)
    .where('outcome', 'is', null)
    .execute();
}

export async function personRef(db: Sql, userId: string): Promise<PersonRef> {
  const row = await typed(db).selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return { id: userId, displayName: row?.display_name ?? 'Unknown agent' };
}

/** Offers that ran out, oldest first. */
export async function listExpiredOffers(db: Sql, limit: number): Promise<string[]> {
  const rows = await typed(db)
    .selectFrom('conversations')
    .select('id')
    .where('state', '=', 'offered')
    .where('offer_expires_at', '<=', sql<Date>`clock_timestamp()`)
    .orderBy('offer_expires_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * User `u` counts as present but every connection of theirs has been gone longer than the grace
 * period: no connection row refreshed within it (nor within the staleness of a live one) on any
 * instance, and their last disconnect (or presence choice) before it; except an agent the
 * keep-chats rule keeps (push/keep-chats.ts), with the admin's limit in minutes (0: off).
 */
const lostSql = (graceSeconds: number, pushKeepChatsMinutes: number) =>
  sql<boolean>`(u.presence <> 'offline'
    AND (u.last_seen_at IS NULL OR u.last_seen_at < now() - make_interval(secs => ${graceSeconds}))
    AND NOT EXISTS (SELECT 1 FROM staff_connections sc WHERE sc.user_id = u.id
      AND sc.seen_at > now() - make_interval(secs => ${Math.max(graceSeconds, CONNECTION_STALE_SECONDS)}))
    AND NOT ${keptByPush('u.id', pushKeepChatsMinutes)})`;

/** Agents who are lost (lostSql), by id. */
export async function listLostAgents(db: Sql, graceSeconds: number, limit: number, pushKeepChatsMinutes = 0): Promise<string[]> {
  const rows = await typed(db)
    .selectFrom('users as u')
    .select('u.id')
    .where('u.role', '=', 'agent')
    .where(lostSql(graceSeconds, pushKeepChatsMinutes))
    .orderBy('u.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether the agent still counts as lost; checked again under the routing lock before acting. */
export async function isLost(db: Sql, agentId: string, graceSeconds: number, pushKeepChatsMinutes = 0): Promise<boolean> {
  const row = await typed(db).selectFrom('users as u').select(lostSql(graceSeconds, pushKeepChatsMinutes).as('lost')).where('u.id', '=', agentId).executeTakeFirst();
  return row?.lost === true;
}

/**
 * Waiting conversations of offering queues that may be offered now, in picklist order (those back
 * from a lost agent first, then the oldest). Only those with an agent who might take them, by a
 * rough copy of the routing rules (which decide under the lock): while everyone is busy, a sweep
 * then costs one query instead of a transaction per waiting conversation.
 */
export async function listOfferable(db: Sql, limit: number): Promise<string[]> {
  // The rough rules as one correlated EXISTS: clearer written out than built.
  const someAgentMayTake = sql<boolean>`EXISTS (
    SELECT 1 FROM queue_agents qa JOIN users u ON u.id = qa.user_id
    WHERE qa.queue_id = c.queue_id AND u.role = 'agent' AND NOT u.disabled AND u.presence = 'available'
      AND ${hasLiveConnection('u.id')}
      AND NOT EXISTS (SELECT 1 FROM conversations o WHERE o.state = 'offered' AND o.offered_to_agent_id = u.id)
      AND u.capacity > (SELECT count(*) FROM conversations h WHERE h.state = 'picked' AND h.agent_id = u.id)
      AND NOT EXISTS (SELECT 1 FROM offers d WHERE d.conversation_id = c.id AND d.round = c.offer_round AND d.agent_id = u.id))`;
  const rows = await typed(db)
    .selectFrom('conversations as c')
    .innerJoin('queues as q', 'q.id', 'c.queue_id')
    .select('c.id')
    .where('c.state', '=', 'queued')
    .where('c.reserved_for_agent_id', 'is', null)
    // A message left while closed waits for the opening (migration 27).
    .where('c.held_until', 'is', null)
    .where('q.routing_mode', '=', 'offer')
    .where(someAgentMayTake)
    .orderBy(sql`c.returned_at IS NULL`)
    .orderBy('c.arrived_at')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
