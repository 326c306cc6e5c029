import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATTACHMENT_POLICY, type AttachmentPolicyInput } from '../../contract/attachments';
import { ConversationResponseSchema } from '../../contract/conversations';
import type { ConversationEvent } from '../../contract/events';
import { MessagePageSchema, SendMessageResponseSchema } from '../../contract/messages';
import { SettingsResponseSchema } from '../../contract/settings';
import { currentEventSeq, readEventsAfter } from '../realtime/event-log';
import { describeEachBackend } from '../test-support/databases';
import { elf, gif, heic, html, mp4, pdf, pe, png, recordedMp4, recordedWebm, svg } from '../test-support/files';
import { type Chat, useDemoStaff, useTestServer } from '../test-support/test-server';
import { download, multipartBody, upload, uploaded } from '../test-support/uploads';
import { signLinks } from './attachment-links';
import { cleanupAttachments } from './attachment-store';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const KB = 1024;

describeEachBackend('Attachments', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);
  let chat: Chat; // Support, held by ben
  let id: string;

  beforeAll(async () => {
    chat = await server.startChat('Support');
    id = chat.conversationId;
    await server.picked(demo.ben, id);
  });

  const setPolicies = async (agentUploads: AttachmentPolicyInput, customerUploads: AttachmentPolicyInput = DEFAULT_ATTACHMENT_POLICY) =>
    (await server.request('PUT', '/api/settings', { auth: demo.adam, body: { agentUploads, customerUploads } })).expect(200, SettingsResponseSchema);
  const agent = () => ({ staff: demo.ben, conversationId: id });
  const rejections = async () =>
    server.db.query<{ file_name: string | null; code: string; reason: string; uploader_kind: string; bytes_received: string | number }>(
      'SELECT file_name, code, reason, uploader_kind, bytes_received FROM rejected_uploads ORDER BY created_at, id',
    );

  describe('upload and download', () => {
    it('stores a PNG by content and serves it inline, with a signed link that needs no other credential', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
      const bytes = png(64, 48);
      const a = await uploaded(server, agent(), 'diagram.png', bytes);
      expect(a).toMatchObject({
        fileName: 'diagram.png',
        fileType: 'png',
        mimeType: 'image/png',
        displayMimeType: 'image/png',
        kind: 'image',
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
        width: 64,
        height: 48,
      });
      expect(a.url).toMatch(new RegExp(`^/api/attachments/${a.id}\\?variant=display&exp=\\d+&sig=[\\w-]+$`));
      expect(Date.parse(a.urlExpiresAt) - Date.now()).toBeGreaterThan(10 * 60_000);

      const res = await download(server, a.url);
      expect(res.status).toBe(200);
      expect(res.bytes.equals(bytes)).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(bytes.length),
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="diagram.png"; filename*=UTF-8''diagram.png`,
        'accept-ranges': 'bytes',
      });
      expect(res.headers['content-security-policy']).toContain('sandbox');

      // The original, as a download; and the same bytes through the uploader's own session.
      const original = await download(server, a.downloadUrl);
      expect(original.headers['content-disposition']).toMatch(/^attachment;/);
      expect(original.bytes.equals(bytes)).toBe(true);
      const viaSession = await download(server, `/api/attachments/${a.id}`, { token: demo.ben.token });
      expect(viaSession.bytes.equals(bytes)).toBe(true);
      expect(viaSession.headers['cache-control']).toBe('private, no-cache');
      const revalidated = await download(server, `/api/attachments/${a.id}`, { token: demo.ben.token, headers: { 'if-none-match': `"${a.sha256}"` } });
      expect(revalidated.status).toBe(304);
    });

    it('cleans the file name of paths, control and direction characters', async () => {
      const a = await uploaded(server, agent(), '../../etc/evil\u202Egnp.exe\u0007 photo.png', png());
      expect(a.fileName).toBe('evilgnp.exe photo.png');
      const long = await uploaded(server, agent(), `${'å'.repeat(300)}.png`, png());
      expect(Array.from(long.fileName)).toHaveLength(120);
      expect(long.fileName.endsWith('.png')).toBe(true);
      const res = await download(server, long.url);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(long.fileName)}`);
    });

    it('serves documents as downloads, never inline', async () => {
      await setPolicies({ allowedTypes: ['pdf', 'txt', 'png'], maxFileSizeBytes: 1024 * KB });
      const doc = await uploaded(server, agent(), 'invoice.pdf', pdf());
      expect(doc).toMatchObject({ kind: 'document', mimeType: 'application/pdf' });
      expect(doc.width).toBeUndefined();
      const res = await download(server, doc.url);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="invoice.pdf"/);

      const text = Buffer.from('Order #4411\nGrüße, ünïcödé ✓\n');
      const txt = await uploaded(server, agent(), 'notes.txt', text);
      const served = await download(server, txt.url);
      expect(served.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(served.headers['content-disposition']).toMatch(/^attachment;/);
      expect(served.bytes.equals(text)).toBe(true);
    });
  });

  describe('refusals', () => {
    it('refuses every bad file with a clear 4xx, stores none of them and records each', async () => {
      const max = 4 * KB;
      await setPolicies({ allowedTypes: ['png', 'jpg', 'txt', 'gif'], maxFileSizeBytes: max });
      const before = (await rejections()).length;
      const [{ n: stored }] = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')) as [{ n: number }];

      const cases: [string, Buffer, number, string, RegExp][] = [
        ['setup.png', elf(), 400, 'type_mismatch', /"setup.png".*PNG.*elf/],
        ['holiday.jpg', pe(), 400, 'type_mismatch', /"holiday.jpg".*JPG.*exe/],
        ['page.html', html(), 400, 'type_not_allowed', /"page.html".*HTML/],
        ['page.png', html(), 400, 'type_not_allowed', /"page.png".*HTML/],
        ['readme.txt', html(), 400, 'type_not_allowed', /"readme.txt".*HTML/],
        ['logo.svg', svg(), 400, 'type_not_allowed', /"logo.svg".*SVG/],
        ['logo.png', svg(), 400, 'type_not_allowed', /"logo.png".*SVG/],
        ['empty.png', Buffer.alloc(0), 400, 'empty_file', /"empty.png".*empty/],
        ['big.png', png(16, 16, max + 1), 413, 'file_too_large', /"big.png".*at most 4 KB/],
        ['invoice.pdf', pdf(), 400, 'type_not_allowed', /"invoice.pdf".*PDF files are not accepted from agents.*Allowed types: PNG, JPG, Text, GIF/],
        ['tool.exe', pe(), 400, 'type_not_allowed', /"tool.exe".*\.exe files are not accepted/],
        ['noextension', png(), 400, 'type_not_allowed', /without an extension/],
        ['latin1.txt', Buffer.from('Gr\xfc\xdfe', 'latin1'), 400, 'type_mismatch', /not plain UTF-8 text/],
        ['nul.txt', Buffer.from('abc\0def'), 400, 'type_mismatch', /not plain UTF-8 text/],
        ['animation.gif', png(16, 16), 400, 'type_mismatch', /GIF.*png/],
      ];
      for (const [name, bytes, status, code, message] of cases) {
        const error = (await upload(server, agent(), name, bytes)).expectError(status, code as never);
        expect(error.message, name).toMatch(message);
        expect(error.upload).toMatchObject({ allowedTypes: ['png', 'jpg', 'txt', 'gif'], maxFileSizeBytes: max });
      }
      // Exactly at the limit is fine.
      expect((await uploaded(server, agent(), 'exact.png', png(16, 16, max))).sizeBytes).toBe(max);

      const recorded = (await rejections()).slice(before);
      expect(recorded.map((r) => [r.file_name, r.code])).toEqual(cases.map(([name, , , code]) => [name, code]));
      expect(recorded.every((r) => r.uploader_kind === 'agent' && r.reason.length > 10)).toBe(true);
      const [{ n: after }] = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachments')) as [{ n: number }];
      expect(after).toBe(stored + 1);
    });

    it('stops reading a file at the first byte over the limit', async () => {
      await setPolicies({ allowedTypes: ['png'], maxFileSizeBytes: 600 * KB });
      // Over the limit by one byte: read to the limit, then refused.
      const justOver = png(16, 16, 600 * KB + 1);
      (await upload(server, agent(), 'just-over.png', justOver)).expectError(413, 'file_too_large');
      // Far over, with a Content-Length that says so: refused before reading anything.
      const res = await upload(server, agent(), 'huge.png', png(16, 16, 3 * 1024 * KB));
      res.expectError(413, 'file_too_large');
      expect(res.headers.connection).toBe('close');
      const recorded = (await rejections()).slice(-2);
      expect(recorded.map((r) => [r.file_name, Number(r.bytes_received)])).toEqual([
        ['just-over.png', 600 * KB],
        [null, 0],
      ]);
    });

    it('applies the agent and customer policies independently', async () => {
      await setPolicies({ allowedTypes: ['png'], maxFileSizeBytes: 1024 * KB }, { allowedTypes: ['png'], maxFileSizeBytes: 1024 * KB });
      await uploaded(server, agent(), 'before.png', png());

      // The admin removes PNG from the agents' policy only.
      await setPolicies({ allowedTypes: ['jpeg', 'jpg'], maxFileSizeBytes: 1024 * KB }, { allowedTypes: ['png'], maxFileSizeBytes: 1024 * KB });
      const refused = (await upload(server, agent(), 'after.png', png())).expectError(400, 'type_not_allowed');
      expect(refused.message).toBe('"after.png" was refused: PNG files are not accepted from agents. Allowed types: JPEG, JPG.');
      const customers = await uploaded(server, { chat }, 'from-customer.png', png());
      expect(customers.fileType).toBe('png');

      await setPolicies(DEFAULT_ATTACHMENT_POLICY, { allowedTypes: [], maxFileSizeBytes: 1024 * KB });
      const off = (await upload(server, { chat }, 'photo.png', png())).expectError(400, 'type_not_allowed');
      expect(off.message).toContain('Uploads from customers are turned off.');
      expect((await rejections()).at(-1)).toMatchObject({ uploader_kind: 'customer', file_name: 'photo.png' });
    });

    it('refuses uploads that are not one multipart file, and uploads by anyone but the holder', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
      const url = `/api/conversations/${id}/attachments`;
      (await server.request('POST', url, { auth: demo.ben, body: { file: 'x' } })).expectError(400, 'invalid_request');
      const wrongField = multipartBody([{ field: 'upload', fileName: 'a.png', content: png() }]);
      const res = await server.app.inject({
        method: 'POST',
        url,
        headers: { authorization: `Bearer ${demo.ben.token}`, 'content-type': wrongField.contentType },
        payload: wrongField.payload,
      });
      expect(res.statusCode, res.body).toBe(400);

      (await upload(server, { staff: demo.anna, conversationId: id }, 'a.png', png())).expectError(409, 'not_holder');
      (await upload(server, { staff: demo.sara, conversationId: id }, 'a.png', png())).expectError(409, 'not_holder');
      const sales = await server.startChat('Sales');
      (await upload(server, { staff: demo.anna, conversationId: sales.conversationId }, 'a.png', png())).expectError(404, 'not_found');
      (await server.request('POST', url, {})).expectError(401, 'unauthenticated');
      (await server.request('POST', '/api/webchat/attachments', {})).expectError(401, 'unauthenticated');
      (await upload(server, { staff: { ...demo.ben, token: chat.token }, conversationId: id }, 'a.png', png())).expectError(401, 'unauthenticated');

      const ended = await server.startChat('Support');
      await server.picked(demo.ben, ended.conversationId);
      (await server.end(demo.ben, ended.conversationId)).expect(200, ConversationResponseSchema);
      (await upload(server, { chat: ended }, 'late.png', png())).expectError(409, 'conversation_ended');
      (await upload(server, { staff: demo.ben, conversationId: ended.conversationId }, 'late.png', png())).expectError(409, 'conversation_ended');
    });
  });

  describe('HEIC', () => {
    it('keeps the original and serves a JPEG copy for display', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
      const photo = heic();
      if (photo.source === 'fixture') console.warn('heif-enc is not installed: using the committed HEIC fixture');
      const a = await uploaded(server, { chat }, 'IMG_0001.HEIC', photo.bytes);
      expect(a).toMatchObject({ fileType: 'heic', mimeType: 'image/heic', displayMimeType: 'image/jpeg', kind: 'image', width: 64, height: 48 });
      expect(a.sha256).toBe(sha256(photo.bytes));

      const shown = await download(server, a.url);
      expect(shown.status).toBe(200);
      expect(shown.headers['content-type']).toBe('image/jpeg');
      expect(shown.headers['content-disposition']).toBe(`inline; filename="IMG_0001.jpg"; filename*=UTF-8''IMG_0001.jpg`);
      expect([...shown.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect(shown.bytes.length).toBe(Number(shown.headers['content-length']));

      const original = await download(server, a.downloadUrl);
      expect(original.headers['content-type']).toBe('image/heic');
      expect(original.headers['content-disposition']).toMatch(/^attachment; filename="IMG_0001.HEIC"/);
      expect(original.bytes.equals(photo.bytes)).toBe(true);
    });

    it('refuses a HEIC that cannot be decoded', async () => {
      const photo = heic().bytes;
      const broken = Buffer.concat([photo.subarray(0, 64), Buffer.alloc(photo.length - 64, 7)]);
      const error = (await upload(server, agent(), 'broken.heic', broken)).expectError(400, 'unreadable_file');
      expect(error.message).toContain('"broken.heic"');
    });
  });

  describe('sending', () => {
    it('sends files with a message idempotently, binding them in the message transaction', async () => {
      await setPolicies({ allowedTypes: ['png', 'gif'], maxFileSizeBytes: 1024 * KB });
      const first = await uploaded(server, agent(), 'first.png', png());
      const second = await uploaded(server, agent(), 'second.gif', gif());
      const body = { clientMessageId: randomUUID(), text: '', attachmentIds: [second.id, first.id] };

      const sent = (await server.post(`/api/conversations/${id}/messages`, demo.ben, body)).expect(201, SendMessageResponseSchema);
      expect(sent).toMatchObject({ created: true, message: { text: '', authorKind: 'agent' } });
      expect(sent.message.attachments.map((a) => [a.id, a.fileName])).toEqual([
        [second.id, 'second.gif'],
        [first.id, 'first.png'],
      ]);
      const retry = (await server.post(`/api/conversations/${id}/messages`, demo.ben, body)).expect(200, SendMessageResponseSchema);
      expect(retry.created).toBe(false);
      expect(retry.message.id).toBe(sent.message.id);
      expect(retry.message.attachments.map((a) => a.id)).toEqual([second.id, first.id]);

      // Everyone who reads the thread sees them, in order, with working links.
      const staffPage = (await server.get(`/api/conversations/${id}/messages`, demo.sara)).expect(200, MessagePageSchema);
      const inThread = staffPage.messages.find((m) => m.id === sent.message.id)!;
      expect(inThread.attachments.map((a) => a.id)).toEqual([second.id, first.id]);
      const customerPage = (await server.get('/api/webchat/messages', chat)).expect(200, MessagePageSchema);
      const seen = customerPage.messages.find((m) => m.id === sent.message.id)!;
      expect((await download(server, seen.attachments[1]!.url)).bytes.equals(png())).toBe(true);
      expect((await download(server, `/api/webchat/attachments/${first.id}`, { token: chat.token })).status).toBe(200);
      const { conversation } = (await server.get(`/api/conversations/${id}`, demo.ben)).expect(200, ConversationResponseSchema);
      expect(conversation.lastMessage?.attachments.map((a) => a.id)).toEqual([second.id, first.id]);

      // Once sent, a file cannot be sent again.
      const again = await server.post(`/api/conversations/${id}/messages`, demo.ben, { clientMessageId: randomUUID(), text: 'Again', attachmentIds: [first.id] });
      expect(again.expectError(400, 'attachment_unavailable').fields).toHaveProperty('attachmentIds');
    });

    it('signs links afresh when logged events are delivered', async () => {
      const a = await uploaded(server, agent(), 'event.png', png());
      const sent = (
        await server.post(`/api/conversations/${id}/messages`, demo.ben, { clientMessageId: randomUUID(), text: 'See attached', attachmentIds: [a.id] })
      ).expect(201, SendMessageResponseSchema);
      await currentEventSeq(server.db); // the event is numbered
      const [row] = await server.db.query<{ seq: string | number }>(
        `SELECT seq FROM events WHERE type = 'message.created' AND payload->'message'->>'id' = $1`,
        [sent.message.id],
      );
      // Pretend the event was written 5 hours ago, with links signed then.
      const [key] = await server.db.query<{ url_key: string }>('SELECT url_key FROM attachments WHERE id = $1', [a.id]);
      const old = signLinks(a.id, key!.url_key, Date.now() - 5 * 3600_000);
      await server.db.query(`UPDATE events SET payload = jsonb_set(payload, '{message,attachments,0,url}', to_jsonb($2::text)) WHERE seq = $1`, [
        row!.seq,
        old.url,
      ]);
      const [stored] = await readEventsAfter(server.db, Number(row!.seq) - 1, Number(row!.seq), 1);
      const event = stored!.event as ConversationEvent & { type: 'message.created' };
      expect(event.message.attachments[0]!.url).not.toBe(old.url);
      expect(Date.parse(event.message.attachments[0]!.urlExpiresAt) - Date.now()).toBeGreaterThan(10 * 60_000);
      expect((await download(server, event.message.attachments[0]!.url)).status).toBe(200);
    });

    it('lets a customer send files, and refuses files that are not the sender’s unsent uploads here', async () => {
      await setPolicies({ allowedTypes: ['png'], maxFileSizeBytes: 1024 * KB }, { allowedTypes: ['png'], maxFileSizeBytes: 1024 * KB });
      const mine = await uploaded(server, { chat }, 'screenshot.png', png());
      const agents = await uploaded(server, agent(), 'agents.png', png());
      const other = await server.startChat('Support');
      const theirs = await uploaded(server, { chat: other }, 'theirs.png', png());

      const send = (attachmentIds: string[], text = '') =>
        server.post('/api/webchat/messages', chat, { clientMessageId: randomUUID(), text, attachmentIds });
      for (const ids of [[agents.id], [theirs.id], [randomUUID()], [mine.id, theirs.id]]) {
        (await send(ids)).expectError(400, 'attachment_unavailable');
      }
      (await send([mine.id, mine.id])).expectError(400, 'invalid_request');
      (await send(Array.from({ length: 11 }, () => randomUUID()))).expectError(400, 'invalid_request');
      // Nothing was bound by the refused sends.
      const sent = (await send([mine.id], 'Here is the error')).expect(201, SendMessageResponseSchema);
      expect(sent.message.attachments.map((a) => a.fileName)).toEqual(['screenshot.png']);
      // The agent's own upload cannot go out in the customer's name, and vice versa.
      (await server.post(`/api/conversations/${id}/messages`, demo.ben, { clientMessageId: randomUUID(), attachmentIds: [theirs.id] })).expectError(
        400,
        'attachment_unavailable',
      );
    });
  });

  describe('access', () => {
    it("answers 404 for files of conversations the caller may not see, and for others' unsent uploads", async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY, DEFAULT_ATTACHMENT_POLICY);
      const sales = await server.startChat('Sales');
      await server.picked(demo.ben, sales.conversationId);
      const salesFile = await uploaded(server, { staff: demo.ben, conversationId: sales.conversationId }, 'sales.png', png());
      (await server.post(`/api/conversations/${sales.conversationId}/messages`, demo.ben, { clientMessageId: randomUUID(), attachmentIds: [salesFile.id] })).expect(
        201,
        SendMessageResponseSchema,
      );
      // Anna serves Support only; the Support customer sees only their own chat.
      (await download(server, `/api/attachments/${salesFile.id}`, { token: demo.anna.token })).response.expectError(404, 'not_found');
      (await download(server, `/api/webchat/attachments/${salesFile.id}`, { token: chat.token })).response.expectError(404, 'not_found');
      expect((await download(server, `/api/attachments/${salesFile.id}`, { token: demo.sara.token })).status).toBe(200);
      expect((await download(server, `/api/webchat/attachments/${salesFile.id}`, { token: sales.token })).status).toBe(200);

      // Unsent: only the uploader.
      const draft = await uploaded(server, agent(), 'draft.png', png());
      for (const [url, token] of [
        [`/api/attachments/${draft.id}`, demo.sara.token],
        [`/api/attachments/${draft.id}`, demo.anna.token],
        [`/api/webchat/attachments/${draft.id}`, chat.token],
      ] as const) {
        (await download(server, url, { token })).response.expectError(404, 'not_found');
      }
      const customerDraft = await uploaded(server, { chat }, 'customer-draft.png', png());
      (await download(server, `/api/attachments/${customerDraft.id}`, { token: demo.ben.token })).response.expectError(404, 'not_found');
      expect((await download(server, `/api/webchat/attachments/${customerDraft.id}`, { token: chat.token })).status).toBe(200);

      // Unknown, malformed and anonymous.
      (await download(server, `/api/attachments/${randomUUID()}`, { token: demo.sara.token })).response.expectError(404, 'not_found');
      (await download(server, '/api/attachments/not-a-uuid', { token: demo.sara.token })).response.expectError(404, 'not_found');
      (await download(server, `/api/attachments/${salesFile.id}`)).response.expectError(401, 'unauthenticated');
      (await download(server, `/api/webchat/attachments/${salesFile.id}`)).response.expectError(401, 'unauthenticated');
    });

    it('accepts the camera\'s videos from an agent under the default policy: MP4, and WebM where a browser cannot record MP4', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
      for (const [name, bytes, mimeType] of [
        ['video-20261201T203000.mp4', recordedMp4(), 'video/mp4'],
        ['video-20261201T203000.webm', recordedWebm(), 'video/webm'],
      ] as const) {
        const a = await uploaded(server, agent(), name, bytes);
        expect(a).toMatchObject({ fileName: name, kind: 'video', mimeType, displayMimeType: mimeType, sizeBytes: bytes.length });
        const res = await download(server, a.url);
        expect(res.headers['content-type']).toBe(mimeType);
        expect(res.headers['content-disposition']).toMatch(/^inline;/);
      }
    });

    it('refuses tampered links with 404 and expired ones with 403 link_expired', async () => {
      const a = await uploaded(server, agent(), 'link.png', png());
      const other = await uploaded(server, agent(), 'other.png', png());
      const tampered = [
        a.url.replace(/sig=[\w-]+/, 'sig=AAAA'),
        a.url.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 3600}`),
        a.url.replace('variant=display', 'variant=original'),
        a.url.replace(a.id, other.id),
        `/api/attachments/${a.id}?exp=${Math.floor(Date.now() / 1000) + 60}`,
      ];
      for (const url of tampered) (await download(server, url)).response.expectError(404, 'not_found');

      const [key] = await server.db.query<{ url_key: string }>('SELECT url_key FROM attachments WHERE id = $1', [a.id]);
      const expired = signLinks(a.id, key!.url_key, Date.now() - 8 * 3600_000);
      (await download(server, expired.url)).response.expectError(403, 'link_expired');
    });
  });

  describe('ranges', () => {
    it('answers a Range request with 206 and exactly those bytes, across stored chunks', async () => {
      await setPolicies({ allowedTypes: ['mp4'], maxFileSizeBytes: 4 * 1024 * KB });
      const video = mp4(1300 * KB);
      const a = await uploaded(server, agent(), 'clip.mp4', video);
      expect(a).toMatchObject({ kind: 'video', mimeType: 'video/mp4', sizeBytes: video.length });

      const ranged = async (range: string) => download(server, a.url, { headers: { range } });
      const cases: [string, number, number][] = [
        ['bytes=0-99', 0, 99],
        ['bytes=524000-525000', 524000, 525000],
        ['bytes=1000000-', 1000000, video.length - 1],
        ['bytes=-500', video.length - 500, video.length - 1],
        [`bytes=1000-${video.length + 999}`, 1000, video.length - 1],
      ];
      for (const [range, start, end] of cases) {
        const res = await ranged(range);
        expect(res.status, range).toBe(206);
        expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${video.length}`);
        expect(res.headers['content-length']).toBe(String(end - start + 1));
        expect(res.headers['content-type']).toBe('video/mp4');
        expect(res.headers['content-disposition']).toMatch(/^inline;/);
        expect(res.bytes.equals(video.subarray(start, end + 1)), range).toBe(true);
      }
      const beyond = await ranged(`bytes=${video.length}-`);
      expect(beyond.status).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${video.length}`);
      // Several ranges, or a stale If-Range, get the whole file.
      expect((await ranged('bytes=0-1,5-6')).status).toBe(200);
      const stale = await download(server, a.url, { headers: { range: 'bytes=0-1', 'if-range': '"other"' } });
      expect(stale.status).toBe(200);
      expect(stale.bytes.equals(video)).toBe(true);
    });
  });

  describe('cleanup', () => {
    it('removes unsent uploads after a day, with their bytes, and keeps sent ones', async () => {
      await setPolicies(DEFAULT_ATTACHMENT_POLICY);
      const stale = await uploaded(server, agent(), 'stale.png', png());
      const fresh = await uploaded(server, agent(), 'fresh.png', png());
      const kept = await uploaded(server, agent(), 'kept.png', png());
      (await server.post(`/api/conversations/${id}/messages`, demo.ben, { clientMessageId: randomUUID(), attachmentIds: [kept.id] })).expect(
        201,
        SendMessageResponseSchema,
      );
      await server.db.query(`UPDATE attachments SET created_at = now() - interval '25 hours' WHERE id = ANY($1::uuid[])`, [[stale.id, kept.id]]);
      expect(await cleanupAttachments(server.db)).toBeGreaterThanOrEqual(1);
      const left = await server.db.query<{ id: string }>('SELECT id FROM attachments WHERE id = ANY($1::uuid[])', [[stale.id, fresh.id, kept.id]]);
      expect(left.map((r) => r.id).sort()).toEqual([fresh.id, kept.id].sort());
      const [chunks] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM attachment_chunks WHERE attachment_id = $1', [stale.id]);
      expect(chunks!.n).toBe(0);
    });
  });
});
