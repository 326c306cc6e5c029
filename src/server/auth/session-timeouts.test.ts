import { expect, it } from 'vitest';
import { MeResponseSchema } from '../../contract/auth';
import { DEFAULT_ROUTING_SETTINGS, DEFAULT_SECURITY_SETTINGS, SettingsResponseSchema } from '../../contract/settings';
import { DEFAULT_ATTACHMENT_POLICY } from '../../contract/attachments';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Staff } from '../test-support/test-server';
import { hashToken } from './tokens';

describeEachBackend('Session timeouts', (backend) => {
  const server = useTestServer(backend, { app: { sessionTouchMs: 50 } });
  const policies = { agentUploads: DEFAULT_ATTACHMENT_POLICY, customerUploads: DEFAULT_ATTACHMENT_POLICY };

  /** Moves a session's last use (and optionally its start) into the past, as if time had passed. */
  const age = (who: Staff, lastUsedMinutesAgo: number, createdDaysAgo = 0) =>
    server.db.query(
      `UPDATE sessions SET last_used_at = now() - make_interval(mins => $2), created_at = now() - make_interval(days => $3) WHERE token_hash = $1`,
      [hashToken(who.token), lastUsedMinutesAgo, createdDaysAgo],
    );
  const sessionRow = async (who: Staff) =>
    (await server.db.query<{ last_used_at: Date }>('SELECT last_used_at FROM sessions WHERE token_hash = $1', [hashToken(who.token)]))[0];

  it('lets admins set the idle and absolute timeouts, validated and audited', async () => {
    const adam = await server.login('adam');
    const { settings } = (await server.get('/api/settings', adam)).expect(200, SettingsResponseSchema);
    expect(settings.security).toEqual(DEFAULT_SECURITY_SETTINGS);
    for (const [security, field] of [
      [{ sessionIdleMinutes: 4, sessionMaxDays: 7 }, 'security.sessionIdleMinutes'],
      [{ sessionIdleMinutes: 60, sessionMaxDays: 0 }, 'security.sessionMaxDays'],
      [{ sessionIdleMinutes: 60.5, sessionMaxDays: 7 }, 'security.sessionIdleMinutes'],
    ] as const) {
      const error = (await server.request('PUT', '/api/settings', { auth: adam, body: { ...policies, security } })).expectError(400, 'invalid_request');
      expect(Object.keys(error.fields ?? {})).toContain(field);
    }
    const saved = (await server.request('PUT', '/api/settings', { auth: adam, body: { ...policies, security: { sessionIdleMinutes: 30, sessionMaxDays: 2 } } })).expect(
      200,
      SettingsResponseSchema,
    );
    expect(saved.settings.security).toEqual({ sessionIdleMinutes: 30, sessionMaxDays: 2 });
    // Leaving them out keeps them.
    const kept = (await server.request('PUT', '/api/settings', { auth: adam, body: { ...policies, routing: DEFAULT_ROUTING_SETTINGS } })).expect(200, SettingsResponseSchema);
    expect(kept.settings.security).toEqual({ sessionIdleMinutes: 30, sessionMaxDays: 2 });
    const [audit] = await server.db.query<{ summary: string }>(`SELECT summary FROM admin_audit WHERE action = 'settings.updated' ORDER BY created_at LIMIT 1`);
    expect(audit!.summary).toContain('session timeouts');
  });

  it('refuses and deletes a session unused for longer than the idle timeout, and keeps one in use', async () => {
    const idle = await server.login('anna');
    const busy = await server.login('anna');
    await age(idle, 31);
    await age(busy, 29);
    (await server.get('/api/auth/me', idle)).expectError(401, 'unauthenticated');
    expect(await sessionRow(idle)).toBeUndefined();
    // Use refreshes the last use, so the session lives on.
    (await server.get('/api/auth/me', busy)).expect(200, MeResponseSchema);
    const after = await sessionRow(busy);
    expect(Date.now() - after!.last_used_at.getTime()).toBeLessThan(60_000);
  });

  it('ends a session after the maximum days however much it is used', async () => {
    const old = await server.login('ben');
    await age(old, 0, 3);
    (await server.get('/api/auth/me', old)).expectError(401, 'unauthenticated');
  });

  it('counts an open realtime socket as use', async () => {
    const anna = await server.login('anna');
    const socket = await server.connect({ after: 0, token: anna.token });
    await socket.ready();
    await age(anna, 25);
    const deadline = Date.now() + 10_000;
    while ((await sessionRow(anna))!.last_used_at.getTime() < Date.now() - 60_000) {
      if (Date.now() > deadline) throw new Error('The open socket never marked its session as used');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await age(anna, 0);
  });
});
