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

/** For every conversation the user holds (and every one offered to them). */
export const UnreadListSchema = z.object({ conversations: z.array(ReadStateSchema) });
export type UnreadList = z.infer<typeof UnreadListSchema>;

/** "I have seen everything up to `seq`"; a lower seq than the stored one changes nothing. */
export const MarkReadRequestSchema = z.object({ seq: z.number().int().nonnegative() });

export const MarkReadResponseSchema = z.object({ read: ReadStateSchema });
