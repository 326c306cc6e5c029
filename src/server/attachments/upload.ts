import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { imageSize } from 'image-size';
import {
  ATTACHMENT_UPLOAD_FIELD,
  checkFileName,
  checkFileSize,
  checkImagePixels,
  FILE_TYPES,
  type Attachment,
  type AttachmentPolicy,
  type FileType,
} from '../../contract/attachments';
import type { ErrorCode } from '../../contract/errors';
import { CUSTOMER_UNSENT_FILES_MAX } from '../../contract/limits';
import { sanitizeFileName } from '../../contract/file-names';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import {
  ATTACHMENT_CHUNK_BYTES,
  attachmentFromRow,
  completeAttachment,
  countUnsent,
  deleteAttachment,
  insertAttachment,
  insertChunk,
  newUrlKey,
  recordRejection,
  type UploaderKind,
} from './attachment-store';
import { checkContent, TextChecker } from './file-rules';
import { heicToJpeg } from './heic';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Larger HEIC images are not converted: decoding one takes 4 bytes per pixel. */
const HEIC_MAX_PIXELS = 64_000_000;

export interface Uploader {
  kind: UploaderKind;
  id: string;
  /** Null: a file for a canned response (bound to it when the response is saved). */
  conversationId: string | null;
}

/** Reads a stream in pieces of at most `size` bytes, for storing fixed-size chunks. */
class ChunkReader {
  private readonly iterator: AsyncIterator<Buffer>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private done = false;

  constructor(stream: AsyncIterable<Buffer>) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** Up to `size` bytes; fewer only at the end of the stream; empty when it has ended. */
  async read(size: number): Promise<Buffer> {
    while (this.pendingBytes < size && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        this.pending.push(next.value);
        this.pendingBytes += next.value.length;
      }
    }
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    const out = all.subarray(0, size);
    const rest = all.subarray(size);
    this.pending = rest.length ? [rest] : [];
    this.pendingBytes = rest.length;
    return out;
  }
}

/**
 * Receives one file from a multipart request and stores it, checking it while it streams: the
 * size against the policy (reading stops at the first byte over it), the name against the policy,
 * the content against the name. Nothing is buffered beyond one chunk, except a HEIC photo, which
 * is kept whole for its JPEG copy. A refusal is recorded in rejected_uploads and answered with a
 * 4xx naming the file and the rule; after one, the connection is closed rather than the rest of
 * the body read.
 */
export async function receiveUpload(
  db: Database,
  req: FastifyRequest,
  reply: FastifyReply,
  uploader: Uploader,
  policy: AttachmentPolicy,
): Promise<Attachment> {
  const who = uploader.kind === 'agent' ? 'agents' : 'customers';
  let fileName: string | null = null;
  let received = 0;

  const refuse = async (status: number, code: ErrorCode, message: string): Promise<ApiError> => {
    await recordRejection(db, {
      conversationId: uploader.conversationId,
      uploaderKind: uploader.kind,
      uploaderId: uploader.id,
      fileName,
      bytesReceived: received,
      code,
      reason: message,
    });
    // The rest of the body is not wanted: close instead of reading it to keep the connection.
    reply.header('connection', 'close');
    return new ApiError(status, code, message, {
      upload: { fileName, allowedTypes: policy.allowedTypes, maxFileSizeBytes: policy.maxFileSizeBytes },
    });
  };
  const tooLarge = () => checkFileSize(fileName, policy.maxFileSizeBytes + 1, policy)!.message;
  // Busboy marks the stream truncated as soon as the file passes the limit, which may be before
  // this code has read the bytes up to it: the file had more than the limit, and no more was kept.
  const truncated = () => {
    received = policy.maxFileSizeBytes;
    return refuseAndStop(413, 'file_too_large', tooLarge());
  };

  // Customers may keep only so many uploaded-but-unsent files in their chat (agents are staff).
  // Checked before the body is read, and again, under the conversation's lock, as the file goes in.
  const unsentCap = uploader.kind === 'customer' && uploader.conversationId !== null ? CUSTOMER_UNSENT_FILES_MAX : null;
  const tooManyUnsent = () =>
    `${fileName === null ? 'This file' : `"${fileName}"`} was refused: you already have ${CUSTOMER_UNSENT_FILES_MAX} files waiting to be sent. Send them with a message first.`;
  if (unsentCap !== null && (await countUnsent(db, { ...uploader, conversationId: uploader.conversationId! })) >= unsentCap) {
    reply.header('connection', 'close');
    throw await refuse(409, 'too_many_unsent_files', tooManyUnsent());
  }

  if (!req.isMultipart()) {
    throw new ApiError(400, 'invalid_request', `Send the file as multipart/form-data, in a part named "${ATTACHMENT_UPLOAD_FIELD}".`);
  }
  // Browsers send the length of the whole form: a file that cannot fit is refused unread.
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > policy.maxFileSizeBytes + MULTIPART_OVERHEAD_BYTES) throw await refuse(413, 'file_too_large', tooLarge());

  const part = await req
    .file({ limits: { fileSize: policy.maxFileSizeBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6, headerPairs: 50 }, throwFileSizeLimit: false })
    .catch(() => {
      throw new ApiError(400, 'invalid_request', 'The upload could not be read. Try again.');
    });
  if (!part || part.fieldname !== ATTACHMENT_UPLOAD_FIELD) {
    part?.file.destroy();
    reply.header('connection', 'close');
    throw new ApiError(400, 'invalid_request', `Choose a file to upload, in a part named "${ATTACHMENT_UPLOAD_FIELD}".`);
  }
  fileName = sanitizeFileName(part.filename);
  const stream = part.file;
  const refuseAndStop = async (status: number, code: ErrorCode, message: string) => {
    stream.destroy();
    return refuse(status, code, message);
  };

  const named = checkFileName(fileName, policy, who);
  if ('code' in named) throw await refuseAndStop(400, named.code, named.message);
  const type: FileType = named.type;

  const reader = new ChunkReader(stream);
  // A body that ends before its closing boundary (the client gave up, or lied about its length)
  // makes the part's stream fail: that is the client's doing, answered 400, never 500.
  const readChunk = async () => {
    try {
      return await reader.read(ATTACHMENT_CHUNK_BYTES);
    } catch {
      throw await refuseAndStop(400, 'upload_incomplete', `"${fileName}" was not received completely: the upload ended early. Try again.`);
    }
  };
  const head = await readChunk();
  received = head.length;
  if (stream.truncated) throw await truncated();
  if (head.length === 0) throw await refuseAndStop(400, 'empty_file', checkFileSize(fileName, 0, policy)!.message);
  const content = await checkContent(fileName, type, head);
  if ('code' in content) throw await refuseAndStop(400, content.code, content.message);

  let dimensions: { width: number; height: number } | null = null;
  if (FILE_TYPES[type].kind === 'image') {
    let declared: { width: number; height: number; images?: { width: number; height: number }[] } | null = null;
    try {
      declared = imageSize(head);
    } catch {
      // Dimensions are a nicety (layout before the image loads); an image that hides them still goes.
    }
    if (declared) {
      // The pixel count the file declares, before anything decodes it: a few hundred bytes can
      // declare 50,000 × 50,000 pixels, which would take 10 GB to decode (here for a HEIC copy,
      // in every viewer's browser otherwise). HEIC files list every image they hold.
      const images = declared.images ?? [declared];
      const largest = images.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
      const tooLarge = checkImagePixels(fileName, largest, policy);
      if (tooLarge) throw await refuseAndStop(422, tooLarge.code, tooLarge.message);
      if (type === 'heic' && largest.width * largest.height > HEIC_MAX_PIXELS) {
        throw await refuseAndStop(400, 'unreadable_file', `"${fileName}" was refused: the photo is too large to convert for display.`);
      }
      if (type !== 'heic') dimensions = { width: declared.width, height: declared.height };
    }
  }

  const id = randomUUID();
  const stored = await insertAttachment(db, {
    id,
    conversationId: uploader.conversationId,
    uploaderKind: uploader.kind,
    uploaderId: uploader.id,
    fileName,
    fileType: type,
    mimeType: content.mimeType,
    kind: FILE_TYPES[type].kind,
    urlKey: newUrlKey(),
  }, unsentCap);
  if (!stored) throw await refuseAndStop(409, 'too_many_unsent_files', tooManyUnsent());
  try {
    const hash = createHash('sha256');
    const text = type === 'txt' ? new TextChecker() : null;
    const whole: Buffer[] | null = type === 'heic' ? [] : null;
    let chunk = head;
    let idx = 0;
    let size = 0;
    while (chunk.length > 0) {
      if (text && !text.push(chunk)) throw await refuseAndStop(400, 'type_mismatch', text.refusal(fileName).message);
      hash.update(chunk);
      whole?.push(chunk);
      size += chunk.length;
      await insertChunk(db, id, 'original', idx++, chunk);
      chunk = await readChunk();
      received = size + chunk.length;
      if (stream.truncated) throw await truncated();
    }
    if (text && !text.end()) throw await refuse(400, 'type_mismatch', text.refusal(fileName).message);

    let display: { mimeType: string; sizeBytes: number; sha256: string } | null = null;
    if (whole) {
      const jpeg = await heicToJpeg(Buffer.concat(whole)).catch(() => null);
      if (!jpeg) throw await refuse(400, 'unreadable_file', `"${fileName}" was refused: the HEIC photo could not be read.`);
      for (let i = 0, n = 0; i < jpeg.length; i += ATTACHMENT_CHUNK_BYTES, n++) {
        await insertChunk(db, id, 'display', n, jpeg.subarray(i, i + ATTACHMENT_CHUNK_BYTES));
      }
      display = { mimeType: 'image/jpeg', sizeBytes: jpeg.length, sha256: createHash('sha256').update(jpeg).digest('hex') };
      try {
        const d = imageSize(jpeg);
        dimensions = { width: d.width, height: d.height };
      } catch {
        dimensions = null;
      }
    }
    const row = await completeAttachment(db, id, {
      sizeBytes: size,
      sha256: hash.digest('hex'),
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      display,
    });
    return attachmentFromRow(row);
  } catch (err) {
    await deleteAttachment(db, id).catch(() => {});
    throw err;
  }
}
