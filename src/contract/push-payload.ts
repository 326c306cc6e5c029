import { z } from 'zod';

/**
 * What a Web Push notification carries to a device registered through devices.ts: JSON, encrypted
 * to the device. Small and without message history: the customer's name and at most a short
 * preview of one message. The server decides it at send time, after checking that the user still
 * holds (or is offered) the conversation and wants this kind of notification. The panel's service
 * worker shows it; a native app would read the same fields.
 */
export const PushPayloadSchema = z.object({
  /**
   * `message`: a customer wrote in a conversation I hold; `offer`: a conversation is offered to me;
   * `kept`: my chats are kept while I am away; `mention`: a colleague @mentioned me in a note.
   */
  kind: z.enum(['message', 'offer', 'kept', 'mention']),
  title: z.string(),
  body: z.string(),
  /** The panel address to open when the notification is tapped. */
  url: z.string(),
  /** Notifications with the same tag replace each other (one per conversation). */
  tag: z.string(),
  conversationId: z.string().nullable(),
});
export type PushPayload = z.infer<typeof PushPayloadSchema>;
