import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { REALTIME_PATH } from '../../contract/api';
import type { AuthorKind } from '../../contract/messages';
import { buildApp } from '../app';
import { openPglite } from '../db/database';
import { migrate } from '../db/migrate';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type TestServer } from '../test-support/test-server';
import { METRICS_PATH } from './metrics';
import { countingStoredMessages, noteStoredMessage } from './stored-messages';

const TOKEN = `metrics-${randomUUID()}`;

/** The value of one sample in Prometheus' text format, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function scrape(server: TestServer): Promise<string> {
  const res = await server.request('GET', METRICS_PATH, { auth: TOKEN });
  expect(res.status, res.text).toBe(200);
  expect(String(res.headers['content-type'])).toMatch(/^text\/plain/);
  return res.text;
}

/** Scrapes until `done` holds (the server updates some figures when sockets close). */
async function scrapeUntil(server: TestServer, done: (text: string) => boolean, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await scrape(server);
    if (done(text) || Date.now() > deadline) return text;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describeEachBackend('Metrics endpoint without METRICS_TOKEN', (backend) => {
  const server = useTestServer(backend);
  it('does not exist: 404 like any unknown path', async () => {
    (await server.get(METRICS_PATH)).expectError(404, 'not_found');
    (await server.get(METRICS_PATH, 'anything')).expectError(404, 'not_found');
  });
});

describeEachBackend('Prometheus metrics', (backend) => {
  const server = useTestServer(backend, { app: { metricsToken: TOKEN } });

  it('need the bearer token', async () => {
    const missing = await server.get(METRICS_PATH);
    missing.expectError(401, 'unauthenticated');
    // Our own error body, not Fastify's default one.
    expect(Object.keys(missing.json() as object).sort()).toEqual(['code', 'message']);
    (await server.get(METRICS_PATH, `${TOKEN}x`)).expectError(401, 'unauthenticated');
    (await server.get(METRICS_PATH, (await server.staff('adam')).token)).expectError(401, 'unauthenticated');
    expect(sample(await scrape(server), 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('time requests by method, route pattern and status', async () => {
    const anna = await server.staff('anna');
    const chat = await server.startChat('Support');
    await server.picked(anna, chat.conversationId);
    (await server.pick(anna, randomUUID())).expectError(404, 'not_found');
    const text = await scrape(server);
    const labels = { method: 'POST', route: '/api/conversations/:id/pick' };
    expect(sample(text, 'cp_http_request_duration_seconds_count', { ...labels, status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'cp_http_request_duration_seconds_count', { ...labels, status_code: '404' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'cp_http_request_duration_seconds_bucket', { ...labels, status_code: '200', le: '+Inf' })).toBeGreaterThanOrEqual(1);
    // Route patterns, never raw URLs: one series per route, whatever the ids.
    expect(text).not.toContain(chat.conversationId);
  });

  it('count the messages stored, by author kind, once each', async () => {
    const before = await scrape(server);
    const count = (text: string, kind: AuthorKind) => sample(text, 'cp_messages_stored_total', { author_kind: kind }) ?? 0;
    const ben = await server.staff('ben');
    const chat = await server.startChat('Sales'); // the first message
    await server.picked(ben, chat.conversationId); // "Ben joined the conversation."
    await server.agentSays(ben, chat.conversationId, 'Hello');
    const id = randomUUID();
    expect((await server.customerSend(chat, 'Thanks', id)).status).toBe(201);
    expect((await server.customerSend(chat, 'Thanks', id)).status).toBeLessThan(300); // a retry stores nothing
    const after = await scrape(server);
    expect(count(after, 'customer') - count(before, 'customer')).toBe(2);
    expect(count(after, 'agent') - count(before, 'agent')).toBe(1);
    expect(count(after, 'system') - count(before, 'system')).toBe(1);
  });

  it('report the database pool, its errors, and the hub’s backlog and delivery lag', async () => {
    const text = await scrape(server);
    expect(sample(text, 'cp_db_pool_connections')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'cp_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'cp_db_pool_waiting_requests')).toBe(0);
    // Connection errors only (a failed statement is the caller's business); the outage tests cause them.
    expect(sample(text, 'cp_db_errors_total')).toBe(server.db.stats().errors);
    expect(sample(text, 'cp_realtime_hub_backlog_events')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'cp_realtime_delivery_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('count realtime sockets by kind, back to 0 when every socket is gone, early closes included', async () => {
    const anna = await server.staff('anna');
    const chat = await server.startChat('Support');
    const staffSocket = await server.connect({ token: anna.token });
    const customerSocket = await server.connect({ customerToken: chat.token });
    await Promise.all([staffSocket.ready(), customerSocket.ready()]);
    let text = await scrape(server);
    expect(sample(text, 'cp_realtime_sockets', { kind: 'staff' })).toBe(1);
    expect(sample(text, 'cp_realtime_sockets', { kind: 'customer' })).toBe(1);
    expect(sample(text, 'cp_realtime_hub_clients')).toBe(2);

    // Sockets that close before, while and just after their hello is processed.
    const url = `${(await server.listen()).replace(/^http/, 'ws')}${REALTIME_PATH}`;
    await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const ws = new WebSocket(url);
        ws.on('error', () => {});
        await new Promise((resolve) => ws.once('open', resolve));
        const hello = i % 2 === 0 ? { type: 'hello', customerToken: chat.token } : { type: 'hello', token: anna.token };
        ws.send(JSON.stringify(hello));
        if (i % 3 === 1) await new Promise((resolve) => setImmediate(resolve));
        if (i % 3 === 2) await new Promise((resolve) => ws.once('message', resolve));
        ws.terminate();
      }),
    );
    await Promise.all([staffSocket.close(), customerSocket.close()]);
    const gone = (t: string) =>
      sample(t, 'cp_realtime_hub_clients') === 0 && sample(t, 'cp_realtime_sockets', { kind: 'staff' }) === 0 && sample(t, 'cp_realtime_sockets', { kind: 'customer' }) === 0;
    text = await scrapeUntil(server, gone);
    expect(sample(text, 'cp_realtime_hub_clients')).toBe(0);
    expect(sample(text, 'cp_realtime_sockets', { kind: 'staff' })).toBe(0);
    expect(sample(text, 'cp_realtime_sockets', { kind: 'customer' })).toBe(0);
    // And they stay at 0 once the work the closes left behind has settled.
    await server.connections.settled();
    expect(sample(await scrape(server), 'cp_realtime_hub_clients')).toBe(0);
  });
});

describe('Metrics of several apps in one process', () => {
  it('are kept apart: each app reports only its own requests', async () => {
    const db = await openPglite(null);
    await migrate(db);
    const one = await buildApp({ db, metricsToken: TOKEN, routing: { sweepIntervalMs: 0 }, retention: { intervalMs: 0 }, waitingSampleIntervalMs: 0 });
    const two = await buildApp({ db, metricsToken: TOKEN, routing: { sweepIntervalMs: 0 }, retention: { intervalMs: 0 }, waitingSampleIntervalMs: 0 });
    try {
      for (let i = 0; i < 3; i++) await two.app.inject({ method: 'GET', url: '/api/health' });
      await one.app.inject({ method: 'GET', url: '/api/health' });
      const labels = { method: 'GET', route: '/api/health', status_code: '200' };
      const read = async (app: typeof one) => (await app.app.inject({ method: 'GET', url: METRICS_PATH, headers: { authorization: `Bearer ${TOKEN}` } })).body;
      expect(sample(await read(one), 'cp_http_request_duration_seconds_count', labels)).toBe(1);
      expect(sample(await read(two), 'cp_http_request_duration_seconds_count', labels)).toBe(3);
    } finally {
      await one.app.close();
      await two.app.close();
      await db.close();
    }
  });

  it('count a stored message only when its transaction commits', async () => {
    const db = await openPglite(null);
    const stored: AuthorKind[] = [];
    const counting = countingStoredMessages(db, (kind) => stored.push(kind));
    try {
      await counting
        .transaction(async (tx) => {
          noteStoredMessage(tx, 'agent');
          throw new Error('lost a race');
        })
        .catch(() => {});
      expect(stored).toEqual([]);
      await counting.transaction(async (tx) => noteStoredMessage(tx, 'customer'));
      expect(stored).toEqual(['customer']);
      expect(counting.kind).toBe('pglite');
      expect(await counting.query<{ n: number }>('SELECT 1 AS n')).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });
});
