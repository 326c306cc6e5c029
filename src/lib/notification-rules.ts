import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import type { ConversationEvent } from '../contract/events';
import type { NotificationPreferences } from '../contract/preferences';
import type { RoutingMode } from '../contract/queues';
import { strings } from './strings';

/** What the agent is shown or played for one event. */
export interface Alerting {
  kind: 'message' | 'offer' | 'waiting';
  conversationId: string;
  title: string;
  body: string;
  /** One desktop notification per conversation: a newer one replaces the older. */
  tag: string;
}

export interface AlertContext {
  user: User;
  preferences: NotificationPreferences;
  /** The conversation on screen, if any. */
  viewingId: string | undefined;
  /** Whether the tab is visible right now. */
  pageVisible: boolean;
  /** Whether the user holds this conversation now (from the cached lists). */
  holds(conversationId: string): boolean;
  /** The conversation as cached, for the customer's name on message events. */
  conversation(conversationId: string): Conversation | undefined;
  /** How a queue routes, when known: new conversations of offer queues are announced by their offer. */
  routingMode(queueId: string): RoutingMode | undefined;
  now: number;
}

/**
 * Events replayed after a long disconnect are history, not news: notifying about them would
 * ring for things the agent has most likely seen on another device meanwhile.
 */
export const STALE_EVENT_MS = 2 * 60_000;

export const notificationTag = (conversationId: string) => `conversation-${conversationId}`;

const waitsInMyPicklist = (c: Conversation, user: User) =>
  c.state === 'queued' && (c.reservedFor ? c.reservedFor.id === user.id : user.queueIds.includes(c.queue.id));

const preview = (text: string | undefined, hasAttachments = false) =>
  text?.trim() || (hasAttachments ? strings.notifications.attachmentOnly : '');

/**
 * Decides whether one realtime event deserves the agent's attention, following their
 * preferences: a customer's message in a conversation they hold (unless it is on screen), an
 * offer made to them, or a new conversation waiting in their picklist. Returns null otherwise.
 */
export function alertingFor(event: ConversationEvent, ctx: AlertContext): Alerting | null {
  const { user, preferences } = ctx;
  if (user.role !== 'agent') return null;
  if (ctx.now - Date.parse(event.at) > STALE_EVENT_MS) return null;

  if (event.type === 'message.created') {
    const { message } = event;
    if (!preferences.newMessages || message.authorKind !== 'customer') return null;
    if (!ctx.holds(message.conversationId)) return null;
    if (ctx.pageVisible && ctx.viewingId === message.conversationId) return null;
    const customer = ctx.conversation(message.conversationId)?.customer.name || message.authorName;
    return {
      kind: 'message',
      conversationId: message.conversationId,
      title: strings.notifications.newMessage(customer),
      body: preview(message.text, message.attachments.length > 0),
      tag: notificationTag(message.conversationId),
    };
  }

  if (!preferences.newConversations) return null;
  if (event.type === 'conversation.offered') {
    const c = event.conversation;
    if (c.offer?.agent.id !== user.id || Date.parse(c.offer.expiresAt) <= ctx.now) return null;
    return {
      kind: 'offer',
      conversationId: c.id,
      title: strings.notifications.offer(c.customer.name),
      body: strings.notifications.offerBody(c.queue.name, preview(c.firstMessage?.text)),
      tag: notificationTag(c.id),
    };
  }
  if (event.type === 'conversation.created' || event.type === 'conversation.returned' || event.type === 'conversation.transferred') {
    const c = event.conversation;
    if (!waitsInMyPicklist(c, user)) return null;
    // Offer queues announce a new conversation through its offer, to one agent at a time.
    if (event.type === 'conversation.created' && ctx.routingMode(c.queue.id) === 'offer') return null;
    if (event.type === 'conversation.returned' && event.agent.id === user.id) return null;
    if (event.type === 'conversation.transferred' && event.transfer.from.id === user.id) return null;
    return {
      kind: 'waiting',
      conversationId: c.id,
      title: (event.type === 'conversation.returned' ? strings.notifications.returned : strings.notifications.waiting)(c.customer.name),
      body: strings.notifications.offerBody(c.queue.name, preview(c.firstMessage?.text)),
      tag: notificationTag(c.id),
    };
  }
  return null;
}
