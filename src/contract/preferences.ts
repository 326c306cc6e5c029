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

export const PreferencesResponseSchema = z.object({ preferences: PreferencesSchema });
