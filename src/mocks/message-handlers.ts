import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { MESSAGE_PAGE_SIZE } from '../contract/limits';
import { type Message, type MessageViewer, messageFor } from '../contract/messages';
import { viewConversation } from './access';
import { type ConversationRecord, appendMessage, messagesOf, mockData } from './data';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';
import { publish, scopeOf } from './event-log';

/** A conversation's messages, for staff; the web chat reuses the writing and paging. */

/** Appends a message once per client id: a retry returns the first result, before any other check. */
export function sendMessage(
  record: ConversationRecord,
  input: Pick<Message, 'authorKind' | 'authorId' | 'authorName' | 'text'> & { clientMessageId: string; attachmentIds: string[] },
  allowed: (record: ConversationRecord) => void,
): { message: Message; created: boolean } {
  const existing = messagesOf(record.id).find((m) => m.clientMessageId === input.clientMessageId);
  if (existing) {
    if (existing.authorKind !== input.authorKind || existing.authorId !== input.authorId) {
      throw new MockApiError(409, 'duplicate_client_id', 'This message id was already used by someone else.');
    }
    return { message: structuredClone(existing), created: false };
  }
  allowed(record);
  // As the server's bindAttachments: complete, unsent uploads of this author in this conversation.
  const bindable = input.attachmentIds.every((id) => {
    const upload = mockData.attachments.get(id);
    return (
      upload &&
      upload.conversationId === record.id &&
      upload.uploaderKind === input.authorKind &&
      upload.uploaderId === input.authorId &&
      upload.messageId === null
    );
  });
  if (!bindable) {
    throw new MockApiError(400, 'attachment_unavailable', 'One of the files is no longer available to send. Remove it and upload it again.', {
      fields: { attachmentIds: 'Unknown, already sent, or not your upload in this conversation' },
    });
  }
  const message = appendMessage(record.id, input);
  publish(scopeOf(record), { type: 'message.created', message, holderId: record.agentId });
  return { message, created: true };
}

/** As the server: each viewer sees the client ids of their own messages only (messageFor). */
export function listMessages(viewer: MessageViewer, conversationId: string, before: number | undefined, limit: number) {
  const older = messagesOf(conversationId).filter((m) => before === undefined || m.seq < before);
  return { messages: structuredClone(older.slice(-limit)).map((m) => messageFor(m, viewer)), hasMore: older.length > limit };
}

export const messageHandlers = {
  messages: route('messages', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    return listMessages({ kind: 'staff', userId: user.id }, record.id, ctx.query.before, ctx.query.limit ?? MESSAGE_PAGE_SIZE);
  }),

  sendMessage: route('sendMessage', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    const result = sendMessage(
      record,
      {
        clientMessageId: ctx.body.clientMessageId,
        authorKind: 'agent',
        authorId: user.id,
        authorName: user.displayName,
        text: ctx.body.text,
        attachmentIds: ctx.body.attachmentIds,
      },
      // Agents write only into conversations they hold and that are still open.
      (c) => {
        if (c.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has ended.');
        if (c.state !== 'picked' || c.agentId !== user.id) {
          throw new MockApiError(409, 'not_holder', 'Pick this conversation before writing in it.');
        }
      },
    );
    ctx.setStatus(result.created ? 201 : 200);
    return result;
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
