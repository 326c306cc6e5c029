import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import {
  checkFileName,
  checkFileSize,
  checkImagePixels,
  FILE_TYPES,
  fileTypeOfName,
  type AttachmentPolicy,
  type FileType,
} from '../../contract/attachments';
import { sanitizeFileName } from '../../contract/file-names';
import type { Sql } from '../db/database';
import { ATTACHMENT_CHUNK_BYTES, insertChunkInto } from '../attachments/attachment-store';
import { typed } from '../db/kysely';
import { checkContent } from '../attachments/file-rules';
import { heicToJpeg } from '../attachments/heic';

/*
 * A file a customer sent through a channel: downloaded from the URL in the callback, then held to
 * the same rules as a web-chat upload (the customers' policy, the content decides the type, image
 * pixels), and stored like one when it passes.
 */

/** A downloaded file that passed every rule, ready to store. */
export interface AcceptedFile {
  fileName: string;
  type: FileType;
  mimeType: string;
  bytes: Buffer;
  display: Buffer | null;
  width: number | null;
  height: number | null;
}

export type MediaOutcome =
  | { ok: true; file: AcceptedFile }
  | { ok: false; code: string; reason: string; fileName: string | null; bytesReceived: number }
  /** Worth trying again later (the host did not answer, or answered 5xx). */
  | { ok: 'retry'; reason: string };

const DOWNLOAD_TIMEOUT_MS = 20_000;

/** Extension for a content type file-type detects, for files whose URL names none we know. */
const EXTENSION_OF_MIME: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'application/pdf': 'pdf',
};

function nameFromUrl(url: string, override: string | undefined): string {
  if (override) return sanitizeFileName(override);
  try {
    const last = decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '');
    return sanitizeFileName(last || 'file');
  } catch {
    return 'file';
  }
}

/** Downloads at most `limit` + 1 bytes; more means too large. */
async function download(url: string, limit: number): Promise<{ status: number; bytes: Buffer } | { error: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal: controller.signal, redirect: 'follow' });
    if (!res.ok || !res.body) {
      await res.body?.cancel().catch(() => {});
      return { status: res.status, bytes: Buffer.alloc(0) };
    }
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      parts.push(Buffer.from(chunk));
      size += chunk.length;
      if (size > limit) {
        controller.abort();
        break;
      }
    }
    return { status: res.status, bytes: Buffer.concat(parts) };
  } catch (err) {
    return { error: (err as Error).message || 'the download failed' };
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchInboundMedia(
  url: string,
  filenameOverride: string | undefined,
  policy: AttachmentPolicy,
): Promise<MediaOutcome> {
  let fileName: string | null = nameFromUrl(url, filenameOverride);
  if (!/^https?:\/\//i.test(url)) return { ok: false, code: 'unreadable_file', reason: `"${fileName}" could not be downloaded: its address is not a web address.`, fileName, bytesReceived: 0 };
  const got = await download(url, policy.maxFileSizeBytes);
  if ('error' in got) return { ok: 'retry', reason: `"${fileName}" could not be downloaded: ${got.error}` };
  if (got.status >= 500 || got.status === 429 || got.status === 408) return { ok: 'retry', reason: `"${fileName}" could not be downloaded (HTTP ${got.status}).` };
  if (got.status >= 400) return { ok: false, code: 'unreadable_file', reason: `"${fileName}" could not be downloaded (HTTP ${got.status}).`, fileName, bytesReceived: 0 };
  const bytes = got.bytes;
  const refuse = (code: string, reason: string): MediaOutcome => ({ ok: false, code, reason, fileName, bytesReceived: bytes.length });

  const size = checkFileSize(fileName, bytes.length, policy);
  if (size) return refuse(size.code, size.message);
  // A URL without a known extension (channels often serve media by id): the content names it.
  if (!fileTypeOfName(fileName)) {
    const detected = await fileTypeFromBuffer(bytes.subarray(0, 4100));
    const ext = detected ? EXTENSION_OF_MIME[detected.mime] : undefined;
    if (ext) fileName = `${fileName.replace(/\.+$/, '') || 'file'}.${ext}`;
  }
  const named = checkFileName(fileName, policy, 'customers');
  if ('code' in named) return refuse(named.code, named.message);
  const content = await checkContent(fileName, named.type, bytes.subarray(0, ATTACHMENT_CHUNK_BYTES));
  if ('code' in content) return refuse(content.code, content.message);
  if (named.type === 'txt') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      if (bytes.includes(0)) throw new Error('NUL');
    } catch {
      return refuse('type_mismatch', `"${fileName}" was refused: it is named as a text file, but it is not plain UTF-8 text.`);
    }
  }

  let width: number | null = null;
  let height: number | null = null;
  let display: Buffer | null = null;
  if (FILE_TYPES[named.type].kind === 'image') {
    let declared: { width: number; height: number; images?: { width: number; height: number }[] } | null = null;
    try {
      declared = imageSize(bytes);
    } catch {
      declared = null;
    }
    if (declared) {
      const images = declared.images ?? [declared];
      const largest = images.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
      const tooLarge = checkImagePixels(fileName, largest, policy);
      if (tooLarge) return refuse(tooLarge.code, tooLarge.message);
      width = declared.width;
      height = declared.height;
    }
    if (named.type === 'heic') {
      display = await heicToJpeg(bytes).catch(() => null);
      if (!display) return refuse('unreadable_file', `"${fileName}" was refused: the HEIC photo could not be read.`);
      try {
        const d = imageSize(display);
        width = d.width;
        height = d.height;
      } catch {
        width = height = null;
      }
    }
  }
  return { ok: true, file: { fileName, type: named.type, mimeType: content.mimeType, bytes, display, width, height } };
}

/** Stores an accepted file as the customer's upload in the conversation, inside the caller's transaction; returns its id. */
export async function storeInboundFile(tx: Sql, kind: 'pglite' | 'postgres', conversationId: string, customerId: string, file: AcceptedFile): Promise<string> {
  const id = randomUUID();
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  await typed(tx)
    .insertInto('attachments')
    .values({
      id,
      conversation_id: conversationId,
      uploader_kind: 'customer',
      uploader_id: customerId,
      file_name: file.fileName,
      file_type: file.type,
      mime_type: file.mimeType,
      kind: FILE_TYPES[file.type].kind,
      url_key: randomBytes(32).toString('base64url'),
      size_bytes: file.bytes.length,
      sha256: sha(file.bytes),
      width: file.width,
      height: file.height,
      display_mime_type: file.display ? 'image/jpeg' : null,
      display_size_bytes: file.display?.length ?? null,
      display_sha256: file.display ? sha(file.display) : null,
      complete: true,
    })
    .execute();
  const variants: ['original' | 'display', Buffer][] = [['original', file.bytes]];
  if (file.display) variants.push(['display', file.display]);
  for (const [variant, bytes] of variants) {
    for (let i = 0, idx = 0; i < bytes.length; i += ATTACHMENT_CHUNK_BYTES, idx++) {
      await insertChunkInto(tx, kind, id, variant, idx, bytes.subarray(i, i + ATTACHMENT_CHUNK_BYTES));
    }
  }
  return id;
}
