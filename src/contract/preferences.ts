import { z } from 'zod';
import { DEFAULT_CONVERSATION_SORT } from './limits';

export { DEFAULT_CONVERSATION_SORT };

/** How the Conversations list is ordered. */
export const ConversationSortSchema = z.enum([
  /** Arrival time, newest first. */
  'arrived-newest',
  /** Arrival time, oldest first. */
  'arrived-oldest',
  /** The customer's latest message, most recent first. */
  'last-customer-message',
  /** Waiting longest for my reply first; answered conversations last. */
  'waiting-longest',
  /** Conversations with unread customer messages first, most unread first. */
  'unread-first',
  /** Customer name, A to Z. */
  'customer-name',
]);
export type ConversationSort = z.infer<typeof ConversationSortSchema>;

export const NotificationPreferencesSchema = z.object({
  /** New customer messages in conversations I hold. */
  newMessages: z.boolean(),
  /** Offers made to me, and new conversations waiting in my queues. */
  newConversations: z.boolean(),
  /** Raise the browser's desktop notifications (the browser asks the user's permission once). */
  desktop: z.boolean(),
  /** Play a short sound (on by default; browsers allow it once the user has interacted with the page). */
  sound: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** The sections of the conversation side panel (supervisors and admins also have the audit trail). */
export const SidePanelSectionSchema = z.enum(['customer', 'details', 'history', 'notes', 'audit']);
export type SidePanelSection = z.infer<typeof SidePanelSectionSchema>;

/**
 * The side panel on a wide screen, where it lies beside the chat: whether it is open, and which
 * section. Kept on the server with the other preferences, so it follows the user to every
 * computer they log in on (a browser's own storage would not); narrower screens do not use it.
 */
export const SidePanelPreferenceSchema = z.object({ open: z.boolean(), section: SidePanelSectionSchema });
export type SidePanelPreference = z.infer<typeof SidePanelPreferenceSchema>;

/** Per user, on the server: every device of the user shares them. */
export const PreferencesSchema = z.object({
  conversationSort: ConversationSortSchema,
  notifications: NotificationPreferencesSchema,
  sidePanel: SidePanelPreferenceSchema,
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/**
 * What a user has not chosen. The server keeps only the choices users make, so a default changed
 * here reaches everyone who never chose (sound was off by default before; those who saved
 * preferences then keep what they saved).
 */
export const DEFAULT_PREFERENCES: Preferences = {
  conversationSort: DEFAULT_CONVERSATION_SORT,
  notifications: { newMessages: true, newConversations: true, desktop: false, sound: true },
  sidePanel: { open: true, section: 'customer' },
};

/** PUT replaces only what it names. */
export const UpdatePreferencesRequestSchema = z.object({
  conversationSort: ConversationSortSchema.optional(),
  notifications: NotificationPreferencesSchema.partial().optional(),
  sidePanel: SidePanelPreferenceSchema.partial().optional(),
});
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequestSchema>;

const definedOnly = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * What a user chose, with an update's choices over it: the server stores this (and the mocks keep
 * it), never the defaults, so a default changed later reaches everyone who never chose.
 */
export function withChoices(stored: UpdatePreferencesRequest | undefined, update: UpdatePreferencesRequest): UpdatePreferencesRequest {
  const sort = update.conversationSort ?? stored?.conversationSort;
  const sidePanel = { ...definedOnly(stored?.sidePanel), ...definedOnly(update.sidePanel) };
  return {
    ...(sort ? { conversationSort: sort } : {}),
    notifications: { ...definedOnly(stored?.notifications), ...definedOnly(update.notifications) },
    ...(Object.keys(sidePanel).length > 0 ? { sidePanel } : {}),
  };
}

/**
 * A user's preferences: their stored choices over the defaults. Whatever is stored that this
 * version does not understand (an old row, a value since removed) falls back to its default.
 */
export function preferencesFrom(stored: unknown): Preferences {
  const raw = (stored ?? {}) as { conversationSort?: unknown; notifications?: Record<string, unknown>; sidePanel?: Record<string, unknown> };
  const sort = ConversationSortSchema.safeParse(raw.conversationSort);
  const notifications = { ...DEFAULT_PREFERENCES.notifications };
  for (const key of Object.keys(notifications) as (keyof NotificationPreferences)[]) {
    const value = raw.notifications?.[key];
    if (typeof value === 'boolean') notifications[key] = value;
  }
  const open = raw.sidePanel?.open;
  const section = SidePanelSectionSchema.safeParse(raw.sidePanel?.section);
  return {
    conversationSort: sort.success ? sort.data : DEFAULT_PREFERENCES.conversationSort,
    notifications,
    sidePanel: {
      open: typeof open === 'boolean' ? open : DEFAULT_PREFERENCES.sidePanel.open,
      section: section.success ? section.data : DEFAULT_PREFERENCES.sidePanel.section,
    },
  };
}

export const PreferencesResponseSchema = z.object({ preferences: PreferencesSchema });
