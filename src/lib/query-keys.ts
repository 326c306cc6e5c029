import type { ConversationView } from '../contract/conversations';
import { DEFAULT_CONVERSATION_SORT } from '../contract/limits';
import type { ConversationSort } from '../contract/preferences';

/** Every query key of the SPA, built in one place so invalidations never retype them. */
export const queryKeys = {
  session: () => ['session'] as const,
  setup: () => ['setup'] as const,
  queues: () => ['queues'] as const,
  transferTargets: () => ['transfer-targets'] as const,
  /** The end reasons a queue offers (the End chat dialog). */
  wrapUpOptions: (queueId: string) => ['wrap-up', queueId] as const,
  attachmentPolicy: () => ['attachment-policy'] as const,
  settings: () => ['settings'] as const,
  /** Offer timeout and friends: nested under settings, so a settings.updated invalidation refreshes them too. */
  routingSettings: () => ['settings', 'routing'] as const,
  presence: () => ['presence'] as const,
  /** Why the server last changed my presence, until I dismiss it; filled by realtime events only. */
  presenceNotice: () => ['presence-notice'] as const,
  preferences: () => ['preferences'] as const,
  /** My logged-in devices. */
  deviceSessions: () => ['device-sessions'] as const,
  /** My devices registered for push notifications, and the server's VAPID key. */
  devices: () => ['devices'] as const,
  /** My personal canned responses and the shared ones I may use. */
  cannedResponses: () => ['canned-responses'] as const,
  conversations: {
    all: () => ['conversations'] as const,
    lists: () => ['conversations', 'list'] as const,
    list: (view: ConversationView) => ['conversations', 'list', view] as const,
    /** The paged Picklist, and my Conversations in one sort order (one cache entry per order). */
    pages: (view: 'picklist' | 'mine', sort?: ConversationSort) =>
      (view === 'mine' ? ['conversations', 'list', view, sort ?? DEFAULT_CONVERSATION_SORT] : ['conversations', 'list', view]) as readonly string[],
    /** My unread totals (held, offered), from the server. */
    unread: () => ['conversations', 'unread'] as const,
    /** My read state in the loaded rows of my lists: filled from their pages and events, never fetched alone. */
    reads: () => ['conversations', 'reads'] as const,
    detail: (id: string) => ['conversations', id] as const,
    messages: (id: string) => ['conversations', id, 'messages'] as const,
    notes: (id: string) => ['conversations', id, 'notes'] as const,
    mentionCandidates: (id: string) => ['conversations', id, 'mention-candidates'] as const,
    history: (id: string, order: 'newest' | 'oldest') => ['conversations', id, 'history', order] as const,
    earlier: (id: string) => ['conversations', id, 'earlier'] as const,
    transfers: (id: string) => ['conversations', id, 'transfers'] as const,
    rating: (id: string) => ['conversations', id, 'rating'] as const,
    /** Supervisors and admins: arrival, offers, picks, transfers… oldest first. */
    audit: (id: string) => ['conversations', id, 'audit'] as const,
    draft: (id: string) => ['conversations', id, 'draft'] as const,
    /** Colleagues' @mentions of me that arrived in this tab and are not dismissed: filled from events, never fetched. */
    mentions: () => ['conversations', 'mention-notices'] as const,
    handled: (filters: { search: string; sort: string; order: string }) => ['conversations', 'handled', filters] as const,
    /** The panel's search: conversations and messages matching what was typed. */
    search: (q: string) => ['conversations', 'search', q] as const,
  },
  /** The supervisors' live views. */
  supervision: {
    all: () => ['supervision'] as const,
    queues: () => ['supervision', 'queues'] as const,
    agents: () => ['supervision', 'agents'] as const,
    conversationLists: () => ['supervision', 'conversations'] as const,
    /** Paged, by arrival. */
    conversations: (queueId: string | undefined) => ['supervision', 'conversations', queueId ?? 'all'] as const,
    /** Reasons chats ended with since a moment (the start of the supervisor's day). */
    wrapUp: () => ['supervision', 'wrap-up'] as const,
    wrapUpCounts: (since: string) => ['supervision', 'wrap-up', since] as const,
    allRatings: () => ['supervision', 'ratings'] as const,
    ratings: (today: string) => ['supervision', 'ratings', today] as const,
  },
  /** The admins' tables. */
  admin: {
    all: () => ['admin'] as const,
    queues: () => ['admin', 'queues'] as const,
    users: () => ['admin', 'users'] as const,
    channels: () => ['admin', 'channels'] as const,
    audit: () => ['admin', 'audit'] as const,
    wrapUp: () => ['admin', 'wrap-up'] as const,
  },
  webchat: {
    survey: (token: string) => ['webchat', token, 'survey'] as const,
    all: (token: string) => ['webchat', token] as const,
    attachmentPolicy: (token: string) => ['webchat', token, 'attachment-policy'] as const,
    conversation: (token: string) => ['webchat', token, 'conversation'] as const,
    messages: (token: string) => ['webchat', token, 'messages'] as const,
  },
};
