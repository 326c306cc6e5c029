import { beforeAll, expect, it } from 'vitest';
import { DraftResponseSchema } from '../../contract/drafts';
import { MESSAGE_TEXT_MAX_LENGTH } from '../../contract/limits';
import { describeEachBackend } from '../test-support/databases';
import { addAgent, useTestServer, type Staff } from '../test-support/test-server';

describeEachBackend('Drafts', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff;
  let ben: Staff;

  beforeAll(async () => {
    [anna, ben] = await Promise.all([server.staff('anna'), server.staff('ben')]);
  });

  const url = (id: string) => `/api/conversations/${id}/draft`;
  const save = (staff: Staff, id: string, text: string) => server.request('PUT', url(id), { auth: staff, body: { text } });
  const read = async (staff: Staff, id: string) => (await server.get(url(id), staff)).expect(200, DraftResponseSchema).draft;

  it('keeps a draft per user, readable from any of their sessions, and removes it when emptied', async () => {
    const { conversationId: id } = await server.startChat('Support');
    expect(await read(anna, id)).toEqual({ text: '', updatedAt: null });

    (await save(anna, id, 'Half a reply,\n  with spacing kept')).expect(200, DraftResponseSchema);
    const otherDevice = await server.login('anna');
    expect((await read(otherDevice, id)).text).toBe('Half a reply,\n  with spacing kept');
    // Ben works on the same conversation with his own, empty draft.
    expect((await read(ben, id)).text).toBe('');

    (await save(otherDevice, id, 'Changed on the phone')).expect(200, DraftResponseSchema);
    expect((await read(anna, id)).text).toBe('Changed on the phone');

    (await save(anna, id, '')).expect(200, DraftResponseSchema);
    expect(await read(anna, id)).toEqual({ text: '', updatedAt: null });
  });

  it('tells my other devices each saved draft, and nobody else', async () => {
    const { conversationId: id } = await server.startChat('Support');
    const phone = await server.login('anna');
    const [phoneSocket, benSocket] = await Promise.all([server.connect({ token: phone.token }), server.connect({ token: ben.token })]);
    await Promise.all([phoneSocket.ready(), benSocket.ready()]);
    const saved = (await save(anna, id, 'Begun at the desk')).expect(200, DraftResponseSchema).draft;
    expect(await phoneSocket.next((f) => f.kind === 'user-event')).toMatchObject({
      kind: 'user-event',
      event: { type: 'draft.saved', conversationId: id, draft: saved },
    });
    (await save(anna, id, '')).expect(200, DraftResponseSchema);
    expect(await phoneSocket.next((f) => f.kind === 'user-event')).toMatchObject({ event: { type: 'draft.saved', draft: { text: '', updatedAt: null } } });
    // Ben saw none of Anna's drafts: his first user event is his own.
    (await save(ben, id, 'Ben’s own')).expect(200, DraftResponseSchema);
    const benFrames = await benSocket.takeUntil((f) => f.kind === 'user-event');
    expect(benFrames.flatMap((f) => (f.kind === 'user-event' && f.event.type === 'draft.saved' ? [f.event.draft.text] : []))).toEqual(['Ben’s own']);
  });

  it('refuses drafts on conversations the user may not see, over-long drafts and anonymous calls', async () => {
    const { conversationId: id } = await server.startChat('Sales');
    const sam = await addAgent(server, 'sam-drafts', ['Support']);
    (await save(sam, id, 'Not mine')).expectError(404, 'not_found');
    (await server.get(url(id), sam)).expectError(404, 'not_found');
    (await save(ben, id, 'x'.repeat(MESSAGE_TEXT_MAX_LENGTH + 1))).expectError(400, 'invalid_request');
    (await server.request('PUT', url(id), { body: { text: 'hi' } })).expectError(401, 'unauthenticated');
  });
});
