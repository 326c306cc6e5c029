import type { ConversationEvent, CustomerEvent, RealtimeFrame, UserEvent, WorkspaceEvent } from '../contract/events';
import { messageFor } from '../contract/messages';
import { toCustomerConversation } from '../contract/webchat';
import { canView, type Viewer } from './conversation-rules';

/*
 * The realtime log's entries and who receives each, for the server's hub and the mocks' socket
 * alike, so a mocked panel gets the frames the server would send it.
 */

/** What gets stored; seq and time are assigned by the log. */
export type NewEvent = DistributiveOmit<ConversationEvent, 'seq' | 'at'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Who an event concerns, for deciding which sockets receive it. */
export interface EventScope {
  conversationId: string;
  queueId: string;
  agentId: string | null;
  /**
   * The agent who just gave the conversation away (transfers), so they learn it left them even
   * when they do not serve its queue. Absent for every other event.
   */
  previousAgentId?: string | null;
}

export interface StoredEvent {
  event: ConversationEvent;
  scope: EventScope;
}

/** Workspace-wide events (settings) concern no conversation: every staff socket receives them. */
export type NewWorkspaceEvent = DistributiveOmit<WorkspaceEvent, 'seq' | 'at'>;
export interface StoredWorkspaceEvent {
  event: WorkspaceEvent;
  scope: null;
}

/** Events for one user's own devices (read markers, preferences): nobody else receives them. */
export type NewUserEvent = DistributiveOmit<UserEvent, 'seq' | 'at'>;
export interface StoredUserEvent {
  event: UserEvent;
  scope: { userId: string };
}

/** Any entry of the log. */
export type LoggedEvent = StoredEvent | StoredWorkspaceEvent | StoredUserEvent;

/** Who a socket belongs to, as far as deciding its frames goes (the server's Principal fits). */
export type EventAudience = { kind: 'staff'; user: Viewer } | { kind: 'customer'; conversationId: string; customerId: string };

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
    // How far a message to a messaging channel got is for the agents.
    case 'message.delivery':
    // The customer gets the idle warning itself, as a message.
    case 'conversation.idle-warned':
    // The customer knows their own answer; the event tells the staff.
    case 'conversation.rated':
      return null;
    case 'message.created':
      return { ...base, type: 'message.created', message: messageFor(event.message, { kind: 'customer' }) };
    case 'conversation.created':
    case 'conversation.rescheduled':
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

export const isWorkspaceEvent = (stored: LoggedEvent): stored is StoredWorkspaceEvent => stored.scope === null;
export const isUserEvent = (stored: LoggedEvent): stored is StoredUserEvent => stored.scope !== null && 'userId' in stored.scope;

/** The frame a principal receives for an event, or null when it is not theirs to see. */
export function frameFor(principal: EventAudience, stored: LoggedEvent): RealtimeFrame | null {
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
  // A left message stays out of every staff view until it is released.
  if (event.type === 'conversation.rescheduled') return null;
  // Each author alone learns their messages' client ids (see messageFor).
  if (event.type === 'message.created') {
    return { kind: 'event', event: { ...event, message: messageFor(event.message, { kind: 'staff', userId: principal.user.id }) } };
  }
  return { kind: 'event', event };
}

