import type { Conversation } from '../contract/conversations';
import type { Message } from '../contract/messages';

/*
 * What a new message changes on its conversation. The server keeps these fields with a trigger
 * (migration 014); the browser cache patches them from realtime events, and the mocks derive them
 * from the thread, both with the functions below.
 */

type Author = Pick<Message, 'authorKind' | 'createdAt'>;

/**
 * Since when the customer has waited for a reply after `message`: from their first message after
 * the last agent message, cleared by an agent's reply. System messages answer nobody.
 */
export function awaitingReplyAfter(since: string | null, message: Author): string | null {
  if (message.authorKind === 'customer') return since ?? message.createdAt;
  if (message.authorKind === 'agent') return null;
  return since;
}

/** When the customer last wrote, after `message`. */
export const lastCustomerMessageAfter = (last: string | null, message: Author): string | null =>
  message.authorKind === 'customer' ? message.createdAt : last;

/** Both fields for a whole thread, oldest message first. */
export function replyFieldsOf(thread: readonly Author[]): Pick<Conversation, 'awaitingReplySince' | 'lastCustomerMessageAt'> {
  let awaitingReplySince: string | null = null;
  let lastCustomerMessageAt: string | null = null;
  for (const m of thread) {
    awaitingReplySince = awaitingReplyAfter(awaitingReplySince, m);
    lastCustomerMessageAt = lastCustomerMessageAfter(lastCustomerMessageAt, m);
  }
  return { awaitingReplySince, lastCustomerMessageAt };
}

/** The conversation after `message`, with the fields derived from its messages; unchanged for an older or foreign message. */
export function withMessage(c: Conversation, message: Message): Conversation {
  if (c.id !== message.conversationId || c.lastSeq > message.seq) return c;
  return {
    ...c,
    // What a row previews: someone's words, never a system line ("… joined the conversation").
    lastMessage: message.authorKind === 'system' ? c.lastMessage : message,
    lastSeq: message.seq,
    firstMessage: c.firstMessage ?? (message.authorKind === 'customer' ? message : null),
    lastCustomerMessageAt: lastCustomerMessageAfter(c.lastCustomerMessageAt, message),
    awaitingReplySince: awaitingReplyAfter(c.awaitingReplySince, message),
  };
}
