import { afterAll, beforeAll, expect, it } from 'vitest';
import { LoginResponseSchema } from '../../contract/auth';
import { QueueDashboardSchema } from '../../contract/supervision';
import { buildApp, type App } from '../app';
import type { Database } from '../db/database';
import { seedDemoWorkspace } from '../db/seed';
import { createTestDatabase, describeEachBackend, describePostgresOnly, type TestDatabase } from '../test-support/databases';
import { DEMO_PASSWORD } from '../test-support/test-server';
import { WaitingSampler } from './waiting-sampler';

/** A server that samples only when asked, on a fresh seeded database. */
async function startApp(kind: TestDatabase['kind']) {
  const testDb = await createTestDatabase(kind);
  await seedDemoWorkspace(testDb.db, DEMO_PASSWORD);
  const app = await buildApp({ db: testDb.db, routing: { sweepIntervalMs: 0 }, waitingSampleIntervalMs: 0 });
  return { testDb, app };
}

async function dashboard(app: App) {
  const login = await app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sara', password: DEMO_PASSWORD } });
  const { token } = LoginResponseSchema.parse(login.json());
  const res = await app.app.inject({ method: 'GET', url: '/api/supervisor/queues', headers: { authorization: `Bearer ${token}` } });
  expect(res.statusCode, res.body).toBe(200);
  return QueueDashboardSchema.parse(res.json());
}

/** Moves every sample back in time, as if the clock had moved on. */
const ageSamples = (db: Database, seconds: number) =>
  db.query(`UPDATE queue_waiting_samples SET sampled_at = sampled_at - make_interval(secs => $1)`, [seconds]);

const sampleCount = async (db: Database) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM queue_waiting_samples'))[0]!.n;

describeEachBackend('Waiting-count samples', (backend) => {
  let testDb: TestDatabase;
  let app: App;
  beforeAll(async () => {
    ({ testDb, app } = await startApp(backend.kind));
  });
  afterAll(async () => {
    await app?.app.close();
    await testDb?.dispose();
  });

  it('samples every queue about once a minute and shows the last hour, oldest first', async () => {
    expect(await app.sampleWaitingNow()).toBe(true);
    // Another instance (or tick) within 50 s adds nothing.
    expect(await app.sampleWaitingNow()).toBe(false);
    let figures = await dashboard(app);
    for (const q of figures.queues) expect(q.waitingHistory).toEqual([{ at: expect.any(String), waiting: q.waiting }]);

    await ageSamples(testDb.db, 55);
    const support = figures.queues.find((q) => q.queue.name === 'Support')!;
    await testDb.db.query(`UPDATE conversations SET state = 'ended', ended_at = now(), ended_by = 'system' WHERE queue_id = $1 AND state = 'queued'`, [
      support.queue.id,
    ]);
    expect(await app.sampleWaitingNow()).toBe(true);
    figures = await dashboard(app);
    const history = figures.queues.find((q) => q.queue.id === support.queue.id)!.waitingHistory;
    expect(history.map((s) => s.waiting)).toEqual([support.waiting, 0]);
    expect(Date.parse(history[0]!.at)).toBeLessThan(Date.parse(history[1]!.at));

    // Older than an hour: kept for a day, but not on the chart.
    await ageSamples(testDb.db, 3600);
    expect((await dashboard(app)).queues.every((q) => q.waitingHistory.length === 0)).toBe(true);
    expect(await sampleCount(testDb.db)).toBeGreaterThan(0);
  });

  it('forgets samples older than a day', async () => {
    await ageSamples(testDb.db, 24 * 3600);
    const queues = (await dashboard(app)).queues.length;
    expect(await app.sampleWaitingNow()).toBe(true);
    expect(await sampleCount(testDb.db)).toBe(queues);
  });

  it('takes a first sample at start and then tries again on its interval', async () => {
    await testDb.db.query('DELETE FROM queue_waiting_samples');
    const sampler = new WaitingSampler(testDb.db, { intervalMs: 20 });
    sampler.start();
    try {
      // Waits for the timer's work, not for a time.
      for (let i = 0; i < 200 && (await sampleCount(testDb.db)) === 0; i++) await new Promise((r) => setTimeout(r, 25));
      const queues = (await dashboard(app)).queues.length;
      expect(await sampleCount(testDb.db)).toBe(queues);
    } finally {
      await sampler.stop();
    }
  });
});

describePostgresOnly('Waiting-count sampling with two instances', () => {
  it('takes one sample when both instances try at once', async () => {
    const testDb = await createTestDatabase('postgres');
    await seedDemoWorkspace(testDb.db, DEMO_PASSWORD);
    const other = await testDb.openAnother();
    const a = new WaitingSampler(testDb.db, { intervalMs: 0 });
    const b = new WaitingSampler(other, { intervalMs: 0 });
    try {
      const results = await Promise.all([a.sampleNow(), b.sampleNow(), a.sampleNow(), b.sampleNow()]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const [queues] = await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM queues');
      expect(await sampleCount(testDb.db)).toBe(queues?.n);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await testDb.dispose();
    }
  });
});
