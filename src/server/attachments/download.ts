import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { extensionOf, INLINE_FILE_TYPES, type AttachmentVariant } from '../../contract/attachments';
import { contentDisposition } from '../../contract/file-names';
import type { Database } from '../db/database';
import { SIGNED_LINK_CACHE_SECONDS } from './attachment-links';
import { ATTACHMENT_CHUNK_BYTES, readChunk, type AttachmentRow } from './attachment-store';

type Range = { start: number; end: number } | 'unsatisfiable' | null;

/** One `bytes=` range; several ranges, or a malformed header, get the whole file (RFC 9110 allows it). */
export function parseRange(header: string | undefined, size: number): Range {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Streams bytes [start, end] of a stored variant, one chunk from the database at a time. */
function streamBytes(db: Database, id: string, variant: 'original' | 'display', start: number, end: number): Readable {
  async function* chunks() {
    for (let idx = Math.floor(start / ATTACHMENT_CHUNK_BYTES); idx <= Math.floor(end / ATTACHMENT_CHUNK_BYTES); idx++) {
      const data = await readChunk(db, id, variant, idx);
      const offset = idx * ATTACHMENT_CHUNK_BYTES;
      yield data.subarray(Math.max(0, start - offset), Math.min(data.length, end - offset + 1));
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/**
 * Sends an attachment's bytes with the headers that keep a hostile file harmless: the
 * server-decided Content-Type, nosniff (set for every answer in app.ts), a sandboxing CSP, and
 * Content-Disposition `inline` only for images and videos browsers show safely. Supports one
 * Range (206) for video seeking, and ETag revalidation.
 */
export function sendAttachment(
  db: Database,
  req: FastifyRequest,
  reply: FastifyReply,
  row: AttachmentRow,
  variant: AttachmentVariant,
  cache: 'signed' | 'authenticated',
) {
  const hasDisplayCopy = row.display_mime_type !== null;
  const stored = variant === 'display' && hasDisplayCopy ? 'display' : 'original';
  const size = Number(stored === 'display' ? row.display_size_bytes : row.size_bytes);
  const mimeType = stored === 'display' ? row.display_mime_type! : row.mime_type;
  const sha = stored === 'display' ? row.display_sha256! : row.sha256;
  // The display copy of a HEIC photo is a JPEG; it is shown (and saved) as one.
  const fileName =
    stored === 'display' ? `${row.file_name.slice(0, row.file_name.length - extensionOf(row.file_name).length - 1) || 'photo'}.jpg` : row.file_name;
  const inline = variant === 'display' && (stored === 'display' || (INLINE_FILE_TYPES as readonly string[]).includes(row.file_type));
  const etag = `"${sha}"`;

  reply
    .header('Content-Type', mimeType.startsWith('text/') ? `${mimeType}; charset=utf-8` : mimeType)
    .header('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', fileName))
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .header('Accept-Ranges', 'bytes')
    .header('ETag', etag)
    // A signed link stays the same for a few minutes (see attachment-links.ts), so browsers may
    // keep the bytes that long; an authenticated request revalidates, as access can change.
    .header('Cache-Control', cache === 'signed' ? `private, max-age=${SIGNED_LINK_CACHE_SECONDS}` : 'private, no-cache');

  if (req.headers['if-none-match'] === etag) return reply.code(304).send();

  const ifRange = req.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseRange(req.headers.range, size) : null;
  if (range === 'unsatisfiable') {
    return reply.code(416).header('Content-Range', `bytes */${size}`).send();
  }
  if (range) {
    reply
      .code(206)
      .header('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
      .header('Content-Length', range.end - range.start + 1);
    return reply.send(streamBytes(db, row.id, stored, range.start, range.end));
  }
  reply.code(200).header('Content-Length', size);
  return reply.send(streamBytes(db, row.id, stored, 0, size - 1));
}
