/*
 * The choices of preferences that browsers check by hand (a link's ?sort= and ?panel=), without
 * zod: preferences.ts builds its schemas from these, and the staff panel's first load imports
 * only this module.
 */

/** How the Conversations list is ordered. */
export const CONVERSATION_SORTS = [
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
] as const;
export type ConversationSort = (typeof CONVERSATION_SORTS)[number];

/** The side drawer's sections (features/conversations/drawer-section.ts). */
export const SIDE_PANEL_SECTIONS = ['customer', 'details', 'history', 'notes', 'audit'] as const;
export type SidePanelSection = (typeof SIDE_PANEL_SECTIONS)[number];
