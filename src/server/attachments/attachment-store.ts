import type { Attachment, FileKind, FileType } from '../../contract/attachments';
import type { Database, Sql } from '../db/database';
import { ApiError } from '../http/api-error';
import { signLinks } from './attachment-links';

/** Bytes per stored chunk: big enough for few rows, small enough to stream a Range without loading the file. */
export const ATTACHMENT_CHUNK_BYTES = 512 * 1024;

/** Unsent uploads are kept this long for the sender to send them; unfinished ones (a crash mid-upload) less. */
const UNBOUND_KEEP = '1 day';
const INCOMPLETE_KEEP = '1 hour';

export type UploaderKind = 'agent' | 'customer';

export interface AttachmentRow {
  id: string;
  conversation_id: string;
  message_id: string | null;
  uploader_kind: UploaderKind;
  uploader_id: string;
  file_name: string;
  file_type: FileType;
  mime_type: string;
  kind: FileKind;
  size_bytes: string | number;
  sha256: string;
  width: number | null;
  height: number | null;
  display_mime_type: string | null;
  display_size_bytes: string | number | null;
  display_sha256: string | null;
  url_key: string;
  complete: boolean;
}

/** The contract's attachment, with links signed now. */
export function attachmentFromRow(row: AttachmentRow, now = Date.now()): Attachment {
  return {
    id: row.id,
    fileName: row.file_name,
    fileType: row.file_type,
    mimeType: row.mime_type,
    kind: row.kind,
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

export async function findAttachment(sql: Sql, id: string): Promise<AttachmentRow | null> {
  const [row] = await sql.query<AttachmentRow>('SELECT * FROM attachments WHERE id = $1 AND complete', [id]);
  return row ?? null;
}

export interface NewAttachment {
  id: string;
  conversationId: string;
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
  const insert = (sql: Sql) =>
    sql.query(
      `INSERT INTO attachments (id, conversation_id, uploader_kind, uploader_id, file_name, file_type, mime_type, kind, url_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.conversationId, a.uploaderKind, a.uploaderId, a.fileName, a.fileType, a.mimeType, a.kind, a.urlKey],
    );
  if (unsentCap === null) {
    await insert(db);
    return true;
  }
  return db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [a.conversationId]);
    if ((await countUnsent(tx, { kind: a.uploaderKind, id: a.uploaderId, conversationId: a.conversationId })) >= unsentCap) return false;
    await insert(tx);
    return true;
  });
}

/** Files an uploader has put into a conversation and not sent yet, including ones still streaming. */
export async function countUnsent(sql: Sql, uploader: { kind: UploaderKind; id: string; conversationId: string }): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM attachments
     WHERE conversation_id = $1 AND uploader_kind = $2 AND uploader_id = $3 AND message_id IS NULL`,
    [uploader.conversationId, uploader.kind, uploader.id],
  );
  return row?.n ?? 0;
}

// PGlite converts bytea parameters and results byte by byte in JavaScript (about 170 ms for a
// 512 KB chunk here, measured with bench/attachment-upload.ts); as hex or base64 text the same
// bytes cross in a tenth of the time. node-postgres moves bytea as it is, which is faster still.
export async function insertChunk(db: Database, id: string, variant: 'original' | 'display', idx: number, data: Uint8Array) {
  const sql = 'INSERT INTO attachment_chunks (attachment_id, variant, idx, data) VALUES ($1, $2, $3, ';
  if (db.kind === 'pglite') {
    await db.query(`${sql}decode($4, 'hex'))`, [id, variant, idx, Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('hex')]);
  } else {
    await db.query(`${sql}$4)`, [id, variant, idx, data]);
  }
}

export async function readChunk(db: Database, id: string, variant: 'original' | 'display', idx: number): Promise<Buffer> {
  const where = 'FROM attachment_chunks WHERE attachment_id = $1 AND variant = $2 AND idx = $3';
  if (db.kind === 'pglite') {
    const [row] = await db.query<{ data: string }>(`SELECT encode(data, 'base64') AS data ${where}`, [id, variant, idx]);
    if (!row) throw new Error(`attachment ${id} is missing chunk ${variant}/${idx}`);
    return Buffer.from(row.data, 'base64');
  }
  const [row] = await db.query<{ data: Buffer }>(`SELECT data ${where}`, [id, variant, idx]);
  if (!row) throw new Error(`attachment ${id} is missing chunk ${variant}/${idx}`);
  return row.data;
}

export async function completeAttachment(
  sql: Sql,
  id: string,
  done: {
    sizeBytes: number;
    sha256: string;
    width: number | null;
    height: number | null;
    display: { mimeType: string; sizeBytes: number; sha256: string } | null;
  },
): Promise<AttachmentRow> {
  const [row] = await sql.query<AttachmentRow>(
    `UPDATE attachments SET complete = true, size_bytes = $2, sha256 = $3, width = $4, height = $5,
       display_mime_type = $6, display_size_bytes = $7, display_sha256 = $8
     WHERE id = $1 RETURNING *`,
    [id, done.sizeBytes, done.sha256, done.width, done.height, done.display?.mimeType ?? null, done.display?.sizeBytes ?? null, done.display?.sha256 ?? null],
  );
  if (!row) throw new Error(`attachment ${id} vanished while it was stored`);
  return row;
}

export async function deleteAttachment(sql: Sql, id: string): Promise<void> {
  await sql.query('DELETE FROM attachments WHERE id = $1', [id]);
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
  const rows = await tx.query<AttachmentRow>(
    `UPDATE attachments SET message_id = $1, position = array_position($2::uuid[], id)
     WHERE id = ANY($2::uuid[]) AND conversation_id = $3 AND uploader_kind = $4 AND uploader_id = $5
       AND message_id IS NULL AND complete
     RETURNING *`,
    [message.id, ids, message.conversationId, message.authorKind, message.authorId],
  );
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

/** Removes unsent uploads older than a day and unfinished ones; their chunks go with them. */
export async function cleanupAttachments(sql: Sql): Promise<number> {
  const rows = await sql.query<{ id: string }>(
    `DELETE FROM attachments
     WHERE message_id IS NULL
       AND (created_at < now() - interval '${UNBOUND_KEEP}' OR (NOT complete AND created_at < now() - interval '${INCOMPLETE_KEEP}'))
     RETURNING id`,
  );
  return rows.length;
}

export interface Rejection {
  conversationId: string;
  uploaderKind: UploaderKind;
  uploaderId: string;
  fileName: string | null;
  bytesReceived: number;
  code: string;
  reason: string;
}

/** Refused uploads are kept for the supervisors' audit trail. */
export async function recordRejection(sql: Sql, r: Rejection): Promise<void> {
  await sql.query(
    `INSERT INTO rejected_uploads (conversation_id, uploader_kind, uploader_id, file_name, bytes_received, code, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [r.conversationId, r.uploaderKind, r.uploaderId, r.fileName, r.bytesReceived, r.code, r.reason],
  );
}
