import type { CustomerEvent, RealtimeFrame } from '../../contract/events';
import { messageFor } from '../../contract/messages';
import { toCustomerConversation } from '../../contract/webchat';
import { canView, type Viewer } from '../../domain/conversation-rules';
import type { Principal } from '../auth/principal';
import type { LoggedEvent, StoredEvent, StoredUserEvent, StoredWorkspaceEvent } from './event-log';

/**
 * Staff: agents see their queues, what is assigned or reserved to them, and the transfer that took
 * a conversation away from them; supervisors and admins see all.
 */
export function staffCanSee(user: Viewer, scope: StoredEvent['scope']): boolean {
  return canView(user, { queueId: scope.queueId, agentId: scope.agentId, reservedForId: null }, scope.previousAgentId === user.id);
}

/** The customer's view of an event of their own conversation; null for anything else. */
export function toCustomerEvent(stored: StoredEvent, conversationId: string): CustomerEvent | null {
  if (stored.scope.conversationId !== conversationId) return null;
  const { event } = stored;
  const base = { seq: event.seq, at: event.at };
  switch (event.type) {
    // Internal notes are for staff; a customer must never learn of them, not even that one exists.
    case 'note.created':
      return null;
    case 'message.created':
      return { ...base, type: 'message.created', message: messageFor(event.message, { kind: 'customer' }) };
    case 'conversation.created':
    case 'conversation.picked':
    case 'conversation.ended':
    // Waiting again; the transfer itself (and its internal note) stays with staff.
    case 'conversation.transferred':
    // Offers and returns: the customer only learns the conversation's new state.
    case 'conversation.offered':
    case 'conversation.accepted':
    case 'conversation.offer-declined':
    case 'conversation.returned':
      return { ...base, type: 'conversation.updated', conversation: toCustomerConversation(event.conversation) };
  }
}

const isWorkspaceEvent = (stored: LoggedEvent): stored is StoredWorkspaceEvent => stored.scope === null;
const isUserEvent = (stored: LoggedEvent): stored is StoredUserEvent => stored.scope !== null && 'userId' in stored.scope;

/** The frame a principal receives for an event, or null when it is not theirs to see. */
export function frameFor(principal: Principal, stored: LoggedEvent): RealtimeFrame | null {
  // Workspace events (settings, presence) go to every staff member; customers fetch their policy when needed.
  if (isWorkspaceEvent(stored)) return principal.kind === 'staff' ? { kind: 'workspace-event', event: stored.event } : null;
  // A user's own events (read markers, preferences) reach every device of that user and nobody else.
  if (isUserEvent(stored)) {
    return principal.kind === 'staff' && principal.user.id === stored.scope.userId ? { kind: 'user-event', event: stored.event } : null;
  }
  if (principal.kind === 'customer') {
    const event = toCustomerEvent(stored, principal.conversationId);
    return event ? { kind: 'customer-event', event } : null;
  }
  if (!staffCanSee(principal.user, stored.scope)) return null;
  const { event } = stored;
  // Each author alone learns their messages' client ids (see messageFor).
  if (event.type === 'message.created') {
    return { kind: 'event', event: { ...event, message: messageFor(event.message, { kind: 'staff', userId: principal.user.id }) } };
  }
  return { kind: 'event', event };
}

/**
 * Who sees an event the same way: principals with the same key get equal frames from frameFor.
 * Mirrors frameFor's branches; the visibility rule itself is staffCanSee, run per principal.
 */
function audienceKey(principal: Principal, stored: LoggedEvent): string {
  if (isWorkspaceEvent(stored)) return principal.kind;
  if (isUserEvent(stored)) return principal.kind === 'staff' && principal.user.id === stored.scope.userId ? 'owner' : 'other';
  if (principal.kind === 'customer') return principal.conversationId === stored.scope.conversationId ? 'customer' : 'other';
  if (!staffCanSee(principal.user, stored.scope)) return 'other';
  const { event } = stored;
  // Each author alone learns their messages' client ids.
  const own = event.type === 'message.created' && event.message.authorKind === 'agent' && event.message.authorId === principal.user.id;
  return own ? 'author' : 'staff';
}

/**
 * frameFor for one event and many sockets: each audience's frame is built once and the same
 * object goes to all its sockets, so each socket does not rebuild (or re-serialise, see
 * realtime-routes) what fifty others already did.
 */
export function sharedFrames(stored: LoggedEvent): (principal: Principal) => RealtimeFrame | null {
  const built = new Map<string, RealtimeFrame | null>();
  return (principal) => {
    const key = audienceKey(principal, stored);
    if (!built.has(key)) built.set(key, frameFor(principal, stored));
    return built.get(key)!;
  };
}
