import { z } from 'zod';
import { LANGUAGES } from './languages';
import { DEFAULT_CONVERSATION_SORT } from './limits';
import { CONVERSATION_SORTS, SIDE_PANEL_SECTIONS, type ConversationSort, type SidePanelSection } from './preference-choices';

export { DEFAULT_CONVERSATION_SORT };

/** How the Conversations list is ordered (the orders are in preference-choices.ts, without zod). */
export const ConversationSortSchema = z.enum(CONVERSATION_SORTS);
export type { ConversationSort };

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
export const SidePanelSectionSchema = z.enum(SIDE_PANEL_SECTIONS);
export type { SidePanelSection };

/**
 * The side panel on a wide screen, where it lies beside the chat: whether it is open, and which
 * section. Kept on the server with the other preferences, so it follows the user to every
 * computer they log in on (a browser's own storage would not); narrower screens do not use it.
 */
export const SidePanelPreferenceSchema = z.object({ open: z.boolean(), section: SidePanelSectionSchema });
export type SidePanelPreference = z.infer<typeof SidePanelPreferenceSchema>;

/** The language of the panel (README "Languages"): ISO 639-1 code; null follows the browser's languages. */
export const LanguageSchema = z.enum(LANGUAGES);
/** The panel's colours: light, dark, or whichever the operating system is set to. */
export const ColorSchemePreferenceSchema = z.enum(['system', 'light', 'dark']);
export type ColorSchemePreference = z.infer<typeof ColorSchemePreferenceSchema>;

/** Per user, on the server: every device of the user shares them. */
export const PreferencesSchema = z.object({
  conversationSort: ConversationSortSchema,
  notifications: NotificationPreferencesSchema,
  sidePanel: SidePanelPreferenceSchema,
  language: LanguageSchema.nullable(),
  colorScheme: ColorSchemePreferenceSchema,
  /** Single-key shortcuts in the agent panel (next conversation, pick, end…); off for those whose screen reader or habits clash with them. */
  keyboardShortcuts: z.boolean(),
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
  language: null,
  colorScheme: 'system',
  keyboardShortcuts: true,
};

/** PUT replaces only what it names. */
export const UpdatePreferencesRequestSchema = z.object({
  conversationSort: ConversationSortSchema.optional(),
  notifications: NotificationPreferencesSchema.partial().optional(),
  sidePanel: SidePanelPreferenceSchema.partial().optional(),
  /** null: back to the browser's language. */
  language: LanguageSchema.nullable().optional(),
  colorScheme: ColorSchemePreferenceSchema.optional(),
  keyboardShortcuts: z.boolean().optional(),
});
export type UpdatePreferencesRequest = z.infer<typeof UpdatePreferencesRequestSchema>;

export const PreferencesResponseSchema = z.object({ preferences: PreferencesSchema });
