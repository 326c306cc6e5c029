import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { OkSchema } from '../../contract/api';
import { LoginResponseSchema, MeResponseSchema } from '../../contract/auth';
import { DeviceSessionListSchema, SessionResponseSchema } from '../../contract/sessions';
import { describeEachBackend } from '../test-support/databases';
import { DEMO_PASSWORD, useTestServer, type Staff } from '../test-support/test-server';
import { SESSION_ENDED_CLOSE_CODE } from '../realtime/hub';
import { hashToken } from './tokens';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describeEachBackend('Sessions per device', (backend) => {
  const server = useTestServer(backend);

  const loginAs = async (username: string, opts: { deviceName?: string; userAgent?: string } = {}) =>
    (
      await server.request('POST', '/api/auth/login', {
        body: { username, password: DEMO_PASSWORD, ...(opts.deviceName ? { deviceName: opts.deviceName } : {}) },
        headers: opts.userAgent ? { 'user-agent': opts.userAgent } : {},
      })
    ).expect(200, LoginResponseSchema);
  const listFor = async (who: Staff) => (await server.get('/api/sessions', who)).expect(200, DeviceSessionListSchema).sessions;

  it('tells the client at login when its token ends: the fixed end and the idle deadline from the security settings', async () => {
    const before = Date.now();
    const login = await loginAs('anna');
    const { expiresAt, idleExpiresAt } = login.session;
    // Defaults: 7 days at most, 8 hours idle (DEFAULT_SECURITY_SETTINGS).
    expect(Date.parse(expiresAt) - before).toBeGreaterThan(7 * DAY - MINUTE);
    expect(Date.parse(expiresAt) - before).toBeLessThan(7 * DAY + MINUTE);
    expect(Date.parse(idleExpiresAt)).toBeLessThan(Date.parse(expiresAt));
    expect(Date.parse(idleExpiresAt)).toBeGreaterThan(before);
  });

  it('refreshes a session without the password: its idle deadline starts again', async () => {
    const login = await loginAs('anna');
    await server.db.query(`UPDATE sessions SET last_used_at = now() - interval '20 minutes' WHERE token_hash = $1`, [hashToken(login.token)]);
    const { session } = (await server.post('/api/auth/refresh', login)).expect(200, SessionResponseSchema);
    expect(session.id).toBe(login.session.id);
    expect(session.expiresAt).toBe(login.session.expiresAt);
    expect(Date.parse(session.idleExpiresAt)).toBeGreaterThanOrEqual(Date.parse(login.session.idleExpiresAt) - 1000);
    const [row] = await server.db.query<{ last_used_at: Date }>('SELECT last_used_at FROM sessions WHERE token_hash = $1', [hashToken(login.token)]);
    expect(Date.now() - row!.last_used_at.getTime()).toBeLessThan(MINUTE);
    (await server.post('/api/auth/refresh', 'made-up-token')).expectError(401, 'unauthenticated');
  });

  it('lists my devices, newest use first, with the current one marked, and never another user’s', async () => {
    const phone = await loginAs('ben', { deviceName: 'Ben’s phone' });
    const desktop = await loginAs('ben', { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0' });
    await loginAs('anna');
    const sessions = await listFor(desktop);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    expect(byId.get(desktop.session.id)).toMatchObject({ current: true, deviceName: null, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0' });
    expect(byId.get(phone.session.id)).toMatchObject({ current: false, deviceName: 'Ben’s phone' });
    expect(sessions.every((s) => byId.has(s.id))).toBe(true);
    // Only Ben's: Anna's session is not among them.
    const annas = await listFor(await loginAs('anna'));
    expect(annas.map((s) => s.id)).not.toContain(phone.session.id);
    // The token's hash never leaves the server.
    expect(JSON.stringify(sessions)).not.toContain(hashToken(phone.token));
  });

  it('logs out one device: its token stops working and its socket closes; the others stay', async () => {
    const phone = await loginAs('ben', { deviceName: 'Phone' });
    const desktop = await loginAs('ben');
    const socket = await server.connect({ token: phone.token });
    await socket.ready();
    (await server.request('DELETE', `/api/sessions/${phone.session.id}`, { auth: desktop })).expect(200, OkSchema);
    (await server.get('/api/auth/me', phone)).expectError(401, 'unauthenticated');
    expect((await socket.closed).code).toBe(SESSION_ENDED_CLOSE_CODE);
    (await server.get('/api/auth/me', desktop)).expect(200, MeResponseSchema);
    expect((await listFor(desktop)).map((s) => s.id)).not.toContain(phone.session.id);
  });

  it('answers 404 for a session that is someone else’s, unknown or malformed, and ends nothing', async () => {
    const annas = await loginAs('anna');
    const bens = await loginAs('ben');
    (await server.request('DELETE', `/api/sessions/${annas.session.id}`, { auth: bens })).expectError(404, 'not_found');
    (await server.request('DELETE', `/api/sessions/${randomUUID()}`, { auth: bens })).expectError(404, 'not_found');
    (await server.request('DELETE', '/api/sessions/not-a-session', { auth: bens })).expectError(404, 'not_found');
    (await server.get('/api/auth/me', annas)).expect(200, MeResponseSchema);
  });

  it('logs out everywhere: every token of mine stops working, other users stay logged in', async () => {
    const one = await loginAs('sara');
    const two = await loginAs('sara');
    const other = await loginAs('anna');
    const socket = await server.connect({ token: two.token });
    await socket.ready();
    const res = await server.post('/api/auth/logout-everywhere', one);
    res.expect(200, OkSchema);
    expect(res.setCookies.find((c) => c.startsWith('cp_session='))).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
    (await server.get('/api/auth/me', one)).expectError(401, 'unauthenticated');
    (await server.get('/api/auth/me', two)).expectError(401, 'unauthenticated');
    expect((await socket.closed).code).toBe(SESSION_ENDED_CLOSE_CODE);
    (await server.get('/api/auth/me', other)).expect(200, MeResponseSchema);
  });

  it('refuses an over-long device name with a field error', async () => {
    const res = await server.request('POST', '/api/auth/login', { body: { username: 'anna', password: DEMO_PASSWORD, deviceName: 'x'.repeat(81) } });
    expect(Object.keys(res.expectError(400, 'invalid_request').fields ?? {})).toContain('deviceName');
  });
});
