import { randomBytes } from 'node:crypto';
import { UploadAttachmentResponseSchema, type Attachment } from '../../contract/attachments';
import { ApiResponse, type Chat, type Staff, type TestServer } from './test-server';

/** A multipart/form-data body with one file part (or parts as given), as a browser builds it. */
export function multipartBody(parts: { field?: string; fileName: string; content: Buffer; contentType?: string }[]) {
  const boundary = `----cp-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'file'}"; filename="${p.fileName}"\r\n` +
          `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      p.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

type Uploader = { staff: Staff; conversationId: string } | { chat: Chat };

/** Uploads one file as `who`: an agent into a conversation, or a customer into their chat. */
export async function upload(server: TestServer, who: Uploader, fileName: string, content: Buffer): Promise<ApiResponse> {
  const { payload, contentType } = multipartBody([{ fileName, content }]);
  const [url, token] = 'chat' in who ? ['/api/webchat/attachments', who.chat.token] : [`/api/conversations/${who.conversationId}/attachments`, who.staff.token];
  const res = await server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });
  return new ApiResponse(res.statusCode, res.headers, res.body);
}

/** Uploads and asserts it was stored. */
export async function uploaded(server: TestServer, who: Uploader, fileName: string, content: Buffer): Promise<Attachment> {
  return (await upload(server, who, fileName, content)).expect(201, UploadAttachmentResponseSchema).attachment;
}

/** A GET whose body is kept as bytes. */
export async function download(server: TestServer, url: string, opts: { token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await server.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, response: new ApiResponse(res.statusCode, res.headers, res.body) };
}
