import { z } from 'zod';
import { MESSAGE_TEXT_MAX_LENGTH } from './limits';
import { text } from './text';

/** Text a user typed into a conversation's composer and has not sent; kept per user on the server. */
export const DraftSchema = z.object({
  /** Empty when there is no draft. */
  text: z.string(),
  updatedAt: z.iso.datetime().nullable(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const SaveDraftRequestSchema = z.object({
  /** Saving an empty text removes the draft. Not trimmed: the user's spacing is kept. */
  text: text().max(MESSAGE_TEXT_MAX_LENGTH, `A draft can be at most ${MESSAGE_TEXT_MAX_LENGTH} characters`),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

export const DraftResponseSchema = z.object({ draft: DraftSchema });
