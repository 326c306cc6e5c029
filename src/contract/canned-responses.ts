import { z } from 'zod';
import { AttachmentSchema } from './attachments';
import { CANNED_SHORTCUT_MAX_LENGTH, CANNED_TEXT_MAX_LENGTH, MESSAGE_ATTACHMENTS_MAX } from './limits';
import { text, writtenText } from './text';

/**
 * Canned responses: prepared answers an agent inserts into the composer by typing `/shortcut` or
 * from the picker. `shared` ones are managed by supervisors and admins (optionally for one queue's
 * agents only); `personal` ones belong to the user who made them, and nobody else sees them.
 */
export const CannedScopeSchema = z.enum(['personal', 'shared']);
export type CannedScope = z.infer<typeof CannedScopeSchema>;

export const CannedResponseSchema = z.object({
  id: z.string(),
  scope: CannedScopeSchema,
  /** A shared response for one queue's agents only; null: for everyone (always null when personal). */
  queue: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Lower case; typed after `/` in the composer. */
  shortcut: z.string(),
  /** May hold placeholders such as `{{customer.name}}`, filled in from the conversation by the client. */
  text: z.string(),
  /** Files added to the composer with the text, in this order. */
  attachments: z.array(AttachmentSchema),
  /** How often it was inserted, by anyone who may use it. */
  useCount: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;

/** Mine and the shared ones I may use, by shortcut. */
export const CannedResponseListSchema = z.object({ responses: z.array(CannedResponseSchema) });
export const CannedResponseResponseSchema = z.object({ response: CannedResponseSchema });

export const CANNED_SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export const CannedShortcutSchema = text()
  .trim()
  .toLowerCase()
  .min(1, 'Enter a shortcut')
  .max(CANNED_SHORTCUT_MAX_LENGTH, `A shortcut can be at most ${CANNED_SHORTCUT_MAX_LENGTH} characters`)
  .regex(CANNED_SHORTCUT_PATTERN, 'Use letters, digits, - and _ only, starting with a letter or digit (no spaces, no /)');

const savedFields = {
  shortcut: CannedShortcutSchema,
  text: writtenText('A canned response', CANNED_TEXT_MAX_LENGTH).min(1, 'Enter the text to insert'),
  // Plain messages for what programs fill in (ids picked from lists): they cost every first load.
  /** Shared responses only: the queue whose agents may use it; null for everyone. */
  queueId: z.uuid().nullable().default(null),
  /** Files uploaded for responses (or already this response's), in order, each once; the rest of its files are removed. */
  attachmentIds: z
    .array(z.uuid())
    .max(MESSAGE_ATTACHMENTS_MAX)
    .refine((ids) => new Set(ids).size === ids.length)
    .default([]),
};

export const CreateCannedResponseRequestSchema = z.object({ scope: CannedScopeSchema, ...savedFields });
export type CreateCannedResponseRequest = z.input<typeof CreateCannedResponseRequestSchema>;

/** PUT replaces every field; the scope stays what it was created with. */
export const UpdateCannedResponseRequestSchema = z.object(savedFields);
export type UpdateCannedResponseRequest = z.input<typeof UpdateCannedResponseRequestSchema>;

/** Counted when an agent inserts the response into a message. */
export const CannedUseResponseSchema = z.object({ useCount: z.number().int() });

/** One of a response's files, copied into the conversation as the caller's own unsent upload. */
export const CopyCannedAttachmentRequestSchema = z.object({ attachmentId: z.uuid() });
