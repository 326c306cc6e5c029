import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import type { ChosenPresence, MyPresenceResponse, PresenceReason, PresenceState } from '../contract/presence';
import type { RoutingSettings } from '../contract/settings';
import { type AgentCandidate, chooseAgent } from '../domain/offer-routing';
import { binary, byPicklistOrder, requireAgent, systemMessage, viewConversation } from './access';
import { type AgentState, type ConversationRecord, type OfferRecord, appendMessage, mockData, personRef, toConversation } from './data';
import { MockApiError } from './mock-errors';
import { isLoggedIn } from './sessions';
import { isHeld, releaseDueMessages } from './queue-limits';
import { publish, publishWorkspace, scopeOf } from './event-log';

/*
 * Presence and offers, as src/server/presence and src/server/routing. The mocks have no server-side
 * connections: a session stands for one (login makes an offline agent available, as a socket's
 * hello does), and agents are never lost, so nothing is returned to the queue for that reason.
 */

export const now = () => new Date().toISOString();

export function agentState(userId: string): AgentState {
  const state = mockData.agentStates.get(userId);
  if (!state) throw new Error(`mock user ${userId} has no presence`);
  return state;
}

/** Conversations held, plus the one offered (the server's load). */
const loadOf = (userId: string) =>
  mockData.conversations.filter((c) => (c.state === 'picked' && c.agentId === userId) || (c.state === 'offered' && c.offeredToId === userId)).length;

export function myPresence(userId: string): MyPresenceResponse {
  const state = agentState(userId);
  return { presence: structuredClone(state.presence), capacity: state.capacity, load: loadOf(userId) };
}

export function setPresence(userId: string, state: PresenceState, reason: PresenceReason | null, resetMissedOffers: boolean) {
  const agent = agentState(userId);
  // Idle time restarts only on becoming available.
  if (state === 'available' && agent.presence.state !== 'available') agent.idleSince = now();
  agent.presence = { state, since: now(), reason };
  if (resetMissedOffers) agent.missedOffers = 0;
  publishWorkspace({ type: 'presence.changed', agent: personRef(userId), presence: structuredClone(agent.presence) });
}

const queueOf = (c: ConversationRecord) => mockData.queues.find((q) => q.id === c.queueId)!;

/**
 * Offers a waiting conversation of an offering queue to the agent the domain's routing rule
 * chooses (a session stands for a live connection). Returns whether it was offered.
 */
export function offerConversation(record: ConversationRecord, settings: RoutingSettings): boolean {
  if (record.state !== 'queued' || record.reservedForId || queueOf(record).routingMode !== 'offer' || isHeld(record.id)) return false;
  const offeredThisRound = new Set(mockData.offers.filter((o) => o.conversationId === record.id && o.round === record.offerRound).map((o) => o.agentId));
  const candidates = mockData.users
    .filter((u) => u.role === 'agent')
    .map((u): AgentCandidate => {
      const state = agentState(u.id);
      return {
        id: u.id,
        presence: state.presence.state,
        capacity: state.capacity,
        load: loadOf(u.id),
        hasOffer: mockData.conversations.some((c) => c.state === 'offered' && c.offeredToId === u.id),
        idleSince: new Date(state.idleSince),
        connected: isLoggedIn(u.id),
        queueIds: u.queueIds,
      };
    });
  const chosen = chooseAgent(candidates, { queueId: record.queueId, offeredThisRound });
  if (!chosen) return false;
  const offeredAt = Date.now();
  const expiresAt = new Date(offeredAt + settings.offerTimeoutSeconds * 1000).toISOString();
  mockData.offers.push({ conversationId: record.id, round: record.offerRound, agentId: chosen.id, offeredAt: new Date(offeredAt).toISOString(), expiresAt, outcome: null });
  Object.assign(record, { state: 'offered', offeredToId: chosen.id, offerExpiresAt: expiresAt });
  publish(scopeOf(record), { type: 'conversation.offered', conversation: toConversation(record) });
  return true;
}

export function closeOffer(record: ConversationRecord, agentId: string, outcome: NonNullable<OfferRecord['outcome']>) {
  for (const o of mockData.offers) if (o.conversationId === record.id && o.agentId === agentId && o.outcome === null) o.outcome = outcome;
}

/** Ends the open offer without acceptance: the conversation waits again. */
function endOffer(record: ConversationRecord, outcome: 'rejected' | 'expired' | 'withdrawn') {
  const agentId = record.offeredToId!;
  closeOffer(record, agentId, outcome);
  Object.assign(record, { state: 'queued', offeredToId: null, offerExpiresAt: null });
  // The agent passed over hears of it although the conversation is no longer theirs.
  publish({ ...scopeOf(record, agentId), agentId: null }, { type: 'conversation.offer-declined', conversation: toConversation(record), agent: personRef(agentId), outcome });
}

const offerExpired = (record: ConversationRecord) => record.offerExpiresAt !== null && Date.parse(record.offerExpiresAt) <= Date.now();

/** An offer whose time ran out: a missed offer for its agent (away at the admin's limit), then the next agent. */
function expireOffer(record: ConversationRecord, settings: RoutingSettings) {
  const userId = record.offeredToId!;
  const agent = agentState(userId);
  agent.missedOffers += 1;
  endOffer(record, 'expired');
  if (agent.missedOffers >= settings.maxMissedOffers && agent.presence.state === 'available') {
    setPresence(userId, 'away', 'missed_offers', true);
  }
  offerConversation(record, settings);
}

/**
 * The sweeper's work, done before each answer: expired offers end (the next agent is offered the
 * conversation), then waiting conversations of offering queues are offered — those back from a
 * lost agent first, then the oldest.
 */
export function sweepRouting() {
  releaseDueMessages();
  const settings = mockData.settings.routing;
  const expired = mockData.conversations
    .filter((c) => c.state === 'offered' && offerExpired(c))
    .sort((a, b) => binary(a.offerExpiresAt!, b.offerExpiresAt!) || binary(a.id, b.id));
  for (const record of expired) expireOffer(record, settings);
  const offerable = mockData.conversations
    .filter((c) => c.state === 'queued' && !c.reservedForId && queueOf(c).routingMode === 'offer')
    .sort((a, b) => byPicklistOrder(a, b) || binary(a.returnedAt ?? '', b.returnedAt ?? ''));
  for (const record of offerable) offerConversation(record, settings);
}

/** Why `user` may not answer the offer of `record` now, or null when it is theirs and still open (offers.ts). */
function offerProblem(record: ConversationRecord, user: User): MockApiError | null {
  if (record.state === 'offered' && record.offeredToId === user.id) {
    return offerExpired(record) ? new MockApiError(409, 'offer_expired', 'This offer has expired. The conversation goes to the next agent.') : null;
  }
  if (record.state === 'ended') return new MockApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (record.state === 'picked' && record.agentId === user.id) return new MockApiError(409, 'offer_expired', 'You have already accepted this conversation.');
  if (record.state === 'picked' && record.agentId) {
    const holder = toConversation(record).agent!;
    return new MockApiError(409, 'offer_expired', `This offer has ended: ${holder.displayName} has the conversation now.`, { holder });
  }
  if (record.state === 'offered') return new MockApiError(409, 'offer_expired', 'This offer has ended: the conversation is offered to another agent now.');
  return new MockApiError(409, 'offer_expired', 'This offer has ended: the conversation waits in the picklist.');
}

/** The offered agent takes the conversation; a retry after a lost answer gets it again. */
export function acceptOffer(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  if (record.state === 'picked' && record.agentId === user.id) return toConversation(record);
  const problem = offerProblem(record, user);
  if (problem) throw problem;
  Object.assign(record, { state: 'picked', agentId: user.id, pickedAt: now(), offeredToId: null, offerExpiresAt: null, reservedForId: null });
  const agent = agentState(user.id);
  agent.idleSince = now();
  agent.missedOffers = 0;
  closeOffer(record, user.id, 'accepted');
  const joined = appendMessage(record.id, systemMessage(`${user.displayName} joined the conversation.`));
  const conversation = toConversation(record);
  publish(scopeOf(record), { type: 'conversation.accepted', conversation });
  publish(scopeOf(record), { type: 'message.created', message: joined });
  return conversation;
}

/** The offered agent declines: offered to the next agent at once, or back to the picklist. */
export function rejectOffer(user: User, id: string): Conversation {
  requireAgent(user);
  const record = viewConversation(user, id);
  const problem = offerProblem(record, user);
  if (problem) throw problem;
  agentState(user.id).missedOffers = 0;
  endOffer(record, 'rejected');
  offerConversation(record, mockData.settings.routing);
  return toConversation(record);
}

/** An agent chooses a presence; leaving "available" withdraws an open offer, which goes to the next agent. */
export function choosePresence(user: User, state: ChosenPresence) {
  if (user.role !== 'agent') throw new MockApiError(403, 'forbidden', 'Only agents set a presence; nothing is offered to supervisors or admins.');
  const offered = state === 'available' ? [] : mockData.conversations.filter((c) => c.state === 'offered' && c.offeredToId === user.id);
  const current = agentState(user.id);
  current.missedOffers = 0;
  if (current.presence.state !== state || current.presence.reason !== null) setPresence(user.id, state, null, true);
  for (const record of offered) {
    endOffer(record, 'withdrawn');
    offerConversation(record, mockData.settings.routing);
  }
}
