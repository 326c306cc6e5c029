import { expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Staff } from '../test-support/test-server';

const HOST = '127.0.0.1:8080';
const OWN = `http://${HOST}`;
/** Another port of the same host: the same *site*, so a SameSite=Strict cookie is still sent. */
const OTHER_PORT = 'http://127.0.0.1:8081';

describeEachBackend('Cross-site requests', (backend) => {
  const server = useTestServer(backend, { app: { allowedOrigins: ['https://panel.example.com'] } });

  async function heldChat(agent: Staff) {
    const chat = await server.startChat('Support');
    await server.picked(agent, chat.conversationId);
    return chat.conversationId;
  }

  const endWithCookie = (agent: Staff, conversationId: string, headers: Record<string, string>, payload?: string) =>
    server.request('POST', `/api/conversations/${conversationId}/end`, {
      headers: { host: HOST, cookie: `cp_session=${agent.token}`, ...headers },
      payload,
    });

  const status = async (agent: Staff, id: string) =>
    (await server.get(`/api/conversations/${id}`, agent)).expect(200, ConversationResponseSchema).conversation.state;

  it('refuses a cookie-authenticated state change from a foreign origin, whatever its content type', async () => {
    const anna = await server.login('anna');
    const id = await heldChat(anna);
    const attempts: [Record<string, string>, string | undefined][] = [
      [{ origin: OTHER_PORT, 'content-type': 'text/plain' }, 'end it'],
      [{ origin: OTHER_PORT, 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'],
      [{ origin: OTHER_PORT, 'content-type': 'multipart/form-data; boundary=x' }, '--x--\r\n'],
      [{ origin: 'http://evil.example' }, undefined],
      [{ origin: 'null' }, undefined],
      // No Origin: the Referer decides.
      [{ referer: `${OTHER_PORT}/attack.html` }, undefined],
      // A browser always sends one of them on a cross-site post; neither is refused too.
      [{}, undefined],
    ];
    for (const [headers, payload] of attempts) {
      const body = (await endWithCookie(anna, id, headers, payload)).expectError(403, 'forbidden_origin');
      expect(body.message).toMatch(/another site/i);
    }
    expect(await status(anna, id)).toBe('picked');
  });

  it('accepts the same origin, a same-origin Referer and ALLOWED_ORIGINS', async () => {
    const anna = await server.login('anna');
    const cases: Record<string, string>[] = [{ origin: OWN }, { referer: `${OWN}/conversations/x` }, { origin: 'https://panel.example.com' }];
    for (const headers of cases) {
      const id = await heldChat(anna);
      (await endWithCookie(anna, id, headers)).expect(200, ConversationResponseSchema);
      expect(await status(anna, id)).toBe('ended');
    }
  });

  it('leaves reads and bearer-token clients alone', async () => {
    const anna = await server.login('anna');
    const id = await heldChat(anna);
    const read = await server.request('GET', `/api/conversations/${id}`, { headers: { host: HOST, cookie: `cp_session=${anna.token}`, origin: OTHER_PORT } });
    read.expect(200, ConversationResponseSchema);
    const byBearer = await server.request('POST', `/api/conversations/${id}/end`, { auth: anna, headers: { origin: 'http://evil.example' } });
    byBearer.expect(200, ConversationResponseSchema);
  });

  it('refuses a WebSocket upgrade from a foreign origin and accepts the own one', async () => {
    const anna = await server.login('anna');
    const baseUrl = await server.listen();
    const ownOrigin = baseUrl;
    await expect(server.connect({ after: 0 }, { headers: { cookie: `cp_session=${anna.token}`, origin: OTHER_PORT } })).rejects.toThrow(/403/);
    await expect(server.connect({ after: 0, token: anna.token }, { headers: { origin: 'http://evil.example' } })).rejects.toThrow(/403/);
    const own = await server.connect({ after: 0 }, { headers: { cookie: `cp_session=${anna.token}`, origin: ownOrigin } });
    await own.ready();
    // API clients send no Origin at all.
    const app = await server.connect({ after: 0, token: anna.token });
    await app.ready();
  });
});
