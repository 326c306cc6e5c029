import { z } from 'zod';
import { ConversationSchema } from './conversations';
import { HANDLED_SEARCH_MAX_LENGTH, HISTORY_PAGE_MAX } from './limits';
import { text } from './text';

export const HistoryOrderSchema = z.enum(['newest', 'oldest']);
export type HistoryOrder = z.infer<typeof HistoryOrderSchema>;

export const CustomerHistoryQuerySchema = z.object({
  /** By arrival time; newest first unless asked otherwise. */
  order: HistoryOrderSchema.default('newest'),
  /** `nextCursor` of the previous page, unchanged; only valid with the same `order`. */
  cursor: text().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
});
export type CustomerHistoryQuery = z.input<typeof CustomerHistoryQuerySchema>;

/** The customer's other conversations that the requester may view. */
export const CustomerHistoryPageSchema = z.object({
  conversations: z.array(ConversationSchema),
  /** Opaque; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CustomerHistoryPage = z.infer<typeof CustomerHistoryPageSchema>;

/** Ended conversations by arrival or by end time. */
export const HandledSortSchema = z.enum(['arrived', 'ended']);
export type HandledSort = z.infer<typeof HandledSortSchema>;

export const HandledQuerySchema = z.object({
  /** Part of the customer's name, email or phone, any case; blank lists everything. */
  search: text().trim().max(HANDLED_SEARCH_MAX_LENGTH, `Search for at most ${HANDLED_SEARCH_MAX_LENGTH} characters`).optional(),
  sort: HandledSortSchema.default('ended'),
  order: HistoryOrderSchema.default('newest'),
  /** `nextCursor` of the previous page, unchanged; only valid with the same search, sort and order. */
  cursor: text().min(1).max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
});
export type HandledQuery = z.input<typeof HandledQuerySchema>;

/**
 * Ended conversations I handled: I held them when they ended, or I transferred them away at some
 * point. Supervisors and admins get every ended conversation.
 */
export const HandledPageSchema = z.object({
  conversations: z.array(ConversationSchema),
  /** Opaque; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type HandledPage = z.infer<typeof HandledPageSchema>;
