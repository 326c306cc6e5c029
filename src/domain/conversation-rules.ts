import type { User } from '../contract/auth';
import type { Conversation, ConversationState, ConversationView } from '../contract/conversations';

/*
 * Who sees which conversation, and in which of their lists: the rules the server (in TypeScript
 * and in its list queries' WHERE clauses), the browser cache and the mocks all follow. The SQL
 * forms are checked against these functions in conversation-rules-sql.test.ts.
 */

/** What the rules need to know of the person looking (a User, or a principal read from the database). */
export interface Viewer {
  id: string;
  role: User['role'] | (string & {});
  queueIds: readonly string[];
}

/** What the rules need to know of a conversation: its state and who it belongs to. */
export interface ConversationFacts {
  state: ConversationState;
  queueId: string;
  /** Who holds it (picked), or held it last (ended). */
  agentId: string | null;
  /** Set while it waits after a transfer to one agent. */
  reservedForId: string | null;
  /** Set while it is offered to one agent. */
  offeredToId: string | null;
}

/** The facts of a conversation as the API describes it. */
export const factsOf = (c: Conversation): ConversationFacts => ({
  state: c.state,
  queueId: c.queue.id,
  agentId: c.agent?.id ?? null,
  reservedForId: c.reservedFor?.id ?? null,
  offeredToId: c.offer?.agent.id ?? null,
});

/**
 * Agents see conversations of their queues, those they hold or held, those reserved for them and
 * those they transferred away (`gaveItAway`: only the transfers know); supervisors and admins see all.
 */
export function canView(viewer: Viewer, c: Pick<ConversationFacts, 'queueId' | 'agentId' | 'reservedForId'>, gaveItAway = false): boolean {
  return (
    viewer.role !== 'agent' ||
    viewer.queueIds.includes(c.queueId) ||
    c.agentId === viewer.id ||
    c.reservedForId === viewer.id ||
    gaveItAway
  );
}

/**
 * The Picklist: waiting conversations. A conversation reserved after a transfer waits for that
 * agent alone, whether or not they serve its queue; any other for the agents of its queue.
 * Supervisors and admins see every waiting one. One being offered is that agent's offer, in
 * nobody's picklist.
 */
export function inPicklistOf(viewer: Viewer, c: ConversationFacts): boolean {
  if (c.state !== 'queued') return false;
  if (viewer.role !== 'agent') return true;
  return c.reservedForId ? c.reservedForId === viewer.id : viewer.queueIds.includes(c.queueId);
}

/** Whether a conversation belongs in one of the viewer's lists: Picklist, Offers (to them) or Mine (held by them). */
export function belongsIn(view: ConversationView, c: ConversationFacts, viewer: Viewer): boolean {
  if (view === 'picklist') return inPicklistOf(viewer, c);
  if (view === 'offers') return c.state === 'offered' && c.offeredToId === viewer.id;
  return c.state === 'picked' && c.agentId === viewer.id;
}
