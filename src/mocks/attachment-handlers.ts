import { type HttpHandler, HttpResponse } from 'msw';
import type { RouteName } from '../contract/api';
import { ATTACHMENT_UPLOAD_FIELD, type Attachment, AttachmentDownloadQuerySchema, type AttachmentPolicy, FILE_TYPES, INLINE_FILE_TYPES, checkFileName, checkFileSize, checkImagePixels } from '../contract/attachments';
import type { ErrorCode } from '../contract/errors';
import { contentDisposition, sanitizeFileName } from '../contract/file-names';
import { CUSTOMER_UNSENT_FILES_MAX } from '../contract/limits';
import { ConversationParamsSchema, FileParamsSchema } from '../contract/path-params';
import { mayUseCanned } from '../domain/canned-rules';
import { parsePathParams } from '../domain/path-params';
import { canView, ownConversation, viewConversation } from './access';
import { MOCK_LINK_SIGNATURE, findConversation, mockData, mockLinks } from './data';
import { MockApiError, notFound } from './mock-errors';
import { fileRoute, parseInput, route } from './route';
import { type Caller, requireCustomer, requireStaff } from './sessions';

// ---------------------------------------------------------------------------------------------
// Attachments, as src/server/attachments. The mock checks names, sizes and markup like the
// server, but trusts the rest of the content (the server sniffs magic bytes), keeps HEIC photos
// as they are (the server adds a JPEG copy), and signs links with MOCK_LINK_SIGNATURE.

/** `conversationId` null: a file for a canned response (canned-handlers.ts binds it when the response is saved). */
type Uploader = { kind: 'agent' | 'customer'; id: string; conversationId: string | null };

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function receiveUpload(request: Request, uploader: Uploader, policy: AttachmentPolicy): Promise<Attachment> {
  const contentType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'multipart/form-data') {
    throw new MockApiError(400, 'invalid_request', `Send the file as multipart/form-data, in a part named "${ATTACHMENT_UPLOAD_FIELD}".`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new MockApiError(400, 'invalid_request', 'The upload could not be read. Try again.');
  }
  const file = form.get(ATTACHMENT_UPLOAD_FIELD);
  // A file part, not a text field (duck-typed: under jsdom the page's File is not the fetch's).
  if (file === null || typeof file === 'string') {
    throw new MockApiError(400, 'invalid_request', `Choose a file to upload, in a part named "${ATTACHMENT_UPLOAD_FIELD}".`);
  }
  const fileName = sanitizeFileName(file.name);
  const refuse = (status: number, refusal: { code: ErrorCode; message: string }) =>
    new MockApiError(status, refusal.code, refusal.message, {
      upload: { fileName, allowedTypes: policy.allowedTypes, maxFileSizeBytes: policy.maxFileSizeBytes },
    });
  const named = checkFileName(fileName, policy, uploader.kind === 'agent' ? 'agents' : 'customers');
  if ('code' in named) throw refuse(400, named);
  const sized = checkFileSize(fileName, file.size, policy);
  if (sized) throw refuse(sized.code === 'file_too_large' ? 413 : 400, sized);
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)))) {
    throw refuse(400, { code: 'type_not_allowed', message: `"${fileName}" was refused: it contains HTML, SVG or XML, which is never accepted.` });
  }
  // Like the server: a PNG's declared pixels (its IHDR) against the policy, before it is kept.
  if (named.type === 'png' && bytes.length >= 24 && new TextDecoder().decode(bytes.subarray(12, 16)) === 'IHDR') {
    const view = new DataView(buffer);
    const tooLarge = checkImagePixels(fileName, { width: view.getUint32(16), height: view.getUint32(20) }, policy);
    if (tooLarge) throw refuse(422, tooLarge);
  }
  if (uploader.kind === 'customer') {
    const unsent = [...mockData.attachments.values()].filter(
      (a) => a.conversationId === uploader.conversationId && a.uploaderKind === 'customer' && a.messageId === null,
    ).length;
    if (unsent >= CUSTOMER_UNSENT_FILES_MAX) {
      throw refuse(409, {
        code: 'too_many_unsent_files',
        message: `"${fileName}" was refused: you already have ${CUSTOMER_UNSENT_FILES_MAX} files waiting to be sent. Send them with a message first.`,
      });
    }
  }
  const id = crypto.randomUUID();
  const info = FILE_TYPES[named.type];
  const attachment: Attachment = {
    id,
    fileName,
    fileType: named.type,
    mimeType: info.mime,
    kind: info.kind,
    sizeBytes: bytes.length,
    sha256: await sha256Hex(buffer),
    displayMimeType: info.mime,
    ...mockLinks(id),
  };
  mockData.attachments.set(id, {
    attachment,
    bytes,
    conversationId: uploader.conversationId,
    uploaderKind: uploader.kind,
    uploaderId: uploader.id,
    messageId: null,
  });
  return structuredClone(attachment);
}

/** One `bytes=` range, like the server's parseRange; anything else gets the whole file. */
function byteRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = header?.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if ((m[1] === '' && Number(m[2]) === 0) || start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

/** The bytes with the server's headers: its Content-Type and disposition, nosniff, one Range. */
function serveAttachment(request: Request, attachment: Attachment, bytes: Uint8Array, variant: 'display' | 'original'): Response {
  const inline = variant === 'display' && INLINE_FILE_TYPES.includes(attachment.fileType);
  const headers = new Headers({
    'Content-Type': attachment.mimeType.startsWith('text/') ? `${attachment.mimeType}; charset=utf-8` : attachment.mimeType,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', attachment.fileName),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    ETag: `"${attachment.sha256}"`,
  });
  const range = byteRange(request.headers.get('range'), bytes.length);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${bytes.length}`);
    return new HttpResponse(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: bytes.length - 1 };
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
  headers.set('Content-Length', String(end - start + 1));
  return new HttpResponse(bytes.slice(start, end + 1), { status: range ? 206 : 200, headers });
}

/** A signed link needs nothing else; otherwise the caller's credential decides, as on the server. */
function downloadAttachment(ctx: Caller & { params: Record<string, string> }, access: 'staff' | 'customer'): Response {
  const query = parseInput(AttachmentDownloadQuerySchema, Object.fromEntries(new URL(ctx.request.url).searchParams), 'query');
  const signed = query.exp !== undefined || query.sig !== undefined;
  // As the server: the caller before the id (a malformed one is 404).
  const caller = signed ? null : access === 'staff' ? requireStaff(ctx).user : requireCustomer(ctx);
  const upload = mockData.attachments.get(parsePathParams(FileParamsSchema, ctx.params).id);
  if (!caller) {
    if (!upload || query.sig !== MOCK_LINK_SIGNATURE || query.exp === undefined) throw notFound('This file');
  } else if ('role' in caller) {
    const user = caller;
    if (!upload) throw notFound('This file');
    if (upload.cannedResponseId) {
      // A canned response's file: for whoever may use the response.
      const owner = mockData.cannedResponses.find((r) => r.id === upload.cannedResponseId);
      if (!owner || !mayUseCanned(user, owner)) throw notFound('This file');
    } else {
      const record = upload.conversationId === null ? null : findConversation(upload.conversationId);
      if (upload.conversationId !== null && (!record || !canView(user, record))) throw notFound('This file');
      if (!upload.messageId && !(upload.uploaderKind === 'agent' && upload.uploaderId === user.id)) throw notFound('This file');
    }
  } else {
    const customer = caller;
    const maySee =
      upload?.conversationId === customer.conversationId &&
      (upload.messageId !== null || (upload.uploaderKind === 'customer' && upload.uploaderId === customer.customerId));
    if (!upload || !maySee) throw notFound('This file');
  }
  return serveAttachment(ctx.request, upload.attachment, upload.bytes, query.variant);
}

export const attachmentHandlers = {
  attachmentPolicy: route('attachmentPolicy', (ctx) => {
    requireStaff(ctx);
    return { policy: structuredClone(mockData.settings.agentUploads) };
  }),

  uploadAttachment: fileRoute('uploadAttachment', async (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, parsePathParams(ConversationParamsSchema, ctx.params).id);
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has ended.');
    if (record.state !== 'picked' || record.agentId !== user.id) {
      throw new MockApiError(409, 'not_holder', 'Pick this conversation before writing in it.');
    }
    const uploader = { kind: 'agent', id: user.id, conversationId: record.id } as const;
    const attachment = await receiveUpload(ctx.request, uploader, mockData.settings.agentUploads);
    return HttpResponse.json({ attachment }, { status: 201 });
  }),

  downloadAttachment: fileRoute('downloadAttachment', (ctx) => downloadAttachment(ctx, 'staff')),

  webchatAttachmentPolicy: route('webchatAttachmentPolicy', (ctx) => {
    requireCustomer(ctx);
    return { policy: structuredClone(mockData.settings.customerUploads) };
  }),

  webchatUploadAttachment: fileRoute('webchatUploadAttachment', async (ctx) => {
    const { conversationId, customerId } = requireCustomer(ctx);
    const record = ownConversation(conversationId);
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to send files.');
    const uploader = { kind: 'customer', id: customerId, conversationId } as const;
    const attachment = await receiveUpload(ctx.request, uploader, mockData.settings.customerUploads);
    return HttpResponse.json({ attachment }, { status: 201 });
  }),

  webchatDownloadAttachment: fileRoute('webchatDownloadAttachment', (ctx) => downloadAttachment(ctx, 'customer')),
} satisfies Partial<Record<RouteName, HttpHandler>>;
