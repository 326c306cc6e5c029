import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MeResponseSchema } from '../../contract/auth';
import { ConversationResponseSchema } from '../../contract/conversations';
import { AuditTrailSchema } from '../../contract/supervision';
import { hashToken } from '../auth/tokens';
import { loadConfig } from '../config';
import type { Database } from '../db/database';
import { CONNECTION_STALE_SECONDS } from '../presence/presence-store';
import { listLostAgents } from '../routing/routing-store';
import { createTestDatabase, describeEachBackend, describePostgresOnly } from '../test-support/databases';
import { TestServer, useTestServer, type Staff } from '../test-support/test-server';
import { currentEventSeq } from '../realtime/event-log';
import { Retention } from './retention';

const retentionOn = (db: Database, deliveredSeq = () => Number.MAX_SAFE_INTEGER, eventRetentionHours = 168) =>
  new Retention(db, { intervalMs: 0, eventRetentionHours, deliveredSeq });

/**
 * The log's seqs, once everything committed is numbered. Numbered ones only: background work
 * (routing) may append an event after the numbering pass.
 */
async function seqs(db: Database): Promise<number[]> {
  await currentEventSeq(db);
  return (await db.query<{ seq: string | number }>('SELECT seq FROM events WHERE seq IS NOT NULL ORDER BY seq')).map((r) => Number(r.seq));
}

describeEachBackend('Retention', (backend) => {
  const server = useTestServer(backend);

  it('deletes expired sessions and keeps the others', async () => {
    const old = await server.login('anna');
    const current = await server.login('anna');
    await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [hashToken(old.token)]);
    const report = await retentionOn(server.db).runNow();
    expect(report?.sessions).toBe(1);
    expect(await server.db.query('SELECT 1 FROM sessions WHERE token_hash = $1', [hashToken(old.token)])).toEqual([]);
    (await server.get('/api/auth/me', old)).expectError(401, 'unauthenticated');
    (await server.get('/api/auth/me', current)).expect(200, MeResponseSchema);
  });

  it('removes the connection rows of a dead instance, and presence still counts them as gone from when they died', async () => {
    const anna = await server.staff('anna');
    const ben = await server.staff('ben');
    // Set in the database: through the API it would poke the routing sweep, which could find
    // Anna lost (and take her offline) while this test sets the scene.
    await server.db.query(`UPDATE users SET presence = 'available' WHERE id = $1`, [anna.user.id]);
    // An instance killed with -9: its row stays, last refreshed 60 s ago. Ben's row is of a live instance.
    await server.db.query(`UPDATE users SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [anna.user.id]);
    await server.db.query(`INSERT INTO staff_connections (instance_id, user_id, sockets, seen_at) VALUES ($1, $2, 1, now() - interval '60 seconds')`, [
      `dead-${randomUUID()}`,
      anna.user.id,
    ]);
    await server.db.query(`INSERT INTO staff_connections (instance_id, user_id, sockets, seen_at) VALUES ($1, $2, 1, now())`, [`live-${randomUUID()}`, ben.user.id]);
    const lostWithin = async (graceSeconds: number) => (await listLostAgents(server.db, graceSeconds, 50)).includes(anna.user.id);
    // Before: lost after a 30 s grace (the row is stale), not yet after 120 s (it was alive 60 s ago).
    expect([await lostWithin(30), await lostWithin(120)]).toEqual([true, false]);

    const report = await retentionOn(server.db).runNow();
    expect(report?.connections).toBe(1);
    const rows = await server.db.query<{ user_id: string }>('SELECT user_id FROM staff_connections');
    expect(rows.map((r) => r.user_id)).toEqual([ben.user.id]);
    // After: the same answers; the grace period still runs from the dead instance's last refresh.
    expect([await lostWithin(30), await lostWithin(120)]).toEqual([true, false]);
    await server.db.query('DELETE FROM staff_connections');
  });

  it('keeps connection rows refreshed within the staleness limit', async () => {
    const anna = await server.staff('anna');
    await server.db.query(`INSERT INTO staff_connections (instance_id, user_id, sockets, seen_at) VALUES ($1, $2, 1, now() - make_interval(secs => $3))`, [
      `slow-${randomUUID()}`,
      anna.user.id,
      CONNECTION_STALE_SECONDS - 10,
    ]);
    expect((await retentionOn(server.db).runNow())?.connections).toBe(0);
    expect(await server.db.query('SELECT 1 FROM staff_connections')).toHaveLength(1);
    await server.db.query('DELETE FROM staff_connections');
  });

  it('prunes the event log beyond its retention, oldest first, keeping every conversation’s audit trail', async () => {
    const sara = await server.staff('sara');
    const ben = await server.staff('ben');
    const chat = await server.startChat('Sales', { text: 'An old conversation' });
    await server.picked(ben, chat.conversationId);
    await server.agentSays(ben, chat.conversationId, 'An old answer');
    (await server.end(ben, chat.conversationId)).expect(200, ConversationResponseSchema);
    const old = await seqs(server.db);
    await server.db.query(`UPDATE events SET created_at = created_at - interval '8 days'`);
    const trail = (await server.get(`/api/conversations/${chat.conversationId}/audit`, sara)).expect(200, AuditTrailSchema);
    expect(trail.entries.map((e) => e.kind)).toEqual(['arrived', 'picked', 'ended']);
    const fresh = await server.startChat('Sales', { text: 'A new conversation' });
    const all = await seqs(server.db);
    const young = all.filter((s) => !old.includes(s));
    expect(young.length).toBeGreaterThan(0);

    const report = await retentionOn(server.db).runNow();
    expect(report?.events).toBe(old.length);
    // Background work (routing after the start) may have appended more since: only the old are gone.
    const left = await seqs(server.db);
    expect(left.filter((s) => old.includes(s))).toEqual([]);
    expect(left).toEqual(expect.arrayContaining(young));
    // The old conversation's trail is whole; the young one's events are still in the log.
    expect((await server.get(`/api/conversations/${chat.conversationId}/audit`, sara)).expect(200, AuditTrailSchema)).toEqual(trail);
    const freshTrail = (await server.get(`/api/conversations/${fresh.conversationId}/audit`, sara)).expect(200, AuditTrailSchema);
    expect(freshTrail.entries.map((e) => e.kind)).toEqual(['arrived']);
    // Nothing left to prune: a second run changes nothing.
    expect((await retentionOn(server.db).runNow())?.events).toBe(0);
  });

  it('prunes only a prefix of the log, and nothing the hub has not delivered', async () => {
    await server.startChat('Support');
    await server.startChat('Support');
    const before = await seqs(server.db);
    expect(before.length).toBeGreaterThanOrEqual(4);
    // All old except one in the middle: pruning stops there, so the log keeps no gap.
    const keep = before[2]!;
    await server.db.query(`UPDATE events SET created_at = created_at - interval '8 days' WHERE seq <> $1`, [keep]);
    expect((await retentionOn(server.db).runNow())?.events).toBe(2);
    expect(await seqs(server.db)).toEqual(before.slice(2));

    // Everything old now, but this instance's hub has delivered only up to before[3].
    await server.db.query(`UPDATE events SET created_at = created_at - interval '8 days' WHERE seq = $1`, [keep]);
    expect((await retentionOn(server.db, () => before[3]!).runNow())?.events).toBe(2);
    expect(await seqs(server.db)).toEqual(before.slice(4));
  });

  it('keeps events younger than the retention', async () => {
    const chat = await server.startChat('Support');
    await server.customerSays(chat, 'Still here');
    const before = await seqs(server.db);
    await server.db.query(`UPDATE events SET created_at = now() - interval '2 hours'`);
    expect((await retentionOn(server.db, undefined, 3).runNow())?.events).toBe(0);
    expect(await seqs(server.db)).toEqual(before);
    expect((await retentionOn(server.db, undefined, 1).runNow())?.events).toBe(before.length);
  });
});

describePostgresOnly('Retention on several instances', () => {
  it('runs on one instance at a time; the others skip rather than wait', async () => {
    const testDb = await createTestDatabase('postgres');
    const other = await testDb.openAnother();
    const server = await TestServer.onDatabase(testDb.db, { seed: true });
    try {
      const staff: Staff[] = await Promise.all([server.login('anna'), server.login('ben'), server.login('sara')]);
      await server.db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ANY($1::text[])`, [
        staff.map((s) => hashToken(s.token)),
      ]);
      // Another instance is running retention: this one skips.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = other.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(727060)');
        locked();
        await held;
      });
      await isLocked;
      expect(await retentionOn(server.db).runNow()).toBeNull();
      release();
      await holder;
      // Both at once: the sessions are deleted once, whoever gets there.
      const reports = await Promise.all([retentionOn(server.db).runNow(), retentionOn(other).runNow()]);
      expect(reports.reduce((n, r) => n + (r?.sessions ?? 0), 0)).toBe(3);
    } finally {
      await server.close();
      await testDb.dispose();
    }
  });
});

describe('Retention settings', () => {
  it('default to a week of events, every 15 s, and refuse nonsense', () => {
    expect(loadConfig({})).toMatchObject({ eventRetentionHours: 168, retentionIntervalMs: 15_000 });
    expect(loadConfig({ EVENT_RETENTION_HOURS: '24', RETENTION_INTERVAL_SECONDS: '60' })).toMatchObject({ eventRetentionHours: 24, retentionIntervalMs: 60_000 });
    expect(() => loadConfig({ EVENT_RETENTION_HOURS: '0' })).toThrow(/EVENT_RETENTION_HOURS/);
    expect(() => loadConfig({ EVENT_RETENTION_HOURS: 'a week' })).toThrow(/EVENT_RETENTION_HOURS/);
    expect(() => loadConfig({ RETENTION_INTERVAL_SECONDS: '0' })).toThrow(/RETENTION_INTERVAL_SECONDS/);
  });
});
