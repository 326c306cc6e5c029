import type { PresenceState } from '../contract/presence';

/** What routing knows of an agent when it decides who is offered a conversation. */
export interface AgentCandidate {
  id: string;
  presence: PresenceState;
  /** The most conversations the agent holds at once before offers stop (admin-set). */
  capacity: number;
  /** Conversations held now, plus the ones offered to the agent now. */
  load: number;
  /** An offer is waiting for the agent's answer. */
  hasOffer: boolean;
  /** Since when the agent has waited for work: the last accepted or picked conversation, or becoming available. */
  idleSince: Date;
  /** Has a live realtime connection on some server instance. */
  connected: boolean;
  queueIds: readonly string[];
}

/** The conversation to offer: its queue, and who already declined it in this round. */
export interface OfferTarget {
  queueId: string;
  /** Agents offered it in the current round, whatever became of the offer. */
  offeredThisRound: ReadonlySet<string>;
}

export type Ineligibility = 'not_in_queue' | 'not_available' | 'not_connected' | 'at_capacity' | 'has_offer' | 'declined';

/** Why `agent` may not be offered `target` now, or null when they may. */
export function ineligibility(agent: AgentCandidate, target: OfferTarget): Ineligibility | null {
  if (!agent.queueIds.includes(target.queueId)) return 'not_in_queue';
  if (agent.presence !== 'available') return 'not_available';
  if (!agent.connected) return 'not_connected';
  // Capacity limits offers only: an agent at capacity may still pick from the picklist on purpose.
  if (agent.load >= agent.capacity) return 'at_capacity';
  // One offer at a time: otherwise the longest-idle agent would collect every new conversation of
  // a burst while the others wait, since idle time changes only when an offer is accepted.
  if (agent.hasOffer) return 'has_offer';
  // Whoever rejected it or let it expire in this round is passed over until it waits anew.
  if (target.offeredThisRound.has(agent.id)) return 'declined';
  return null;
}

/**
 * The agent to offer `target` to: of those who may take it, the one who has waited longest for
 * work (ties broken by id, so every instance decides alike); null when nobody may.
 */
export function chooseAgent<A extends AgentCandidate>(agents: readonly A[], target: OfferTarget): A | null {
  let best: A | null = null;
  for (const agent of agents) {
    if (ineligibility(agent, target) !== null) continue;
    if (!best || waitedLonger(agent, best)) best = agent;
  }
  return best;
}

function waitedLonger(a: AgentCandidate, b: AgentCandidate): boolean {
  const diff = a.idleSince.getTime() - b.idleSince.getTime();
  return diff < 0 || (diff === 0 && a.id < b.id);
}
