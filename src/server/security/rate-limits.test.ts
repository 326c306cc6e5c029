import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LoginResponseSchema } from '../../contract/auth';
import { SendMessageResponseSchema } from '../../contract/messages';
import { describeEachBackend } from '../test-support/databases';
import { png } from '../test-support/files';
import { DEMO_PASSWORD, useTestServer, type ApiResponse } from '../test-support/test-server';
import { upload } from '../test-support/uploads';
import { DEFAULT_RATE_LIMITS, scaledRateLimits, waitFor, type RateLimits } from './rate-limits';

const LOGIN_WINDOW_MS = 1500;
const limits: RateLimits = {
  loginFailures: { max: 3, windowMs: LOGIN_WINDOW_MS },
  setup: { max: 2, windowMs: 60_000 },
  webchatStart: { max: 3, windowMs: 60_000 },
  customerMessages: { max: 3, windowMs: 60_000 },
  customerUploads: { max: 2, windowMs: 60_000 },
  deviceChanges: { max: 2, windowMs: 60_000 },
  staffSearches: { max: 2, windowMs: 60_000 },
};

function expectLimited(res: ApiResponse) {
  const body = res.expectError(429, 'rate_limited');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(body.message).toMatch(/Try again in \d+ (second|minute)s?\./);
  return body;
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, deadlineMs = 15_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeEachBackend('Rate limits', (backend) => {
  const server = useTestServer(backend, { app: { rateLimits: limits, rateLimitMultiplier: 1 } });
  const login = (username: string, password: string) => server.post('/api/auth/login', undefined, { username, password });

  it('slows down failed logins per username and address, then answers 429 until the window ends', async () => {
    // Successful logins are not counted.
    for (let i = 0; i < 5; i++) (await login('ben', DEMO_PASSWORD)).expect(200, LoginResponseSchema);
    for (let i = 0; i < limits.loginFailures.max; i++) (await login('ben', 'wrong-password')).expectError(401, 'invalid_credentials');
    // Now even the right password waits: the guesser cannot tell which one was right.
    const body = expectLimited(await login('ben', DEMO_PASSWORD));
    expect(body.message).toMatch(/failed logins/);
    expectLimited(await login('BEN', 'wrong-password'));
    // Another user from the same address is not affected.
    (await login('anna', DEMO_PASSWORD)).expect(200, LoginResponseSchema);
    // The real user is never locked out for good: once the window has passed, the password works.
    await until('the login window to end', async () => {
      const res = await login('ben', DEMO_PASSWORD);
      if (res.status === 429) return undefined;
      return res.expect(200, LoginResponseSchema);
    });
  });

  it('does not let parallel guesses slip past the limit', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => login('sara', 'wrong-password')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(limits.loginFailures.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8 - limits.loginFailures.max);
  });

  it('limits setup attempts per address', async () => {
    const attempt = () => server.post('/api/setup', undefined, { username: 'late', displayName: 'Late', password: 'a-long-password' });
    for (let i = 0; i < limits.setup.max; i++) (await attempt()).expectError(409, 'setup_done');
    expectLimited(await attempt());
  });

  it('limits web chats started per address, and messages and uploads per customer', async () => {
    const chats = [await server.startChat('Support'), await server.startChat('Sales'), await server.startChat('Support')];
    const fourth = await server.post('/api/webchat/conversations', undefined, {
      queueId: server.queueIds.Support,
      name: 'One Too Many',
      email: 'one.too.many@example.com',
      text: 'Hello',
      clientMessageId: randomUUID(),
    });
    expect(expectLimited(fourth).message).toMatch(/chats/);

    const [first, second] = chats as [(typeof chats)[0], (typeof chats)[0]];
    for (let i = 0; i < limits.customerMessages.max; i++) (await server.customerSend(first, `Message ${i}`)).expect(201, SendMessageResponseSchema);
    expect(expectLimited(await server.customerSend(first, 'Too fast')).message).toMatch(/messages/);
    // Each customer has their own allowance.
    (await server.customerSend(second, 'My first')).expect(201, SendMessageResponseSchema);

    for (let i = 0; i < limits.customerUploads.max; i++) expect((await upload(server, { chat: first }, `photo-${i}.png`, png())).status).toBe(201);
    expect(expectLimited(await upload(server, { chat: first }, 'photo-x.png', png())).message).toMatch(/files/);
    expect((await upload(server, { chat: second }, 'photo.png', png())).status).toBe(201);
  });

  it('limits device registrations per staff session', async () => {
    const [phone, laptop] = [await server.login('anna'), await server.login('anna')];
    const register = (who: { token: string }, n: number) => server.post('/api/devices', who, { kind: 'fcm', token: `token-${who.token.slice(0, 8)}-${n}` });
    for (let i = 0; i < limits.deviceChanges.max; i++) expect((await register(phone, i)).status).toBe(201);
    expect(expectLimited(await register(phone, 99)).message).toMatch(/devices/);
    // Another session of the same user has its own allowance.
    expect((await register(laptop, 0)).status).toBe(201);
  });

  it('limits searches per staff session', async () => {
    const [phone, laptop] = [await server.login('ben'), await server.login('ben')];
    const search = (who: { token: string }) => server.get('/api/search?q=hello', who);
    for (let i = 0; i < limits.staffSearches.max; i++) expect((await search(phone)).status).toBe(200);
    expect(expectLimited(await search(phone)).message).toMatch(/searching/);
    expect((await search(laptop)).status).toBe(200);
  });
});

describe('Rate limit configuration', () => {
  it('multiplies every limit by RATE_LIMIT_MULTIPLIER, keeping the windows', () => {
    const scaled = scaledRateLimits(DEFAULT_RATE_LIMITS, 10);
    for (const key of Object.keys(DEFAULT_RATE_LIMITS) as (keyof RateLimits)[]) {
      expect(scaled[key]).toEqual({ max: DEFAULT_RATE_LIMITS[key].max * 10, windowMs: DEFAULT_RATE_LIMITS[key].windowMs });
    }
    expect(scaledRateLimits(DEFAULT_RATE_LIMITS, 0.0001).loginFailures.max).toBe(1);
  });

  it('says how long to wait in words', () => {
    expect(waitFor(1)).toBe('1 second');
    expect(waitFor(42.2)).toBe('43 seconds');
    expect(waitFor(60)).toBe('1 minute');
    expect(waitFor(14 * 60 + 1)).toBe('15 minutes');
  });
});
