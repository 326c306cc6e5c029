import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { AdminUserListSchema, AdminUserResponseSchema } from '../../contract/admin';
import { MessagePageSchema, SendMessageResponseSchema } from '../../contract/messages';
import { putUser, userUpdate } from '../test-support/admin';
import { describeEachBackend } from '../test-support/databases';
import { png } from '../test-support/files';
import { useTestServer, type Chat, type Staff } from '../test-support/test-server';
import { download, uploaded } from '../test-support/uploads';

describeEachBackend('File links after losing access', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff; // agent, Support: sees the waiting chat, then is taken off Support
  let ben: Staff; // agent, Support: keeps access
  let adam: Staff;
  let chat: Chat;

  beforeAll(async () => {
    [anna, ben, adam] = await Promise.all([server.staff('anna'), server.staff('ben'), server.staff('adam')]);
    chat = await server.startChat('Support');
    const photo = await uploaded(server, { chat }, 'receipt.png', png(16, 16));
    (await server.post('/api/webchat/messages', chat, { clientMessageId: randomUUID(), text: 'My receipt', attachmentIds: [photo.id] })).expect(
      201,
      SendMessageResponseSchema,
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const fileLink = async (who: Staff | Chat) => {
    const url = 'token' in who && 'conversationId' in who ? '/api/webchat/messages' : `/api/conversations/${chat.conversationId}/messages`;
    const page = (await server.get(url, who)).expect(200, MessagePageSchema);
    const a = page.messages.flatMap((m) => m.attachments)[0]!;
    return a;
  };
  const later = (ms: number) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + ms);
  };

  it('expire within 20 minutes of the fetch, and a viewer who lost access gets no fresh ones', async () => {
    const link = await fileLink(anna);
    expect(Date.parse(link.urlExpiresAt) - Date.now()).toBeLessThanOrEqual(20 * 60_000);
    expect((await download(server, link.url)).status).toBe(200);

    // The admin takes Anna off Support: she may no longer view the waiting chat.
    const { users } = (await server.get('/api/admin/users', adam)).expect(200, AdminUserListSchema);
    const annaNow = users.find((u) => u.id === anna.user.id)!;
    (await putUser(server, adam, anna.user.id, userUpdate(annaNow, { queueIds: [server.queueIds.Billing] }))).expect(200, AdminUserResponseSchema);
    (await server.get(`/api/conversations/${chat.conversationId}/messages`, anna)).expectError(404, 'not_found');

    later(20 * 60_000 + 1000);
    (await download(server, link.url)).response.expectError(403, 'link_expired');
    (await download(server, link.downloadUrl)).response.expectError(403, 'link_expired');

    // Ben still may: fetching gives him links that work now.
    const fresh = await fileLink(ben);
    expect((await download(server, fresh.url)).status).toBe(200);
  });

  it("keep working for the customer of an ended chat, who still sees it: each fetch signs them afresh", async () => {
    await server.picked(ben, chat.conversationId);
    await server.post(`/api/conversations/${chat.conversationId}/end`, ben);
    const old = await fileLink(chat);
    later(30 * 60_000);
    (await download(server, old.url)).response.expectError(403, 'link_expired');
    const fresh = await fileLink(chat);
    expect((await download(server, fresh.url)).status).toBe(200);
  });
});
