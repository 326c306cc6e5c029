import { z } from 'zod';
import { ConversationSchema, TransferSchema } from './conversations';
import { NOTE_TEXT_MAX_LENGTH } from './limits';
import { QueueSchema } from './queues';
import { text, writtenText } from './text';

/** Where a conversation goes: back into a queue (any agent serving it may pick), or to one agent. */
export const TransferTargetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('queue'), queueId: text().min(1, 'Choose a queue') }),
    z.object({ kind: z.literal('agent'), agentId: text().min(1, 'Choose an agent') }),
  ],
  { error: 'Choose a queue or an agent' },
);
export type TransferTarget = z.infer<typeof TransferTargetSchema>;

export const TransferRequestSchema = z.object({
  target: TransferTargetSchema,
  /**
   * For the receiver: stored with the transfer and added to the conversation's internal notes.
   * Never shown to the customer. Blank counts as none.
   */
  note: writtenText('A note', NOTE_TEXT_MAX_LENGTH).optional(),
});
export type TransferRequest = z.input<typeof TransferRequestSchema>;

export const TransferResponseSchema = z.object({
  /** Waiting again: in the target queue, or reserved for the target agent. */
  conversation: ConversationSchema,
  transfer: TransferSchema,
});
export type TransferResponse = z.infer<typeof TransferResponseSchema>;

/** Every transfer of a conversation, oldest first. */
export const TransferListSchema = z.object({ transfers: z.array(TransferSchema) });
export type TransferList = z.infer<typeof TransferListSchema>;

/** An agent one may transfer to: logged in right now. */
export const TransferAgentSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  queueIds: z.array(z.string()),
});
export type TransferAgent = z.infer<typeof TransferAgentSchema>;

/** For the transfer dialog: every queue, and the logged-in agents other than the caller, by name. */
export const TransferTargetsSchema = z.object({
  queues: z.array(QueueSchema),
  agents: z.array(TransferAgentSchema),
});
export type TransferTargets = z.infer<typeof TransferTargetsSchema>;
