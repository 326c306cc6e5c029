import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer } from '../test-support/test-server';

/** Collects what the logger writes, one parsed JSON object per line. */
class LogCapture extends Writable {
  readonly text: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text.push(chunk.toString());
    done();
  }
  get lines(): Record<string, unknown>[] {
    return this.text.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  get all(): string {
    return this.text.join('');
  }
  /** The request line of `reqId`, once written (it is written when the response has gone). */
  async requestLine(reqId: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find((l) => l.reqId === reqId && l.msg === 'request completed');
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`No request line for ${reqId}; log:\n${this.all}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describeEachBackend('Request logs', (backend) => {
  const log = new LogCapture();
  const server = useTestServer(backend, { app: { logger: { level: 'info', stream: log } } });

  it('writes one JSON line per request with its id, route pattern, method, status and duration', async () => {
    const anna = await server.staff('anna');
    const chat = await server.startChat('Support');
    const res = await server.app.inject({ method: 'POST', url: `/api/conversations/${chat.conversationId}/pick`, headers: { authorization: `Bearer ${anna.token}` } });
    expect(res.statusCode).toBe(200);
    const reqId = String(res.headers['x-request-id']);
    const line = await log.requestLine(reqId);
    expect(line).toMatchObject({
      level: 30,
      reqId,
      method: 'POST',
      route: '/api/conversations/:id/pick',
      path: `/api/conversations/${chat.conversationId}/pick`,
      statusCode: 200,
    });
    expect(typeof line.durationMs).toBe('number');
    expect(log.lines.filter((l) => l.reqId === reqId)).toHaveLength(1);

    const missing = await server.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(await log.requestLine(String(missing.headers['x-request-id']))).toMatchObject({ route: 'unmatched', statusCode: 404 });
  });

  it('never logs tokens, cookies, passwords, message text or signed-link signatures', async () => {
    const password = 'demo-password-for-tests';
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ben', password } });
    expect(login.statusCode).toBe(200);
    const token = (login.json() as { token: string }).token;
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const secretText = `Card number ${randomUUID()}`;
    const chat = await server.startChat('Support', { text: secretText });
    await server.customerSays(chat, `${secretText} again`);
    const ids: string[] = [String(login.headers['x-request-id'])];
    const viaCookie = await server.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(viaCookie.statusCode).toBe(200);
    ids.push(String(viaCookie.headers['x-request-id']));
    await server.picked({ token, user: (login.json() as { user: never }).user }, chat.conversationId);
    const sent = await server.app.inject({
      method: 'POST',
      url: `/api/conversations/${chat.conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` },
      payload: { clientMessageId: randomUUID(), text: `Reply to ${secretText}` },
    });
    expect(sent.statusCode).toBe(201);
    ids.push(String(sent.headers['x-request-id']));
    const signature = `sig${randomUUID().replaceAll('-', '')}`;
    const link = await server.app.inject({ method: 'GET', url: `/api/attachments/${randomUUID()}?variant=display&exp=99999999999&sig=${signature}` });
    ids.push(String(link.headers['x-request-id']));
    const customerRead = await server.app.inject({ method: 'GET', url: '/api/webchat/conversation', headers: { authorization: `Bearer ${chat.token}` } });
    ids.push(String(customerRead.headers['x-request-id']));
    for (const id of ids) await log.requestLine(id);

    const all = log.all;
    for (const secret of [token, cookie.split('=')[1]!, chat.token, password, secretText, signature]) expect(all).not.toContain(secret);
    expect(await log.requestLine(String(link.headers['x-request-id']))).toMatchObject({ route: '/api/attachments/:id', path: expect.stringMatching(/^\/api\/attachments\/[0-9a-f-]+$/) });
  });
});

describe('Log level', () => {
  it('is info by default, may be silent, and refuses anything else', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

describeEachBackend('A silent log', (backend) => {
  const log = new LogCapture();
  const server = useTestServer(backend, { app: { logger: { level: 'silent', stream: log } } });
  it('writes nothing', async () => {
    await server.staff('anna');
    await server.get('/api/health');
    expect(log.all).toBe('');
  });
});
