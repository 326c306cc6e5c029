import type { Attachment, FileKind, FileType } from '../../contract/attachments';
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Attachments } from '../db/schema.gen';
import { ApiError } from '../http/api-error';
import { signLinks } from './attachment-links';

/** Bytes per stored chunk: big enough for few rows, small enough to stream a Range without loading the file. */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;

/** Unsent uploads are kept this long for the sender to send them; unfinished ones (a crash mid-upload) less. */
const UNBOUND_KEEP = '1 day';
const INCOMPLETE_KEEP = '1 hour';

export type UploaderKind = 'agent' | 'customer';

/**
 * An attachments row, from the generated schema. Inside a message's JSON (attachmentsJson) its
 * time is text; nothing here reads it.
 */
export type AttachmentRow = Omit<Selectable<Attachments>, 'created_at'> & { created_at: Selectable<Attachments>['created_at'] | string };

/** The contract's attachment, with links signed now. */
export function attachmentFromRow(row: AttachmentRow, now = Date.now()): Attachment {
  return {
    id: row.id,
    fileName: row.file_name,
    // Both were decided by the upload (upload.ts) from the contract's lists; a CHECK constraint holds `kind`.
    fileType: row.file_type as FileType,
    mimeType: row.mime_type,
    kind: row.kind as FileKind,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    ...(row.width !== null && row.height !== null && { width: row.width, height: row.height }),
    displayMimeType: row.display_mime_type ?? row.mime_type,
    ...signLinks(row.id, row.url_key, now),
  };
}

/** A message's attachments as a JSON array, for selecting together with the message row `alias`. */
export function attachmentsJson(alias: string): string {
  return `COALESCE((SELECT json_agg(a ORDER BY a.position) FROM attachments a WHERE a.message_id = ${alias}.id), '[]'::json)`;
}

/** A canned response's files as a JSON array, in their order, for selecting with the response row `alias`. */
export function cannedAttachmentsJson(alias: string) {
  return sql<AttachmentRow[]>`COALESCE((SELECT json_agg(a ORDER BY a.position) FROM attachments a WHERE a.canned_response_id = ${sql.ref(`${alias}.id`)}), '[]'::json)`;
}

/** A new key for a file's signed links (attachment-links.ts). */
export const newUrlKey = () => randomBytes(32).toString('base64url');

export async function findAttachment(db: Sql, id: string): Promise<AttachmentRow | null> {
  const row = await typed(db).selectFrom('attachments').selectAll().where('id', '=', id).where('complete', '=', true).executeTakeFirst();
  return row ?? null;
}

export interface NewAttachment {
  id: string;
  /** Null: an upload for a canned response, bound to it when the response is saved. */
  conversationId: string | null;
  uploaderKind: UploaderKind;
  uploaderId: string;
  fileName: string;
  fileType: FileType;
  mimeType: string;
  kind: FileKind;
  urlKey: string;
}

/**
 * The row goes in first (incomplete), so chunks can reference it while the file streams in.
 * With `unsentCap`, it goes in only while its uploader has fewer unsent files (finished or still
 * streaming) in the conversation; the conversation's row lock makes parallel uploads count one
 * after the other. False when the cap was reached.
 */
export async function insertAttachment(db: Database, a: NewAttachment, unsentCap: number | null = null): Promise<boolean> {
  const insert = (into: Sql) =>
    typed(into)
      .insertInto('attachments')
      .values({
        id: a.id,
        conversation_id: a.conversationId,
        uploader_kind: a.uploaderKind,
        uploader_id: a.uploaderId,
        file_name: a.fileName,
        file_type: a.fileType,
        mime_type: a.mimeType,
        kind: a.kind,
        url_key: a.urlKey,
      })
      .execute();
  if (unsentCap === null) {
    await insert(db);
    return true;
  }
  const conversationId = a.conversationId;
  if (conversationId === null) throw new Error('only uploads into a conversation are capped');
  return db.transaction(async (tx) => {
    await typed(tx).selectFrom('conversations').select((eb) => eb.lit(1).as('one')).where('id', '=', conversationId).forUpdate().execute();
    if ((await countUnsent(tx, { kind: a.uploaderKind, id: a.uploaderId, conversationId })) >= unsentCap) return false;
    await insert(tx);
    return true;
  });
}

/** Files an uploader has put into a conversation and not sent yet, including ones still streaming. */
export async function countUnsent(db: Sql, uploader: { kind: UploaderKind; id: string; conversationId: string }): Promise<number> {
  const row = await typed(db)
    .selectFrom('attachments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('conversation_id', '=', uploader.conversationId)
    .where('uploader_kind', '=', uploader.kind)
    .where('uploader_id', '=', uploader.id)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}

// PGlite converts bytea parameters and results byte by byte in JavaScript (about 170 ms for a
// 512 KB chunk here, measured with bench/attachment-upload.ts); as hex or base64 text the same
// bytes cross in a tenth of the time. node-postgres moves bytea as it is, which is faster still.
export async function insertChunk(db: Database, id: string, variant: 'original' | 'display', idx: number, data: Uint8Array) {
  await insertChunkInto(db, db.kind, id, variant, idx, data);
}

/** insertChunk into `into`, the database of `kind` or an open transaction of it. */
export async function insertChunkInto(into: Sql, kind: Database['kind'], id: string, variant: 'original' | 'display', idx: number, data: Uint8Array) {
  const bytes = kind === 'pglite' ? sql<Uint8Array>`decode(${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex')}, 'hex')` : data;
  await typed(into).insertInto('attachment_chunks').values({ attachment_id: id, variant, idx, data: bytes }).execute();
}

export async function readChunk(db: Database, id: string, variant: 'original' | 'display', idx: number): Promise<Buffer> {
  const chunk = typed(db).selectFrom('attachment_chunks').where('attachment_id', '=', id).where('variant', '=', variant).where('idx', '=', idx);
  const missing = () => new Error(`attachment ${id} is missing chunk ${variant}/${idx}`);
  if (db.kind === 'pglite') {
    const row = await chunk.select(sql<string>`encode(data, 'base64')`.as('data')).executeTakeFirst();
    if (!row) throw missing();
    return Buffer.from(row.data, 'base64');
  }
  const row = await chunk.select('data').executeTakeFirst();
  if (!row) throw missing();
  // node-postgres gives a Buffer; a view, never a copy, otherwise.
  return Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
}

export async function completeAttachment(
  db: Sql,
  id: string,
  done: {
    sizeBytes: number;
    sha256: string;
    width: number | null;
    height: number | null;
    display: { mimeType: string; sizeBytes: number; sha256: string } | null;
  },
): Promise<AttachmentRow> {
  const row = await typed(db)
    .updateTable('attachments')
    .set({
      complete: true,
      size_bytes: done.sizeBytes,
      sha256: done.sha256,
      width: done.width,
      height: done.height,
      display_mime_type: done.display?.mimeType ?? null,
      display_size_bytes: done.display?.sizeBytes ?? null,
      display_sha256: done.display?.sha256 ?? null,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new Error(`attachment ${id} vanished while it was stored`);
  return row;
}

export async function deleteAttachment(db: Sql, id: string): Promise<void> {
  await typed(db).deleteFrom('attachments').where('id', '=', id).execute();
}

/**
 * Binds uploads to a new message, in the message's transaction (the caller holds the
 * conversation's row lock, so two sends cannot take the same file). Every id must name a complete,
 * unsent upload of this sender in this conversation; otherwise nothing is bound and the send fails.
 */
export async function bindAttachments(
  tx: Sql,
  message: { id: string; conversationId: string; authorKind: string; authorId: string | null },
  ids: string[],
): Promise<Attachment[]> {
  const rows = await typed(tx)
    .updateTable('attachments')
    .set({ message_id: message.id, position: sql<number>`array_position(${ids}::uuid[], id)` })
    .where('id', '=', (eb) => eb.fn.any(eb.val(ids)))
    .where('conversation_id', '=', message.conversationId)
    .where('uploader_kind', '=', message.authorKind)
    .where('uploader_id', '=', message.authorId)
    .where('message_id', 'is', null)
    .where('complete', '=', true)
    .returningAll()
    .execute();
  if (rows.length !== ids.length) {
    throw new ApiError(
      400,
      'attachment_unavailable',
      'One of the files is no longer available to send. Remove it and upload it again.',
      { fields: { attachmentIds: 'Unknown, already sent, or not your upload in this conversation' } },
    );
  }
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!).map((r) => attachmentFromRow(r));
}

/**
 * Binds a canned response's files, in the transaction that saves it: its files become exactly
 * `ids`, in that order. Ids it already has stay; new ones must be complete uploads of `uploaderId`
 * for a response (no conversation, no response yet); its other files are deleted. Otherwise
 * nothing changes and the save fails. Returns the ids added and removed.
 */
export async function bindCannedAttachments(
  tx: Sql,
  responseId: string,
  uploaderId: string,
  ids: string[],
): Promise<{ added: AttachmentRow[]; removed: AttachmentRow[] }> {
  const db = typed(tx);
  const current = await db.selectFrom('attachments').selectAll().where('canned_response_id', '=', responseId).execute();
  const kept = new Set(current.filter((a) => ids.includes(a.id)).map((a) => a.id));
  const wanted = ids.filter((id) => !kept.has(id));
  const added =
    wanted.length === 0
      ? []
      : await db
          .updateTable('attachments')
          .set({ canned_response_id: responseId })
          .where('id', '=', (eb) => eb.fn.any(eb.val(wanted)))
          .where('conversation_id', 'is', null)
          .where('canned_response_id', 'is', null)
          .where('message_id', 'is', null)
          .where('uploader_kind', '=', 'agent')
          .where('uploader_id', '=', uploaderId)
          .where('complete', '=', true)
          .returningAll()
          .execute();
  if (added.length !== wanted.length) {
    throw new ApiError(400, 'attachment_unavailable', 'One of the files is no longer available. Remove it and upload it again.', {
      fields: { attachmentIds: 'Unknown, already used elsewhere, or not your upload' },
    });
  }
  const removed = current.filter((a) => !kept.has(a.id));
  if (removed.length > 0) await db.deleteFrom('attachments').where('id', '=', (eb) => eb.fn.any(eb.val(removed.map((a) => a.id)))).execute();
  if (ids.length > 0) {
    await db
      .updateTable('attachments')
      .set({ position: sql<number>`array_position(${ids}::uuid[], id)` })
      .where('id', '=', (eb) => eb.fn.any(eb.val(ids)))
      .execute();
  }
  return { added, removed };
}

/**
 * Copies a stored file (a canned response's) into a conversation as `uploaderId`'s unsent upload:
 * a new row with its own link key, and the same bytes, copied inside the database.
 */
export async function copyAttachment(db: Database, sourceId: string, to: { conversationId: string; uploaderId: string }): Promise<AttachmentRow> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    const row = await typed(tx)
      .insertInto('attachments')
      .columns([
        'id', 'conversation_id', 'uploader_kind', 'uploader_id', 'file_name', 'file_type', 'mime_type', 'kind', 'size_bytes', 'sha256',
        'width', 'height', 'display_mime_type', 'display_size_bytes', 'display_sha256', 'url_key', 'complete',
      ])
      .expression((eb) =>
        eb
          .selectFrom('attachments')
          .select([
            eb.val(id).as('id'),
            eb.val(to.conversationId).as('conversation_id'),
            eb.val('agent').as('uploader_kind'),
            eb.val(to.uploaderId).as('uploader_id'),
            'file_name', 'file_type', 'mime_type', 'kind', 'size_bytes', 'sha256', 'width', 'height',
            'display_mime_type', 'display_size_bytes', 'display_sha256',
            eb.val(newUrlKey()).as('url_key'),
            eb.lit(true).as('complete'),
          ])
          .where('id', '=', sourceId)
          .where('complete', '=', true),
      )
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new ApiError(404, 'not_found', 'This file was not found.');
    await sql`INSERT INTO attachment_chunks (attachment_id, variant, idx, data)
      SELECT ${id}::uuid, variant, idx, data FROM attachment_chunks WHERE attachment_id = ${sourceId}::uuid`.execute(typed(tx));
    return row;
  });
}

/** Removes unsent uploads older than a day and unfinished ones; their chunks go with them. */
export async function cleanupAttachments(db: Sql): Promise<number> {
  const olderThan = (keep: string) => sql<boolean>`created_at < now() - ${keep}::interval`;
  const rows = await typed(db)
    .deleteFrom('attachments')
    .where('message_id', 'is', null)
    // A canned response's files are kept with it (deleted with the response).
    .where('canned_response_id', 'is', null)
    .where((eb) => eb.or([olderThan(UNBOUND_KEEP), eb.and([eb.not(eb.ref('complete')), olderThan(INCOMPLETE_KEEP)])]))
    .returning('id')
    .execute();
  return rows.length;
}

export interface Rejection {
  /** Null for an upload for a canned response. */
  conversationId: string | null;
  uploaderKind: UploaderKind;
  uploaderId: string;
  fileName: string | null;
  bytesReceived: number;
  code: string;
  reason: string;
}

/** Refused uploads are kept for the supervisors' audit trail. */
export async function recordRejection(db: Sql, r: Rejection): Promise<void> {
  await typed(db)
    .insertInto('rejected_uploads')
    .values({
      conversation_id: r.conversationId,
      uploader_kind: r.uploaderKind,
      uploader_id: r.uploaderId,
      file_name: r.fileName,
      bytes_received: r.bytesReceived,
      code: r.code,
      reason: r.reason,
    })
    .execute();
}
