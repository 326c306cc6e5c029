import { z } from 'zod';
import { ConversationSchema } from './conversations';
import { HISTORY_PAGE_MAX } from './limits';

export const HistoryOrderSchema = z.enum(['newest', 'oldest']);
export type HistoryOrder = z.infer<typeof HistoryOrderSchema>;

export const CustomerHistoryQuerySchema = z.object({
  /** By arrival time; newest first unless asked otherwise. */
  order: HistoryOrderSchema.default('newest'),
  /** `nextCursor` of the previous page, unchanged; only valid with the same `order`. */
  cursor: z.string().min(1).max(512).optional(),
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
