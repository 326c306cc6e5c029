import type { User } from '../../contract/auth';
import type { Conversation, PersonRef } from '../../contract/conversations';
import type { OfferOutcome } from '../../contract/events';
import { DEFAULT_PROMPTS, type PromptKind } from '../../contract/prompts';
import type { ChosenPresence } from '../../contract/presence';
import type { RoutingSettings } from '../../contract/settings';
import { reload, requireAgent, systemMessage, viewConversation } from '../conversations/conversation-service';
import { requeue } from '../conversations/conversation-store';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError, notFound } from '../http/api-error';
import { insertMessage } from '../messages/message-store';
import { changePresence, lockPresence } from '../presence/presence-store';
import { appendEvent } from '../realtime/event-log';
import { getRoutingSettings } from '../settings/settings-store';
import { lockRouting } from './routing-lock';
import { postPrompt } from '../prompts/post-prompt';
import { chooseAgent } from '../../domain/offer-routing';
import {
  closeOffer,
  insertOffer,
  isLost,
  loadCandidates,
  lockConversationsOf,
  lockRoutedConversation,
  offeredInRound,
  personRef,
  type RoutedConversation,
} from './routing-store';

/** What the customer reads when their agent's connection is gone for good: the queue's prompt, by default this. */
export const LOST_AGENT_MESSAGE = DEFAULT_PROMPTS.agentSessionLost.text;
/** …and when the agent they were transferred to is gone before taking them. */
export const LOST_RESERVED_AGENT_MESSAGE = 'The agent you were transferred to is not available. The next available agent will continue with you.';

/*
 * Lock order, to keep concurrent transactions from deadlocking: the routing lock, then
 * conversation rows (by id when several), then user rows, then the event counter (appendEvent).
 * Picking, sending and ending take a conversation row, then a user row, then the counter too.
 */

/**
 * Offers a waiting conversation of an offering queue to the agent the routing rules choose, and
 * records the offer. Null when it is not to be offered now (not waiting, reserved for someone,
 * a picking queue) or nobody may take it: it then waits in the picklist. Caller holds the lock.
 */
export async function offerConversation(tx: Sql, id: string, settings: RoutingSettings): Promise<PersonRef | null> {
  const row = await lockRoutedConversation(tx, id);
  if (!row || row.state !== 'queued' || row.reserved_for_agent_id || row.routing_mode !== 'offer' || row.held_until !== null) return null;
  const agents = await loadCandidates(tx, row.queue_id);
  const chosen = chooseAgent(agents, { queueId: row.queue_id, offeredThisRound: await offeredInRound(tx, id, row.offer_round) });
  if (!chosen) return null;
  const expiresAt = await insertOffer(tx, { conversationId: id, round: row.offer_round, agentId: chosen.id, timeoutSeconds: settings.offerTimeoutSeconds });
  await typed(tx).updateTable('conversations').set({ state: 'offered', offered_to_agent_id: chosen.id, offer_expires_at: expiresAt }).where('id', '=', id).execute();
  const conversation = await reload(tx, id);
  await appendEvent(tx, { conversationId: id, queueId: row.queue_id, agentId: chosen.id }, { type: 'conversation.offered', conversation });
  return { id: chosen.id, displayName: chosen.displayName };
}

/** Ends the current offer without acceptance: the conversation waits again. Row locked by the caller. */
/** Ends the open offer of `row` without acceptance: it waits again, and the agent passed over is told. */
export async function endOffer(tx: Sql, row: Pick<RoutedConversation, 'id' | 'queue_id' | 'offered_to_agent_id'>, outcome: OfferOutcome): Promise<void> {
  const agentId = row.offered_to_agent_id!;
  await typed(tx).updateTable('conversations').set({ state: 'queued', offered_to_agent_id: null, offer_expires_at: null }).where('id', '=', row.id).execute();
  await closeOffer(tx, row.id, agentId, outcome);
  const conversation = await reload(tx, row.id);
  // The agent passed over hears of it even though the conversation is no longer theirs.
  await appendEvent(
    tx,
    { conversationId: row.id, queueId: row.queue_id, agentId: null, previousAgentId: agentId },
    { type: 'conversation.offer-declined', conversation, agent: await personRef(tx, agentId), outcome },
  );
}

/** Why `user` may not answer the offer of `row` now, or null when it is theirs and still open. */
async function offerProblem(tx: Sql, row: RoutedConversation, user: User): Promise<ApiError | null> {
  if (row.state === 'offered' && row.offered_to_agent_id === user.id) {
    return row.offer_expired ? new ApiError(409, 'offer_expired', 'This offer has expired. The conversation goes to the next agent.') : null;
  }
  if (row.state === 'ended') return new ApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (row.state === 'picked' && row.agent_id === user.id) return new ApiError(409, 'offer_expired', 'You have already accepted this conversation.');
  if (row.state === 'picked' && row.agent_id) {
    const holder = await personRef(tx, row.agent_id);
    return new ApiError(409, 'offer_expired', `This offer has ended: ${holder.displayName} has the conversation now.`, { holder });
  }
  if (row.state === 'offered') return new ApiError(409, 'offer_expired', 'This offer has ended: the conversation is offered to another agent now.');
  return new ApiError(409, 'offer_expired', 'This offer has ended: the conversation waits in the picklist.');
}

/**
 * The offered agent takes the conversation, if the offer is still theirs and has not expired —
 * judged by the clock, so an offer whose time is up is refused even before the sweeper ends it.
 * Accepting starts the agent's idle time afresh and ends a run of missed offers. Accepting a
 * conversation already accepted answers it again (a retry after a lost response).
 */
export async function acceptOffer(db: Database, user: User, id: string): Promise<Conversation> {
  requireAgent(user);
  await viewConversation(db, user, id);
  return db.transaction(async (tx) => {
    await lockRouting(tx);
    const row = await lockRoutedConversation(tx, id);
    if (!row) throw notFound('This conversation');
    if (row.state === 'picked' && row.agent_id === user.id) return reload(tx, id);
    const problem = await offerProblem(tx, row, user);
    if (problem) throw problem;
    await typed(tx)
      .updateTable('conversations')
      .set({
        state: 'picked',
        agent_id: user.id,
        picked_at: sql`now()`,
        offered_to_agent_id: null,
        offer_expires_at: null,
        reserved_for_agent_id: null,
      })
      .where('id', '=', id)
      .execute();
    await typed(tx).updateTable('users').set({ idle_since: sql`now()`, missed_offers: 0 }).where('id', '=', user.id).execute();
    await closeOffer(tx, id, user.id, 'accepted');
    const message = await insertMessage(tx, systemMessage(id, `${user.displayName} joined the conversation.`));
    const conversation = await reload(tx, id);
    const scope = { conversationId: id, queueId: row.queue_id, agentId: user.id };
    await appendEvent(tx, scope, { type: 'conversation.accepted', conversation });
    await appendEvent(tx, scope, { type: 'message.created', message });
    return conversation;
  });
}

/**
 * The offered agent declines: the conversation is offered to the next agent at once, or waits in
 * the picklist when nobody else may take it. The answer is the conversation as it is then.
 */
export async function rejectOffer(db: Database, user: User, id: string): Promise<Conversation> {
  requireAgent(user);
  await viewConversation(db, user, id);
  return db.transaction(async (tx) => {
    await lockRouting(tx);
    const settings = await getRoutingSettings(tx);
    const row = await lockRoutedConversation(tx, id);
    if (!row) throw notFound('This conversation');
    const problem = await offerProblem(tx, row, user);
    if (problem) throw problem;
    // Missed offers catch agents who are not there; answering one shows that they are.
    await typed(tx).updateTable('users').set({ missed_offers: 0 }).where('id', '=', user.id).execute();
    await endOffer(tx, row, 'rejected');
    await offerConversation(tx, id, settings);
    return reload(tx, id);
  });
}

/**
 * Ends an offer whose time ran out and offers the conversation to the next agent. It counts as a
 * missed offer for the agent; at the admin's limit in a row they are set to away, with the
 * reason, so their panel can tell them why. Caller holds the lock. False when nothing was due.
 */
export async function expireOffer(tx: Sql, id: string, settings: RoutingSettings): Promise<boolean> {
  const row = await lockRoutedConversation(tx, id);
  if (!row || row.state !== 'offered' || !row.offer_expired || !row.offered_to_agent_id) return false;
  const agent = await typed(tx)
    .updateTable('users')
    .set((eb) => ({ missed_offers: eb('missed_offers', '+', 1) }))
    .where('id', '=', row.offered_to_agent_id)
    .returning(['id', 'display_name', 'missed_offers', 'presence'])
    .executeTakeFirst();
  await endOffer(tx, row, 'expired');
  if (agent && agent.missed_offers >= settings.maxMissedOffers && agent.presence === 'available') {
    await changePresence(tx, { id: agent.id, displayName: agent.display_name }, { state: 'away', reason: 'missed_offers', resetMissedOffers: true });
  }
  await offerConversation(tx, id, settings);
  return true;
}

/**
 * An agent chooses available, busy or away. Any choice ends a run of missed offers and counts as
 * a sign of life. Leaving "available" withdraws an open offer, which goes to the next agent.
 * Only agents have a presence to choose: nothing is routed to supervisors and admins.
 */
export async function choosePresence(db: Database, user: User, state: ChosenPresence): Promise<void> {
  if (user.role !== 'agent') throw new ApiError(403, 'forbidden', 'Only agents set a presence; nothing is offered to supervisors or admins.');
  await db.transaction(async (tx) => {
    await lockRouting(tx);
    const settings = await getRoutingSettings(tx);
    const offered = state === 'available' ? [] : (await lockConversationsOf(tx, user.id)).filter((c) => c.state === 'offered');
    const current = await lockPresence(tx, user.id);
    if (!current) throw notFound('This user');
    await typed(tx).updateTable('users').set({ missed_offers: 0, last_seen_at: sql`now()` }).where('id', '=', user.id).execute();
    if (current.presence.state !== state || current.presence.reason !== null) {
      await changePresence(tx, current.agent, { state, reason: null, resetMissedOffers: true });
    }
    for (const row of offered) {
      await endOffer(tx, row, 'withdrawn');
      await offerConversation(tx, row.id, settings);
    }
  });
}

/**
 * An agent whose every connection has been gone past the grace period: set offline, offers to
 * them withdrawn, and what they held (or what was transferred to them) back to the top of its
 * queue for the next agent, the customer told in a system message. Their messages stay where
 * they are. Checked again here under the lock, since they may have just come back. Caller holds
 * the lock; false when the agent is not (or no longer) lost.
 */
export async function returnLostAgent(tx: Sql, agentId: string, settings: RoutingSettings): Promise<boolean> {
  const rows = await lockConversationsOf(tx, agentId);
  if (!(await isLost(tx, agentId, settings.lostAgentGraceSeconds, settings.pushKeepChatsMinutes))) return false;
  const current = await lockPresence(tx, agentId);
  if (!current) return false;
  await changePresence(tx, current.agent, { state: 'offline', reason: 'lost_connection', resetMissedOffers: false });
  for (const row of rows) {
    if (row.state === 'offered') {
      await endOffer(tx, row, 'withdrawn');
      continue;
    }
    await returnToQueue(tx, row, current.agent, row.state === 'picked' ? { prompt: 'agentSessionLost' } : { text: LOST_RESERVED_AGENT_MESSAGE });
  }
  for (const row of rows) await offerConversation(tx, row.id, settings);
  return true;
}

/**
 * A conversation `agent` held (or that waited reserved for them) goes back to the top of its
 * queue, in a new offer round so that agents who declined it before may be offered it again; the
 * customer is told `say`: a fixed text, or the queue's prompt (nothing when the admin switched it
 * off). Caller holds the conversation's row lock.
 */
export async function returnToQueue(
  tx: Sql,
  row: { id: string; queue_id: string },
  agent: PersonRef,
  say: { text: string } | { prompt: PromptKind },
): Promise<void> {
  await requeue(tx, row.id, { reserved_for_agent_id: null, returned_at: sql`now()` });
  const scope = { conversationId: row.id, queueId: row.queue_id, agentId: null, previousAgentId: agent.id };
  if ('prompt' in say) {
    await postPrompt(tx, row.id, say.prompt, {}, { previousAgentId: agent.id });
  } else {
    const message = await insertMessage(tx, systemMessage(row.id, say.text));
    await appendEvent(tx, scope, { type: 'message.created', message });
  }
  const conversation = await reload(tx, row.id);
  await appendEvent(tx, scope, { type: 'conversation.returned', conversation, agent });
}
