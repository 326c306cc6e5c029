import { z } from 'zod';
import { QueueRefSchema } from './conversations';
import { text } from './text';

/*
 * Wrap-up: the reasons a chat ended (wrap-up codes). Admins define them, for every queue or for
 * chosen ones, and say per queue whether ending a chat needs one; the agent picks one in the End
 * chat dialog, with an optional summary. Both are kept with the end itself (not as a note), and
 * supervisors read them in the conversation's audit trail and count them on their dashboard.
 */

export const WRAP_UP_CODE_NAME_MAX_LENGTH = 60;
export const WRAP_UP_SUMMARY_MAX_LENGTH = 1000;

/** A code as agents choose it. */
export const WrapUpCodeRefSchema = z.object({ id: z.string(), name: z.string() });
export type WrapUpCodeRef = z.infer<typeof WrapUpCodeRefSchema>;

/** What the End chat dialog offers in one queue: its codes in use, by name, and whether one is required. */
export const WrapUpOptionsSchema = z.object({ required: z.boolean(), codes: z.array(WrapUpCodeRefSchema) });
export type WrapUpOptions = z.infer<typeof WrapUpOptionsSchema>;

/** The body of ending a conversation; clients that send none end it without a reason where none is required. */
export const EndConversationRequestSchema = z.object({
  /** One of the codes the conversation's queue offers now. */
  wrapUpCodeId: text().optional(),
  /** A few words on how it ended, for supervisors; never shown to the customer. */
  summary: text().trim().max(WRAP_UP_SUMMARY_MAX_LENGTH).optional(),
});
export type EndConversationRequest = z.infer<typeof EndConversationRequestSchema>;

/** A code as admins manage it. */
export const AdminWrapUpCodeSchema = WrapUpCodeRefSchema.extend({
  /** Offered in every queue (queueIds empty), or only in queueIds. */
  allQueues: z.boolean(),
  queueIds: z.array(z.string()),
  /** Offered no more; conversations ended with it still name it. */
  retired: z.boolean(),
});
export type AdminWrapUpCode = z.infer<typeof AdminWrapUpCodeSchema>;

/** Every code (in use first, then retired, each by name) and the queues where a reason is required. */
export const AdminWrapUpSchema = z.object({ codes: z.array(AdminWrapUpCodeSchema), requiredQueueIds: z.array(z.string()) });
export type AdminWrapUp = z.infer<typeof AdminWrapUpSchema>;

// The form limits the name's length as it is typed; a queue listed twice counts once.
const codeFields = { name: text().trim().min(1, 'Enter a name').max(WRAP_UP_CODE_NAME_MAX_LENGTH), allQueues: z.boolean(), queueIds: z.array(text()) };
const someQueue = (c: { allQueues: boolean; queueIds: string[] }) => c.allQueues || c.queueIds.length > 0;
const chooseQueue = { message: 'Choose at least one queue, or all queues', path: ['queueIds'] };

export const CreateWrapUpCodeRequestSchema = z.object(codeFields).refine(someQueue, chooseQueue);
export type CreateWrapUpCodeRequest = z.infer<typeof CreateWrapUpCodeRequestSchema>;
/** PUT replaces every field; `retired: true` retires the code, false brings it back. */
export const UpdateWrapUpCodeRequestSchema = z.object({ ...codeFields, retired: z.boolean() }).refine(someQueue, chooseQueue);
export type UpdateWrapUpCodeRequest = z.infer<typeof UpdateWrapUpCodeRequestSchema>;

export const WrapUpCodeResponseSchema = z.object({ code: AdminWrapUpCodeSchema });
export const SetWrapUpRequiredRequestSchema = z.object({ required: z.boolean() });

/** The supervisors' count of reasons since a moment (the start of their day). */
export const WrapUpCountsQuerySchema = z.object({ since: text().pipe(z.iso.datetime({ offset: true })) });
export const WrapUpCountSchema = z.object({
  queue: QueueRefSchema,
  code: WrapUpCodeRefSchema.extend({ retired: z.boolean() }),
  count: z.number().int().positive(),
});
export type WrapUpCount = z.infer<typeof WrapUpCountSchema>;
/** By queue name, then the most frequent reason first. */
export const WrapUpCountsSchema = z.object({ counts: z.array(WrapUpCountSchema) });
