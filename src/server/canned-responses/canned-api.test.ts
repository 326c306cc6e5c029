import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AdminAuditListSchema } from '../../contract/admin';
import { OkSchema } from '../../contract/api';
import { DEFAULT_ATTACHMENT_POLICY, UploadAttachmentResponseSchema, type Attachment } from '../../contract/attachments';
import {
  CannedResponseListSchema,
  CannedResponseResponseSchema,
  CannedUseResponseSchema,
  type CannedResponse,
  type CreateCannedResponseRequest,
} from '../../contract/canned-responses';
import { MessagePageSchema, SendMessageResponseSchema } from '../../contract/messages';
import { SettingsResponseSchema } from '../../contract/settings';
import { cleanupAttachments } from '../attachments/attachment-store';
import { describeEachBackend } from '../test-support/databases';
import { png } from '../test-support/files';
import { makeTeam } from '../test-support/offers';
import { ApiResponse, type Staff, type TestServer, useDemoStaff, useTestServer } from '../test-support/test-server';
import { download, multipartBody } from '../test-support/uploads';

let tags = 0;
/** A shortcut no other test uses (they share one server). */
const fresh = (stem: string) => `${stem}-${++tags}${randomUUID().slice(0, 4)}`;

const create = (server: TestServer, who: Staff, body: Partial<CreateCannedResponseRequest> & Record<string, unknown>) =>
  server.post('/api/canned-responses', who, { scope: 'personal', text: 'Thanks for waiting.', ...body });

async function created(server: TestServer, who: Staff, body: Partial<CreateCannedResponseRequest>): Promise<CannedResponse> {
  return (await create(server, who, { shortcut: fresh('r'), ...body })).expect(201, CannedResponseResponseSchema).response;
}

const listed = async (server: TestServer, who: Staff) => (await server.get('/api/canned-responses', who)).expect(200, CannedResponseListSchema).responses;
const ids = async (server: TestServer, who: Staff) => (await listed(server, who)).map((r) => r.id);

async function uploadForCanned(server: TestServer, who: Staff, fileName: string, content: Buffer): Promise<ApiResponse> {
  const { payload, contentType } = multipartBody([{ fileName, content }]);
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/canned-responses/attachments',
    headers: { authorization: `Bearer ${who.token}`, 'content-type': contentType },
    payload,
  });
  return new ApiResponse(res.statusCode, res.headers, res.body);
}

describeEachBackend('Canned responses', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);

  describe('rights', () => {
    it('an agent creates, changes and deletes their own personal responses; nobody else sees or touches them', async () => {
      const mine = await created(server, demo.anna, { text: 'I will check that for you.' });
      expect(mine).toMatchObject({ scope: 'personal', queue: null, text: 'I will check that for you.', attachments: [], useCount: 0 });
      expect(await ids(server, demo.anna)).toContain(mine.id);
      for (const other of [demo.ben, demo.sara, demo.adam]) {
        expect(await ids(server, other)).not.toContain(mine.id);
        (await server.request('PUT', `/api/canned-responses/${mine.id}`, { auth: other, body: { shortcut: 'x', text: 'x' } })).expectError(404, 'not_found');
        (await server.request('DELETE', `/api/canned-responses/${mine.id}`, { auth: other })).expectError(404, 'not_found');
        (await server.post(`/api/canned-responses/${mine.id}/uses`, other)).expectError(404, 'not_found');
      }

      const changed = (await server.request('PUT', `/api/canned-responses/${mine.id}`, { auth: demo.anna, body: { shortcut: ' Checking ', text: 'One moment, please.' } })).expect(
        200,
        CannedResponseResponseSchema,
      ).response;
      // Shortcuts are kept in lower case, trimmed.
      expect(changed).toMatchObject({ id: mine.id, shortcut: 'checking', text: 'One moment, please.' });
      (await server.request('DELETE', `/api/canned-responses/${mine.id}`, { auth: demo.anna })).expect(200, OkSchema);
      expect(await ids(server, demo.anna)).not.toContain(mine.id);
      (await server.request('DELETE', `/api/canned-responses/${mine.id}`, { auth: demo.anna })).expectError(404, 'not_found');
    });

    it('only supervisors and admins create, change and delete shared responses; agents get 403', async () => {
      (await create(server, demo.anna, { scope: 'shared', shortcut: fresh('s') })).expectError(403, 'forbidden');
      const shared = await created(server, demo.sara, { scope: 'shared', text: 'Hello from the team.' });
      expect(shared).toMatchObject({ scope: 'shared', queue: null });
      const body = { shortcut: shared.shortcut, text: 'Changed by an agent' };
      (await server.request('PUT', `/api/canned-responses/${shared.id}`, { auth: demo.anna, body })).expectError(403, 'forbidden');
      (await server.request('DELETE', `/api/canned-responses/${shared.id}`, { auth: demo.anna })).expectError(403, 'forbidden');
      // An admin changes what a supervisor made, and deletes it.
      const byAdam = (await server.request('PUT', `/api/canned-responses/${shared.id}`, { auth: demo.adam, body: { shortcut: shared.shortcut, text: 'Hello again.' } })).expect(
        200,
        CannedResponseResponseSchema,
      ).response;
      expect(byAdam.text).toBe('Hello again.');
      (await server.request('DELETE', `/api/canned-responses/${shared.id}`, { auth: demo.adam })).expect(200, OkSchema);
      expect(await ids(server, demo.sara)).not.toContain(shared.id);
    });

    it('an agent sees shared responses for everyone and for the queues they serve, never for other queues', async () => {
      const sales = await created(server, demo.sara, { scope: 'shared', queueId: server.queueIds.Sales });
      const billing = await created(server, demo.sara, { scope: 'shared', queueId: server.queueIds.Billing });
      const everyone = await created(server, demo.adam, { scope: 'shared' });
      expect(sales.queue).toEqual({ id: server.queueIds.Sales, name: 'Sales' });

      const annas = await ids(server, demo.anna);
      expect(annas).toEqual(expect.arrayContaining([billing.id, everyone.id]));
      expect(annas).not.toContain(sales.id);
      expect(await ids(server, demo.ben)).toEqual(expect.arrayContaining([sales.id, billing.id, everyone.id]));
      expect(await ids(server, demo.sara)).toEqual(expect.arrayContaining([sales.id, billing.id, everyone.id]));
      (await server.post(`/api/canned-responses/${sales.id}/uses`, demo.anna)).expectError(404, 'not_found');
      (await server.request('PUT', `/api/canned-responses/${sales.id}`, { auth: demo.anna, body: { shortcut: 'x', text: 'x' } })).expectError(404, 'not_found');

      // A team of its own: its agent sees its queue's response and the ones for everyone only.
      const team = await makeTeam(server, 1, { mode: 'pick' });
      const teams = await created(server, demo.sara, { scope: 'shared', queueId: team.queueId });
      const agent = team.agents[0]!;
      const seen = await ids(server, agent);
      expect(seen).toEqual(expect.arrayContaining([teams.id, everyone.id]));
      expect(seen).not.toEqual(expect.arrayContaining([sales.id]));
      expect(seen).not.toContain(billing.id);
    });

    it('lists personal responses first, then shared ones, each by shortcut', async () => {
      const team = await makeTeam(server, 1, { mode: 'pick' });
      const agent = team.agents[0]!;
      const b = await created(server, agent, { shortcut: fresh('b') });
      const a = await created(server, agent, { shortcut: fresh('a') });
      const shared = await created(server, demo.sara, { scope: 'shared', queueId: team.queueId, shortcut: fresh('a') });
      const list = await listed(server, agent);
      const order = list.filter((r) => [a.id, b.id, shared.id].includes(r.id)).map((r) => r.id);
      expect(order).toEqual([a.id, b.id, shared.id]);
    });
  });

  describe('bad input', () => {
    it('refuses a shortcut taken in the same scope with 409 duplicate_shortcut, and allows it in another scope', async () => {
      const shortcut = fresh('thanks');
      await created(server, demo.sara, { scope: 'shared', shortcut });
      const sharedAgain = (await create(server, demo.adam, { scope: 'shared', shortcut: shortcut.toUpperCase() })).expectError(409, 'duplicate_shortcut');
      expect(sharedAgain.fields).toEqual({ shortcut: `A shared response already uses /${shortcut}. Choose another shortcut.` });

      // A personal one may use it, once per person.
      const annas = await created(server, demo.anna, { shortcut });
      await created(server, demo.ben, { shortcut });
      const again = (await create(server, demo.anna, { shortcut })).expectError(409, 'duplicate_shortcut');
      expect(again.message).toBe(`You already have a response with the shortcut /${shortcut}. Choose another shortcut.`);

      // Renaming onto a taken shortcut is refused too; keeping one's own is not a conflict.
      const other = await created(server, demo.anna, {});
      (await server.request('PUT', `/api/canned-responses/${other.id}`, { auth: demo.anna, body: { shortcut, text: 'x' } })).expectError(409, 'duplicate_shortcut');
      (await server.request('PUT', `/api/canned-responses/${annas.id}`, { auth: demo.anna, body: { shortcut, text: 'Kept' } })).expect(200, CannedResponseResponseSchema);
    });

    it('refuses empty text, a malformed shortcut and a queue where none can be, naming the field', async () => {
      const fieldsOf = async (body: Record<string, unknown>, who: Staff = demo.anna) => (await create(server, who, body)).expectError(400, 'invalid_request').fields;
      expect(await fieldsOf({ shortcut: fresh('e'), text: '   ' })).toEqual({ text: 'Enter the text to insert' });
      const syntax = 'Use letters, digits, - and _ only, starting with a letter or digit (no spaces, no /)';
      expect(await fieldsOf({ shortcut: 'two words' })).toEqual({ shortcut: syntax });
      expect(await fieldsOf({ shortcut: '/thanks' })).toEqual({ shortcut: syntax });
      expect(await fieldsOf({ shortcut: '' })).toEqual({ shortcut: 'Enter a shortcut' });
      expect(await fieldsOf({ shortcut: 'x'.repeat(31) })).toEqual({ shortcut: 'A shortcut can be at most 30 characters' });
      expect(await fieldsOf({ shortcut: fresh('q'), queueId: server.queueIds.Support })).toEqual({
        queueId: 'Personal responses are yours alone: they cannot be limited to a queue.',
      });
      expect(await fieldsOf({ scope: 'shared', shortcut: fresh('q'), queueId: randomUUID() }, demo.sara)).toEqual({
        queueId: 'This queue does not exist. Choose one from the list.',
      });
      expect(await fieldsOf({ scope: 'everyone', shortcut: fresh('q') })).toHaveProperty('scope');
      (await server.request('PUT', '/api/canned-responses/not-an-id', { auth: demo.anna, body: { shortcut: 'x', text: 'x' } })).expectError(404, 'not_found');
    });
  });

  it('counts each use by anyone who may use it', async () => {
    const shared = await created(server, demo.sara, { scope: 'shared' });
    expect((await server.post(`/api/canned-responses/${shared.id}/uses`, demo.anna)).expect(200, CannedUseResponseSchema).useCount).toBe(1);
    expect((await server.post(`/api/canned-responses/${shared.id}/uses`, demo.ben)).expect(200, CannedUseResponseSchema).useCount).toBe(2);
    expect((await listed(server, demo.sara)).find((r) => r.id === shared.id)?.useCount).toBe(2);
  });

  it("records changes to shared responses in the admins' audit trail, and none for personal ones", async () => {
    const shortcut = fresh('audit');
    const shared = await created(server, demo.sara, { scope: 'shared', shortcut, queueId: server.queueIds.Billing });
    await server.request('PUT', `/api/canned-responses/${shared.id}`, { auth: demo.adam, body: { shortcut: `${shortcut}x`, text: 'New words' } });
    // Saved unchanged: nothing to record.
    await server.request('PUT', `/api/canned-responses/${shared.id}`, { auth: demo.adam, body: { shortcut: `${shortcut}x`, text: 'New words' } });
    await server.request('DELETE', `/api/canned-responses/${shared.id}`, { auth: demo.sara });
    const personal = await created(server, demo.anna, {});
    await server.request('DELETE', `/api/canned-responses/${personal.id}`, { auth: demo.anna });

    const entries = (await server.get('/api/admin/audit', demo.adam)).expect(200, AdminAuditListSchema).entries.filter((e) => e.target.id === shared.id || e.target.id === personal.id);
    expect(entries.map((e) => [e.actor.displayName, e.action, e.target.kind, e.summary]).reverse()).toEqual([
      ['Sara Moreau', 'canned-response.created', 'canned-response', `Created shared canned response /${shortcut} for Billing`],
      ['Adam Novak', 'canned-response.updated', 'canned-response', `Changed shared canned response /${shortcut}x: shortcut /${shortcut} → /${shortcut}x; text changed; for Billing → everyone`],
      ['Sara Moreau', 'canned-response.deleted', 'canned-response', `Deleted shared canned response /${shortcut}x (for everyone)`],
    ]);
  });

  it('announces shared changes to every staff panel and personal ones to their owner only', async () => {
    const team = await makeTeam(server, 2, { mode: 'pick' });
    const [owner, other] = team.agents as [Staff, Staff];
    const [ownerSocket, otherSocket] = [await server.connect({ token: owner.token }), await server.connect({ token: other.token })];
    await Promise.all([ownerSocket.ready(), otherSocket.ready()]);

    await created(server, owner, {});
    await ownerSocket.next((f) => f.kind === 'user-event' && f.event.type === 'my-canned-responses.updated');
    const shared = await created(server, demo.sara, { scope: 'shared', queueId: team.queueId });
    for (const socket of [ownerSocket, otherSocket]) {
      const seen = await socket.takeUntil((f) => f.kind === 'workspace-event' && f.event.type === 'canned-responses.updated');
      // The other agent never heard of the owner's personal response.
      if (socket === otherSocket) expect(seen.filter((f) => f.kind === 'user-event')).toEqual([]);
    }
    (await server.request('DELETE', `/api/canned-responses/${shared.id}`, { auth: demo.sara })).expect(200, OkSchema);
    await otherSocket.next((f) => f.kind === 'workspace-event' && f.event.type === 'canned-responses.updated');
  });

  describe('files', () => {
    const setAgentPolicy = (allowedTypes: typeof DEFAULT_ATTACHMENT_POLICY.allowedTypes) =>
      server
        .request('PUT', '/api/settings', {
          auth: demo.adam,
          body: { agentUploads: { ...DEFAULT_ATTACHMENT_POLICY, allowedTypes }, customerUploads: DEFAULT_ATTACHMENT_POLICY },
        })
        .then((r) => r.expect(200, SettingsResponseSchema));
    const uploadedFor = async (who: Staff, name: string) => (await uploadForCanned(server, who, name, png(8, 6))).expect(201, UploadAttachmentResponseSchema).attachment;
    const copy = (who: Staff, conversationId: string, attachment: Attachment) =>
      server.post(`/api/conversations/${conversationId}/canned-attachments`, who, { attachmentId: attachment.id });

    it('a shared response carries files; inserting it copies them into the chat as the agent’s upload, which the customer receives', async () => {
      await setAgentPolicy(DEFAULT_ATTACHMENT_POLICY.allowedTypes);
      const file = await uploadedFor(demo.sara, 'opening-hours.png');
      const shared = await created(server, demo.sara, { scope: 'shared', queueId: server.queueIds.Support, attachmentIds: [file.id] });
      expect(shared.attachments.map((a) => [a.id, a.fileName])).toEqual([[file.id, 'opening-hours.png']]);
      // Those who may use the response may read its file; the others are told there is none.
      expect((await download(server, `/api/attachments/${file.id}`, { token: demo.anna.token })).status).toBe(200);
      const team = await makeTeam(server, 1, { mode: 'pick' });
      expect((await download(server, `/api/attachments/${file.id}`, { token: team.agents[0]!.token })).status).toBe(404);

      const chat = await server.startChat('Support');
      (await copy(demo.anna, chat.conversationId, file)).expectError(409, 'not_holder');
      await server.picked(demo.anna, chat.conversationId);
      (await copy(team.agents[0]!, chat.conversationId, file)).expectError(404, 'not_found');
      const copied = (await copy(demo.anna, chat.conversationId, file)).expect(201, UploadAttachmentResponseSchema).attachment;
      expect(copied.id).not.toBe(file.id);
      expect(copied).toMatchObject({ fileName: 'opening-hours.png', sha256: file.sha256, sizeBytes: file.sizeBytes, width: 8, height: 6 });

      const sent = (
        await server.post(`/api/conversations/${chat.conversationId}/messages`, demo.anna, { clientMessageId: randomUUID(), text: 'Our hours', attachmentIds: [copied.id] })
      ).expect(201, SendMessageResponseSchema).message;
      expect(sent.attachments.map((a) => a.id)).toEqual([copied.id]);
      const customerView = (await server.get('/api/webchat/messages', chat.token)).expect(200, MessagePageSchema).messages.at(-1)!;
      expect(customerView.attachments.map((a) => a.fileName)).toEqual(['opening-hours.png']);
      const bytes = await download(server, customerView.attachments[0]!.url);
      expect(bytes.status).toBe(200);
      expect(bytes.bytes.equals(png(8, 6))).toBe(true);
      // The response keeps its own file.
      expect((await listed(server, demo.anna)).find((r) => r.id === shared.id)?.attachments.map((a) => a.id)).toEqual([file.id]);
    });

    it("refuses a copy the agents' policy no longer allows, like an upload", async () => {
      await setAgentPolicy(DEFAULT_ATTACHMENT_POLICY.allowedTypes);
      const file = await uploadedFor(demo.anna, 'map.png');
      await created(server, demo.anna, { attachmentIds: [file.id] });
      const chat = await server.startChat('Support');
      await server.picked(demo.anna, chat.conversationId);
      await setAgentPolicy(['jpg', 'jpeg']);
      try {
        const refused = (await copy(demo.anna, chat.conversationId, file)).expectError(400, 'type_not_allowed');
        expect(refused.message).toBe('"map.png" was refused: PNG files are not accepted from agents. Allowed types: JPG, JPEG.');
        expect(refused.upload).toEqual({ fileName: 'map.png', allowedTypes: ['jpg', 'jpeg'], maxFileSizeBytes: DEFAULT_ATTACHMENT_POLICY.maxFileSizeBytes });
      } finally {
        await setAgentPolicy(DEFAULT_ATTACHMENT_POLICY.allowedTypes);
      }
    });

    it("binds only the saver's own unused uploads, removes files taken off, and keeps a response's files from the cleanup", async () => {
      await setAgentPolicy(DEFAULT_ATTACHMENT_POLICY.allowedTypes);
      const bens = await uploadedFor(demo.ben, 'bens.png');
      (await create(server, demo.anna, { shortcut: fresh('f'), attachmentIds: [bens.id] })).expectError(400, 'attachment_unavailable');

      const [first, second] = [await uploadedFor(demo.anna, 'first.png'), await uploadedFor(demo.anna, 'second.png')];
      const response = await created(server, demo.anna, { attachmentIds: [first.id, second.id] });
      // Already bound: not usable for another response.
      (await create(server, demo.anna, { shortcut: fresh('f'), attachmentIds: [first.id] })).expectError(400, 'attachment_unavailable');
      const reordered = (
        await server.request('PUT', `/api/canned-responses/${response.id}`, { auth: demo.anna, body: { shortcut: response.shortcut, text: response.text, attachmentIds: [second.id] } })
      ).expect(200, CannedResponseResponseSchema).response;
      expect(reordered.attachments.map((a) => a.fileName)).toEqual(['second.png']);
      const [gone] = await server.db.query('SELECT id FROM attachments WHERE id = $1', [first.id]);
      expect(gone).toBeUndefined();

      // A day later the cleanup removes uploads nobody saved, never a response's files.
      await server.db.query(`UPDATE attachments SET created_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])`, [[second.id, bens.id]]);
      await cleanupAttachments(server.db);
      const left = await server.db.query<{ id: string }>('SELECT id FROM attachments WHERE id = ANY($1::uuid[])', [[second.id, bens.id]]);
      expect(left.map((r) => r.id)).toEqual([second.id]);

      // Deleting the response deletes its files.
      (await server.request('DELETE', `/api/canned-responses/${response.id}`, { auth: demo.anna })).expect(200, OkSchema);
      expect(await server.db.query('SELECT id FROM attachments WHERE id = $1', [second.id])).toEqual([]);
    });

    it('refuses an upload for a response the policy does not allow, naming the file and the rule', async () => {
      await setAgentPolicy(['pdf']);
      try {
        const refused = (await uploadForCanned(server, demo.sara, 'logo.png', png(4, 4))).expectError(400, 'type_not_allowed');
        expect(refused.message).toBe('"logo.png" was refused: PNG files are not accepted from agents. Allowed types: PDF.');
      } finally {
        await setAgentPolicy(DEFAULT_ATTACHMENT_POLICY.allowedTypes);
      }
    });
  });
});
