import { z } from 'zod';
import { ConversationStateSchema, CustomerEmailSchema, CustomerNameSchema, type Conversation } from './conversations';
import { MessageSchema, MessageTextSchema } from './messages';
import { text } from './text';

/** The public view of a queue: what a customer may know. */
export const PublicQueueSchema = z.object({ id: z.string(), name: z.string() });
export const PublicQueueListSchema = z.object({ queues: z.array(PublicQueueSchema) });

export const StartChatRequestSchema = z.object({
  queueId: text().min(1, 'Choose a queue'),
  name: CustomerNameSchema,
  email: CustomerEmailSchema,
  /** The customer's first message. */
  text: MessageTextSchema,
  clientMessageId: z.uuid(),
});
export type StartChatRequest = z.infer<typeof StartChatRequestSchema>;

/** What the customer sees of their conversation: no internal data. */
export const CustomerConversationSchema = z.object({
  id: z.string(),
  queueName: z.string(),
  state: ConversationStateSchema,
  customerName: z.string(),
  agentName: z.string().nullable(),
  arrivedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().nullable(),
});
export type CustomerConversation = z.infer<typeof CustomerConversationSchema>;

/**
 * What a customer may know of their conversation: no addresses, staff ids or internal state.
 * One mapping for the server's answers and events and for the mocks.
 */
export function toCustomerConversation(c: Conversation): CustomerConversation {
  return {
    id: c.id,
    queueName: c.queue.name,
    state: c.state,
    customerName: c.customer.name,
    agentName: c.agent?.displayName ?? null,
    arrivedAt: c.arrivedAt,
    endedAt: c.endedAt,
  };
}

export const StartChatResponseSchema = z.object({
  /** Unguessable; the only key to this conversation. Sent as `Authorization: Bearer <token>`. */
  customerToken: z.string(),
  conversation: CustomerConversationSchema,
  message: MessageSchema,
});
export type StartChatResponse = z.infer<typeof StartChatResponseSchema>;

export const CustomerConversationResponseSchema = z.object({
  conversation: CustomerConversationSchema,
});
