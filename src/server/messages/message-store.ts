import { messageFor, type AuthorKind, type DeliveryStatus, type Message, type MessageViewer } from '../../contract/messages';
import { attachmentFromRow, attachmentsJson, bindAttachments, type AttachmentRow } from '../attachments/attachment-store';
import { sql, type Selectable } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Messages } from '../db/schema.gen';
import { noteStoredMessage } from '../observability/stored-messages';

/** A messages row (from the generated schema); its time is text when read through row_to_json. */
export type MessageRow = Omit<Selectable<Messages>, 'created_at'> & {
  created_at: Selectable<Messages>['created_at'] | string;
  /** When selected with MESSAGE_COLUMNS (or attachmentsJson); absent means none. */
  attachments?: AttachmentRow[] | null;
};

/** A message row with its attachments, for `FROM messages m`. */
export const MESSAGE_COLUMNS = `m.*, ${attachmentsJson('m')} AS attachments`;
const messageColumns = sql.raw(MESSAGE_COLUMNS);

export function messageFromRow(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMessageId: row.client_message_id,
    // A CHECK constraint (migrations) holds author_kind to the contract's kinds.
    authorKind: row.author_kind as AuthorKind,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    attachments: (row.attachments ?? []).map((a) => attachmentFromRow(a)),
    createdAt: new Date(row.created_at).toISOString(),
    // Set (by a trigger, migration 21) only on agents' messages to a messaging channel.
    ...(row.delivery_status && { delivery: { status: row.delivery_status as DeliveryStatus, error: row.delivery_error ?? null } }),
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
  // The seq counter's increment and the insert are one statement: kept as written.
  const { rows: [row] } = await sql<MessageRow>`
    WITH next AS (UPDATE conversations SET last_seq = last_seq + 1 WHERE id = ${m.conversationId} RETURNING last_seq)
     INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
     SELECT ${m.conversationId}, next.last_seq, ${m.clientMessageId}, ${m.authorKind}, ${m.authorId}, ${m.authorName}, ${m.text} FROM next
     RETURNING *`.execute(typed(tx));
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
  // One round trip on the send path, its CTEs in order: kept as written.
  const { rows: [row] } = await sql<MessageRow & { created: boolean }>`
    WITH existing AS (
       SELECT * FROM messages WHERE conversation_id = ${m.conversationId} AND client_message_id = ${m.clientMessageId}
     ), next AS (
       UPDATE conversations SET last_seq = last_seq + 1
       WHERE id = ${m.conversationId} AND ${mayInsert}::boolean AND NOT EXISTS (SELECT 1 FROM existing) RETURNING last_seq
     ), inserted AS (
       INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
       SELECT ${m.conversationId}, next.last_seq, ${m.clientMessageId}, ${m.authorKind}, ${m.authorId}, ${m.authorName}, ${m.text} FROM next
       RETURNING *
     )
     SELECT true AS created, i.*, NULL::json AS attachments FROM inserted i
     UNION ALL
     SELECT false AS created, ${messageColumns} FROM existing m`.execute(typed(tx));
  if (!row) return null;
  const message = messageFromRow(row);
  if (!row.created) return { message, created: false };
  noteStoredMessage(tx, message.authorKind);
  if (m.attachmentIds?.length) message.attachments = await bindAttachments(tx, message, m.attachmentIds);
  return { message, created: true };
}

export async function findByClientId(tx: Sql, conversationId: string, clientMessageId: string): Promise<Message | null> {
  const { rows: [row] } = await sql<MessageRow>`
    SELECT ${messageColumns} FROM messages m WHERE m.conversation_id = ${conversationId} AND m.client_message_id = ${clientMessageId}`.execute(typed(tx));
  return row ? messageFromRow(row) : null;
}

/** A page of messages as `viewer` may see them (client ids only of their own, see messageFor). */
export async function listMessages(db: Sql, viewer: MessageViewer, conversationId: string, before: number | undefined, limit: number) {
  const { rows } = await sql<MessageRow>`
    SELECT ${messageColumns} FROM messages m WHERE m.conversation_id = ${conversationId} AND (${before ?? null}::int IS NULL OR m.seq < ${before ?? null})
     ORDER BY m.seq DESC LIMIT ${limit + 1}`.execute(typed(db));
  const hasMore = rows.length > limit;
  return { messages: rows.slice(0, limit).reverse().map((row) => messageFor(messageFromRow(row), viewer)), hasMore };
}
