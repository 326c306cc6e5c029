import { messageFor, type AuthorKind, type Message, type MessageViewer } from '../../contract/messages';
import { attachmentFromRow, attachmentsJson, bindAttachments, type AttachmentRow } from '../attachments/attachment-store';
import type { Sql } from '../db/database';
import { noteStoredMessage } from '../observability/stored-messages';

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
  author_kind: AuthorKind;
  author_id: string | null;
  author_name: string;
  text: string;
  created_at: Date | string;
  /** When selected with MESSAGE_COLUMNS (or attachmentsJson); absent means none. */
  attachments?: AttachmentRow[] | null;
}

/** A message row with its attachments, for `FROM messages m`. */
export const MESSAGE_COLUMNS = `m.*, ${attachmentsJson('m')} AS attachments`;

export function messageFromRow(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMessageId: row.client_message_id,
    authorKind: row.author_kind,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    attachments: (row.attachments ?? []).map((a) => attachmentFromRow(a)),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface NewMessage {
  conversationId: string;
  clientMessageId: string | null;
  authorKind: AuthorKind;
  authorId: string | null;
  authorName: string;
  text: string;
  /** Uploads of this author in this conversation, bound to the message in its transaction. */
  attachmentIds?: string[];
}

/**
 * Inserts a message with the conversation's next seq. The caller must hold the conversation
 * row lock (SELECT … FOR UPDATE), which keeps seqs gap-free and idempotency checks race-free.
 */
export async function insertMessage(tx: Sql, m: NewMessage): Promise<Message> {
  const [row] = await tx.query<MessageRow>(
    `WITH next AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq)
     INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
     SELECT $1, next.last_seq, $2, $3, $4, $5, $6 FROM next
     RETURNING *`,
    [m.conversationId, m.clientMessageId, m.authorKind, m.authorId, m.authorName, m.text],
  );
  const message = messageFromRow(row!);
  noteStoredMessage(tx, message.authorKind);
  if (m.attachmentIds?.length) message.attachments = await bindAttachments(tx, message, m.attachmentIds);
  return message;
}

export async function findByClientId(tx: Sql, conversationId: string, clientMessageId: string): Promise<Message | null> {
  const [row] = await tx.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND m.client_message_id = $2`,
    [conversationId, clientMessageId],
  );
  return row ? messageFromRow(row) : null;
}

/** A page of messages as `viewer` may see them (client ids only of their own, see messageFor). */
export async function listMessages(sql: Sql, viewer: MessageViewer, conversationId: string, before: number | undefined, limit: number) {
  const rows = await sql.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 AND ($2::int IS NULL OR m.seq < $2)
     ORDER BY m.seq DESC LIMIT $3`,
    [conversationId, before ?? null, limit + 1],
  );
  const hasMore = rows.length > limit;
  return { messages: rows.slice(0, limit).reverse().map((row) => messageFor(messageFromRow(row), viewer)), hasMore };
}
