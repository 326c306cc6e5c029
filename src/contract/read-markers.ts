import { z } from 'zod';

/** How far one user has read one conversation, and what is left unread. */
export const ReadStateSchema = z.object({
  conversationId: z.string(),
  /** The highest message seq this user has seen (0: none). */
  lastReadSeq: z.number().int().nonnegative(),
  /** Customer messages after lastReadSeq. */
  unreadCount: z.number().int().nonnegative(),
});
export type ReadState = z.infer<typeof ReadStateSchema>;

/** How many conversations of one list have unread customer messages, and how many messages that is. */
export const UnreadTotalSchema = z.object({
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
});
export type UnreadTotal = z.infer<typeof UnreadTotalSchema>;

/**
 * My unread totals, per list: what I hold (`mine`) and what is offered to me (`offers`). Totals
 * only, whatever the number of conversations: each row's read state comes with the list page
 * that shows it (`reads`) and is kept live by realtime events.
 */
export const UnreadTotalsSchema = z.object({ mine: UnreadTotalSchema, offers: UnreadTotalSchema });
export type UnreadTotals = z.infer<typeof UnreadTotalsSchema>;

/** "I have seen everything up to `seq`"; a lower seq than the stored one changes nothing. */
export const MarkReadRequestSchema = z.object({ seq: z.number().int().nonnegative() });

export const MarkReadResponseSchema = z.object({ read: ReadStateSchema });
