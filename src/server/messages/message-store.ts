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

/**
 * Stores a message once per client id, in one statement: the message already stored under this
 * client id if there is one, else — when `mayInsert` — a new one with the conversation's next seq,
 * else null. The caller must hold the conversation row lock (taken by an earlier statement, so
 * this statement's snapshot sees every message committed before the lock was granted: a
 * concurrent retry's insert is found, never stored twice).
 */
export async function insertMessageOnce(
  tx: Sql,
  m: NewMessage & { clientMessageId: string },
  mayInsert: boolean,
): Promise<{ message: Message; created: boolean } | null> {
  const [row] = await tx.query<MessageRow & { created: boolean }>(
    `WITH existing AS (
       SELECT * FROM messages WHERE conversation_id = $1 AND client_message_id = $2
     ), next AS (
       UPDATE conversations SET last_seq = last_seq + 1
       WHERE id = $1 AND $7::boolean AND NOT EXISTS (SELECT 1 FROM existing) RETURNING last_seq
     ), inserted AS (
       INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
       SELECT $1, next.last_seq, $2, $3, $4, $5, $6 FROM next
       RETURNING *
     )
     SELECT true AS created, i.*, NULL::json AS attachments FROM inserted i
     UNION ALL
     SELECT false AS created, ${MESSAGE_COLUMNS} FROM existing m`,
    [m.conversationId, m.clientMessageId, m.authorKind, m.authorId, m.authorName, m.text, mayInsert],
  );
  if (!row) return null;
  const message = messageFromRow(row);
  if (!row.created) return { message, created: false };
  noteStoredMessage(tx, message.authorKind);
  if (m.attachmentIds?.length) message.attachments = await bindAttachments(tx, message, m.attachmentIds);
  return { message, created: true };
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
