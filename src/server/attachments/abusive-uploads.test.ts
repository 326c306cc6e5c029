import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_POLICY, type AttachmentPolicyInput } from '../../contract/attachments';
import { CUSTOMER_UNSENT_FILES_MAX, IMAGE_DEFAULT_MAX_PIXELS } from '../../contract/limits';
import { SendMessageResponseSchema as SendMessageOk } from '../../contract/messages';
import { SettingsResponseSchema } from '../../contract/settings';
import { describeEachBackend } from '../test-support/databases';
import { heic, png, pngDeclaring } from '../test-support/files';
import { ApiResponse, useTestServer, type Chat, type Staff } from '../test-support/test-server';
import { multipartBody, upload, uploaded } from '../test-support/uploads';

const KB = 1024;

/** The HEIC photo, claiming other dimensions in every `ispe` (image spatial extent) box. */
function heicDeclaring(width: number, height: number): Buffer {
  const bytes = Buffer.from(heic().bytes);
  for (let at = bytes.indexOf('ispe'); at >= 0; at = bytes.indexOf('ispe', at + 4)) {
    bytes.writeUInt32BE(width, at + 8);
    bytes.writeUInt32BE(height, at + 12);
  }
  return bytes;
}

describeEachBackend('Abusive uploads', (backend) => {
  const server = useTestServer(backend);
  let ben: Staff; // agent, Support
  let adam: Staff; // admin
  let chat: Chat; // Support, held by ben

  beforeAll(async () => {
    [ben, adam] = await Promise.all([server.staff('ben'), server.staff('adam')]);
    chat = await server.startChat('Support');
    await server.picked(ben, chat.conversationId);
  });

  const setPolicies = async (agentUploads: AttachmentPolicyInput, customerUploads: AttachmentPolicyInput = DEFAULT_ATTACHMENT_POLICY) =>
    (await server.request('PUT', '/api/settings', { auth: adam, body: { agentUploads, customerUploads } })).expect(200, SettingsResponseSchema);
  const agent = () => ({ staff: ben, conversationId: chat.conversationId });
  const count = async (sql: string, params: unknown[] = []) => ((await server.db.query<{ n: number }>(sql, params))[0] as { n: number }).n;
  const storedFiles = () => count('SELECT count(*)::int AS n FROM attachments');
  const storedChunks = () => count('SELECT count(*)::int AS n FROM attachment_chunks');

  describe('a truncated multipart body', () => {
    it('is answered 400 upload_incomplete, and nothing of the file is kept', async () => {
      const [files, chunks] = [await storedFiles(), await storedChunks()];
      const big = png(64, 48, 1300 * KB); // three chunks' worth
      for (const cut of [200, 700 * KB, 1200 * KB]) {
        const { payload, contentType } = multipartBody([{ fileName: 'big.png', content: big }]);
        const res = await server.app.inject({
          method: 'POST',
          url: `/api/conversations/${chat.conversationId}/attachments`,
          headers: { authorization: `Bearer ${ben.token}`, 'content-type': contentType },
          payload: payload.subarray(0, cut),
        });
        const body = new ApiResponse(res.statusCode, res.headers, res.body).expectError(400, 'upload_incomplete');
        expect(body.message).toContain('big.png');
      }
      expect(await storedFiles()).toBe(files);
      expect(await storedChunks()).toBe(chunks);
    });

    it('leaves nothing half-stored when the client closes the connection mid-file', async () => {
      const base = await server.listen();
      const [files, chunks] = [await storedFiles(), await storedChunks()];
      const { payload, contentType } = multipartBody([{ fileName: 'cut.png', content: png(64, 48, 1300 * KB) }]);
      const { hostname: host, port } = new URL(base);
      const socket = connect(Number(port), host);
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/conversations/${chat.conversationId}/attachments HTTP/1.1\r\nHost: ${host}\r\n` +
          `Authorization: Bearer ${ben.token}\r\nContent-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n\r\n`,
      );
      socket.write(payload.subarray(0, 900 * KB));
      // Wait until the server has started storing the file, then go away.
      const deadline = Date.now() + 10_000;
      while ((await storedFiles()) === files && Date.now() < deadline) await new Promise((r) => setImmediate(r));
      socket.destroy();
      while (((await storedFiles()) !== files || (await storedChunks()) !== chunks) && Date.now() < deadline + 10_000) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(await storedFiles()).toBe(files);
      expect(await storedChunks()).toBe(chunks);
    });
  });

  describe('images declaring too many pixels', () => {
    it('refuses a 661-byte-class PNG declaring 50,000 × 50,000 pixels by the default limit, naming the dimensions', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
      const files = await storedFiles();
      const bomb = pngDeclaring(50_000, 50_000);
      expect(bomb.length).toBeLessThan(1000);
      const body = (await upload(server, agent(), 'bomb.png', bomb)).expectError(422, 'image_too_large');
      expect(body.message).toBe('"bomb.png" was refused: the image is 50,000 × 50,000 pixels; images can be at most 40 megapixels.');
      expect((await upload(server, { chat }, 'bomb.png', bomb)).status).toBe(422);
      expect(await storedFiles()).toBe(files);
      const [rejection] = await server.db.query<{ code: string }>("SELECT code FROM rejected_uploads WHERE file_name = 'bomb.png' LIMIT 1");
      expect(rejection?.code).toBe('image_too_large');
    });

    it('applies the policy of each uploader, and lets images within it through', async () => {
      await setPolicies({ ...DEFAULT_ATTACHMENT_POLICY, maxImagePixels: 100_000_000 }, { ...DEFAULT_ATTACHMENT_POLICY, maxImagePixels: 1_000_000 });
      const sixMp = pngDeclaring(3000, 2000);
      expect((await upload(server, agent(), 'six.png', sixMp)).status).toBe(201);
      const refused = (await upload(server, { chat }, 'six.png', sixMp)).expectError(422, 'image_too_large');
      expect(refused.message).toContain('3,000 × 2,000 pixels; images can be at most 1 megapixels');
      expect((await uploaded(server, { chat }, 'small.png', png(64, 48))).width).toBe(64);
    });

    it('refuses a HEIC declaring too many pixels before converting it', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY, DEFAULT_ATTACHMENT_POLICY);
      const body = (await upload(server, { chat }, 'IMG_9.HEIC', heicDeclaring(8000, 6000))).expectError(422, 'image_too_large');
      expect(body.message).toContain('8,000 × 6,000 pixels');
    });

    it('keeps the pixel limit as a validated setting; policies saved without it get the default', async () => {
      const bad = await server.request('PUT', '/api/settings', {
        auth: adam,
        body: { agentUploads: { ...DEFAULT_ATTACHMENT_POLICY, maxImagePixels: 10 }, customerUploads: DEFAULT_ATTACHMENT_POLICY },
      });
      expect(bad.expectError(400, 'invalid_request').fields?.['agentUploads.maxImagePixels']).toMatch(/At least 1 megapixels/);
      const { settings } = await setPolicies({ ...DEFAULT_ATTACHMENT_POLICY, maxImagePixels: 12_500_000 });
      expect(settings.agentUploads.maxImagePixels).toBe(12_500_000);
      expect(settings.customerUploads.maxImagePixels).toBe(IMAGE_DEFAULT_MAX_PIXELS);
      // A policy stored before the setting existed.
      await server.db.query(`UPDATE settings SET agent_uploads = '{"allowedTypes":["png"],"maxFileSizeBytes":1000}'::jsonb`);
      const read = (await server.get('/api/settings', adam)).expect(200, SettingsResponseSchema).settings;
      expect(read.agentUploads).toEqual({ allowedTypes: ['png'], maxFileSizeBytes: 1000, maxImagePixels: IMAGE_DEFAULT_MAX_PIXELS });
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
    });
  });

  describe("a customer's unsent files", () => {
    it(`are capped at ${CUSTOMER_UNSENT_FILES_MAX} per conversation; sent ones do not count`, async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY, DEFAULT_ATTACHMENT_POLICY);
      const customer = await server.startChat('Support');
      const unsent = () => count('SELECT count(*)::int AS n FROM attachments WHERE conversation_id = $1 AND message_id IS NULL', [customer.conversationId]);
      const first = await uploaded(server, { chat: customer }, 'first.png', png(8, 8));
      (await server.post('/api/webchat/messages', customer, { clientMessageId: randomUUID(), text: '', attachmentIds: [first.id] })).expect(201, SendMessageOk);
      // In parallel, as a script would: the lock makes them count one after the other.
      const results = await Promise.all(
        Array.from({ length: CUSTOMER_UNSENT_FILES_MAX + 3 }, (_, i) => upload(server, { chat: customer }, `p${i}.png`, png(8, 8))),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(CUSTOMER_UNSENT_FILES_MAX);
      const refused = results.find((r) => r.status !== 201)!.expectError(409, 'too_many_unsent_files');
      expect(refused.message).toContain(`${CUSTOMER_UNSENT_FILES_MAX} files waiting to be sent`);
      expect(await unsent()).toBe(CUSTOMER_UNSENT_FILES_MAX);

      // Sending some makes room again; agents are not capped.
      const ids = (await server.db.query<{ id: string }>('SELECT id FROM attachments WHERE conversation_id = $1 AND message_id IS NULL LIMIT 2', [customer.conversationId])).map((r) => r.id);
      (await server.post('/api/webchat/messages', customer, { clientMessageId: randomUUID(), text: 'two', attachmentIds: ids })).expect(201, SendMessageOk);
      expect((await upload(server, { chat: customer }, 'again.png', png(8, 8))).status).toBe(201);
      expect((await upload(server, { chat: customer }, 'again2.png', png(8, 8))).status).toBe(201);
      expect((await upload(server, { chat: customer }, 'again3.png', png(8, 8))).status).toBe(409);
    });
  });
});
