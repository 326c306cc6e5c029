import { connect, type Socket } from 'node:net';
import { expect, it } from 'vitest';
import { MeResponseSchema } from '../../contract/auth';
import { describeEachBackend } from '../test-support/databases';
import { png } from '../test-support/files';
import { customerEvent } from '../test-support/realtime-client';
import { TestServer, useTestServer } from '../test-support/test-server';
import { multipartBody } from '../test-support/uploads';
import { CONTENT_SECURITY_POLICY } from './security-headers';

/** Today's policy, spelled out: the headers work must not change it. */
const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

describeEachBackend('Security headers', (backend) => {
  const server = useTestServer(backend);

  it('keeps the CSP and adds Permissions-Policy and COOP, but no HSTS over plain HTTP', async () => {
    const res = await server.get('/api/health');
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP);
    expect(res.headers['permissions-policy']).toMatch(/(^|, )camera=\(self\)/);
    expect(res.headers['permissions-policy']).toMatch(/microphone=\(self\)/);
    expect(res.headers['permissions-policy']).toMatch(/geolocation=\(\)/);
    expect(res.headers['permissions-policy']).toMatch(/payment=\(\)/);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    // Nothing secret in an answer without a credential: caching stays allowed.
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('marks authenticated API answers no-store, by bearer and by cookie, and lets file downloads keep their own policy', async () => {
    const anna = await server.staff('anna');
    const byBearer = await server.get('/api/auth/me', anna);
    byBearer.expect(200, MeResponseSchema);
    expect(byBearer.headers['cache-control']).toBe('no-store');
    const byCookie = await server.request('GET', '/api/auth/me', { headers: { cookie: `cp_session=${anna.token}` } });
    expect(byCookie.headers['cache-control']).toBe('no-store');
    const refused = await server.get('/api/auth/me', 'made-up');
    expect(refused.headers['cache-control']).toBe('no-store');

    const chat = await server.startChat('Support');
    const { payload, contentType } = multipartBody([{ fileName: 'photo.png', content: png() }]);
    const up = await server.app.inject({ method: 'POST', url: '/api/webchat/attachments', headers: { authorization: `Bearer ${chat.token}`, 'content-type': contentType }, payload });
    const attachment = (JSON.parse(up.body) as { attachment: { id: string } }).attachment;
    const file = await server.app.inject({ method: 'GET', url: `/api/webchat/attachments/${attachment.id}`, headers: { authorization: `Bearer ${chat.token}` } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.headers['cache-control']).toBe('private, no-cache');
  });

  it('sends HSTS when the site is served over HTTPS (SECURE_COOKIE=true)', async () => {
    const secure = await TestServer.onDatabase(server.db, { seed: false, app: { secureCookie: true } });
    try {
      const res = await secure.get('/api/health');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{6,}/);
    } finally {
      await secure.app.close();
    }
  });
});

/** Resolves when the server has closed the socket; collects what it answered. */
function closedBy(socket: Socket) {
  let answer = '';
  socket.on('data', (d) => (answer += d.toString()));
  return new Promise<string>((resolve) => socket.on('close', () => resolve(answer)));
}

describeEachBackend('HTTP timeouts', (backend) => {
  const IDLE_MS = 400;
  const server = useTestServer(backend, { app: { timeouts: { idleMs: IDLE_MS } } });

  it('closes an upload whose body stops arriving, while a WebSocket stays open', async () => {
    const baseUrl = await server.listen();
    const { port } = new URL(baseUrl);
    const chat = await server.startChat('Support');
    const listener = await server.connect({ after: 0, customerToken: chat.token });
    await listener.ready();

    const { payload, contentType } = multipartBody([{ fileName: 'photo.png', content: png(64, 48, 200_000) }]);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = closedBy(socket);
    socket.write(
      `POST /api/webchat/attachments HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${chat.token}\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n\r\n`,
    );
    socket.write(payload.subarray(0, 10_000));
    // ...and nothing more: the server must give up on it by itself.
    await closed;
    expect(socket.destroyed).toBe(true);

    // The idle timeout is for HTTP requests; the realtime socket, quiet all this time, still delivers.
    await server.customerSays(chat, 'Still here?');
    await listener.next(customerEvent('message.created'));
  });

  it('lets a slow but steady upload finish even though it takes longer than the idle timeout', async () => {
    const baseUrl = await server.listen();
    const chat = await server.startChat('Support');
    const { payload, contentType } = multipartBody([{ fileName: 'photo.png', content: png(64, 48, 60_000) }]);
    const chunks = 8;
    const size = Math.ceil(payload.length / chunks);
    // A slow link: one chunk every half idle period, so the whole upload takes four idle periods
    // (the pauses pace the input; nothing waits for an outcome).
    const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1');
    const closed = closedBy(socket);
    socket.write(
      `POST /api/webchat/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${chat.token}\r\n` +
        `Content-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\nConnection: close\r\n\r\n`,
    );
    for (let i = 0; i < chunks; i++) {
      socket.write(payload.subarray(i * size, (i + 1) * size));
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS / 2));
    }
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 201/);
  });
});
