import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../contract/all-routes';
import { buildPath, OkSchema, type RouteDef, type RouteName } from '../../contract/api';
import { LoginResponseSchema, MeResponseSchema, SetupStatusSchema } from '../../contract/auth';
import { describeEachBackend } from '../test-support/databases';
import { DEMO_PASSWORD, useTestServer } from '../test-support/test-server';

describeEachBackend('Staff login', (backend) => {
  const server = useTestServer(backend);

  it('logs in with the right password and sets an httpOnly, same-site session cookie', async () => {
    const res = await server.post('/api/auth/login', undefined, { username: 'anna', password: DEMO_PASSWORD });
    const body = res.expect(200, LoginResponseSchema);
    expect(body.user).toMatchObject({ username: 'anna', displayName: 'Anna Lindqvist', role: 'agent' });
    expect(body.user.queueIds.sort()).toEqual([server.queueIds.Support, server.queueIds.Billing].sort());
    expect(body.token.length).toBeGreaterThanOrEqual(32);

    const cookie = res.setCookies.find((c) => c.startsWith('cp_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toContain(`cp_session=${body.token}`);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=(Strict|Lax)/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await server.post('/api/auth/login', undefined, { username: 'anna', password: 'not-the-password' });
    const unknown = await server.post('/api/auth/login', undefined, { username: 'nobody', password: DEMO_PASSWORD });
    const wrongBody = wrong.expectError(401, 'invalid_credentials');
    const unknownBody = unknown.expectError(401, 'invalid_credentials');
    expect(unknownBody.message).toBe(wrongBody.message);
    expect(wrong.setCookies).toEqual([]);
  });

  it('accepts the bearer token and the cookie for /api/auth/me', async () => {
    const { token } = await server.login('ben');
    const byBearer = (await server.get('/api/auth/me', token)).expect(200, MeResponseSchema);
    expect(byBearer.user.username).toBe('ben');
    const byCookie = await server.request('GET', '/api/auth/me', { headers: { cookie: `cp_session=${token}` } });
    expect(byCookie.expect(200, MeResponseSchema).user.username).toBe('ben');
  });

  it('reports that a seeded workspace needs no setup', async () => {
    expect((await server.get('/api/setup')).expect(200, SetupStatusSchema)).toEqual({ needsSetup: false });
    (await server.post('/api/setup', undefined, { username: 'late', displayName: 'Late', password: 'a-long-password' })).expectError(
      409,
      'setup_done',
    );
  });

  it('rejects a made-up token', async () => {
    (await server.get('/api/auth/me', 'made-up-token')).expectError(401, 'unauthenticated');
  });

  it('invalidates the token on logout and clears the cookie', async () => {
    const session = await server.login('anna');
    const other = await server.login('anna');
    const res = await server.post('/api/auth/logout', session);
    res.expect(200, OkSchema);
    expect(res.setCookies.find((c) => c.startsWith('cp_session='))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);

    (await server.get('/api/auth/me', session)).expectError(401, 'unauthenticated');
    (await server.post('/api/auth/logout', session)).expectError(401, 'unauthenticated');
    // Only that session ends; the user's other devices stay logged in.
    (await server.get('/api/auth/me', other)).expect(200, MeResponseSchema);
  });

  describe('every staff route without a session', () => {
    const staffRoutes = (Object.entries(allRoutes) as [RouteName, RouteDef][]).filter(([, r]) => r.access === 'staff');

    // No body and no query either: a missing session must win over missing input.
    it.each(staffRoutes)('refuses %s with 401', async (_name, route) => {
      const res = await server.request(route.method, buildPath(route.path, { id: randomUUID(), messageId: randomUUID() }));
      res.expectError(401, 'unauthenticated');
    });

    it('refuses a made-up token with 401 even when the input is valid', async () => {
      const chat = await server.startChat('Support');
      const res = await server.post(`/api/conversations/${chat.conversationId}/messages`, 'made-up-token', {
        clientMessageId: randomUUID(),
        text: 'Hello',
      });
      res.expectError(401, 'unauthenticated');
    });

    it('treats a customer token as no session', async () => {
      const chat = await server.startChat('Support');
      (await server.get('/api/auth/me', chat)).expectError(401, 'unauthenticated');
      (await server.get(`/api/conversations/${chat.conversationId}`, chat)).expectError(401, 'unauthenticated');
    });
  });
});

describeEachBackend('First-run setup', (backend) => {
  const server = useTestServer(backend, { seed: false });
  const admin = { username: 'root.admin', displayName: 'Root Admin', password: 'a-long-password' };

  it('creates the first admin once, then refuses with setup_done', async () => {
    expect((await server.get('/api/setup')).expect(200, SetupStatusSchema)).toEqual({ needsSetup: true });

    (await server.post('/api/setup', undefined, { ...admin, password: 'short' })).expectError(400, 'invalid_request');
    expect((await server.get('/api/setup')).expect(200, SetupStatusSchema)).toEqual({ needsSetup: true });

    const created = await server.post('/api/setup', undefined, admin);
    const body = created.expect(200, LoginResponseSchema);
    expect(body.user).toMatchObject({ username: 'root.admin', displayName: 'Root Admin', role: 'admin' });
    expect(created.setCookies.some((c) => c.startsWith('cp_session='))).toBe(true);
    expect((await server.get('/api/auth/me', body.token)).expect(200, MeResponseSchema).user.role).toBe('admin');

    expect((await server.get('/api/setup')).expect(200, SetupStatusSchema)).toEqual({ needsSetup: false });
    (await server.post('/api/setup', undefined, { ...admin, username: 'intruder' })).expectError(409, 'setup_done');

    const [count] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(count!.n).toBe(1);
    expect((await server.login('root.admin', admin.password)).user.role).toBe('admin');
    await expect(server.login('intruder', admin.password)).rejects.toThrow();
  });
});

describeEachBackend('First-run setup race', (backend) => {
  const server = useTestServer(backend, { seed: false });

  it('lets only one of two simultaneous first visitors become admin', async () => {
    const results = await Promise.all(
      ['first.visitor', 'second.visitor'].map((username) =>
        server.post('/api/setup', undefined, { username, displayName: username, password: 'a-long-password' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    results.find((r) => r.status === 409)!.expectError(409, 'setup_done');
    const [count] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(count!.n).toBe(1);
  });
});
