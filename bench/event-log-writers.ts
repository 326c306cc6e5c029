import { randomUUID } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { sendMessage } from '../src/server/messages/send-message';
import { openPostgres, type Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { currentEventSeq } from '../src/server/realtime/event-log';
import { RealtimeHub } from '../src/server/realtime/hub';

/*
 * Writer throughput of the event log on PostgreSQL: concurrent message sends through the app's
 * own service function (row lock, idempotency check, insert, event append, commit), on one and
 * on two instances (each its own pool and hub), until every hub has read the last event. The
 * baseline, in the same run and with the same concurrency, is bare autocommit INSERTs of message
 * rows. Self-contained, so other benches can import it:
 *   tsx bench/event-log-writers.ts [--concurrency=16] [--seconds=5] [--postgres-url=…]
 */

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Options {
  concurrency: number;
  seconds: number;
  postgresUrl: string;
}

/** Runs `work` from `concurrency` loops for `seconds`; returns operations per second. */
async function saturate(concurrency: number, seconds: number, work: (worker: number, i: number) => Promise<void>): Promise<number> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < until; i++) {
        await work(worker, i);
        done += 1;
      }
    }),
  );
  return (done / (performance.now() - start)) * 1000;
}

async function withDatabase<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `perf_eventlog_bench_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** One picked conversation per worker, so writers contend only on the event log, as agents do. */
async function seedConversations(db: Database, count: number): Promise<{ agentId: string; queueId: string; conversationIds: string[] }> {
  const [queue] = await db.query<{ id: string }>(`INSERT INTO queues (name, address) VALUES ('Bench', 'bench@example.com') RETURNING id`);
  const [agent] = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, role, password_hash) VALUES ('bench', 'Bench Agent', 'agent', 'x') RETURNING id`,
  );
  const [customer] = await db.query<{ id: string }>(`INSERT INTO customers (name) VALUES ('Bench Customer') RETURNING id`);
  const rows = await db.query<{ id: string }>(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, picked_at)
     SELECT $1, $2, 'bench', 'bench', 'picked', $3, now() FROM generate_series(1, $4) RETURNING id`,
    [customer!.id, queue!.id, agent!.id, count],
  );
  return { agentId: agent!.id, queueId: queue!.id, conversationIds: rows.map((r) => r.id) };
}

/** Sends through the service on `instances` pools (worker w uses instance w mod n); messages/s until delivered. */
async function sends(url: string, instances: number, opts: Options): Promise<number> {
  const dbs = await Promise.all(Array.from({ length: instances }, () => openPostgres(url)));
  const hubs = dbs.map((db) => new RealtimeHub(db));
  await Promise.all(hubs.map((h) => h.start()));
  const { agentId, queueId, conversationIds } = await seedConversations(dbs[0]!, opts.concurrency);
  const start = performance.now();
  let sent = 0;
  await saturate(opts.concurrency, opts.seconds, async (worker) => {
    const user = { id: agentId, username: 'bench', displayName: 'Bench Agent', role: 'agent' as const, queueIds: [queueId] };
    await sendMessage(dbs[worker % instances]!, conversationIds[worker]!, { kind: 'staff', user }, { clientMessageId: randomUUID(), text: 'Throughput' });
    sent += 1;
  });
  // Delivered: every hub has read the last event.
  const last = await currentEventSeq(dbs[0]!);
  while (hubs.some((h) => h.stats().deliveredSeq < last)) await new Promise((resolve) => setTimeout(resolve, 1));
  const perSecond = (sent / (performance.now() - start)) * 1000;
  await Promise.all(hubs.map((h) => h.stop()));
  await Promise.all(dbs.map((db) => db.close()));
  return perSecond;
}

async function bareInserts(url: string, opts: Options): Promise<number> {
  const db = await openPostgres(url);
  const { conversationIds } = await seedConversations(db, opts.concurrency);
  const seqs = new Map<number, number>();
  const perSecond = await saturate(opts.concurrency, opts.seconds, async (worker) => {
    const seq = (seqs.get(worker) ?? 0) + 1;
    seqs.set(worker, seq);
    await db.query(
      `INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_name, text) VALUES ($1, $2, $3, 'agent', 'Bench', 'Throughput')`,
      [conversationIds[worker], seq, randomUUID()],
    );
  });
  await db.close();
  return perSecond;
}

export async function benchEventLogWriters(partial: Partial<Options> = {}) {
  const opts: Options = { concurrency: 16, seconds: 5, postgresUrl: ADMIN_URL, ...partial };
  // Each figure on a fresh database, so none inherits another's bloat.
  const baseline = await withDatabase(opts.postgresUrl, async (url) => {
    await migrateFresh(url);
    return bareInserts(url, opts);
  });
  const one = await withDatabase(opts.postgresUrl, async (url) => {
    await migrateFresh(url);
    return sends(url, 1, opts);
  });
  const two = await withDatabase(opts.postgresUrl, async (url) => {
    await migrateFresh(url);
    return sends(url, 2, opts);
  });
  const row = (path: string, perSecond: number) => ({ path, 'per second': Math.round(perSecond), 'vs baseline': +(perSecond / baseline).toFixed(2) });
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return {
    name: `Event log writers: ${opts.concurrency} concurrent sends for ${opts.seconds} s on PostgreSQL (persisted and read by every hub)`,
    rows: [
      row('baseline: bare autocommit INSERT', baseline),
      row('sendMessage, one instance', one),
      row('sendMessage, two instances', two),
    ],
    summary: `two instances / one: ${(two / one).toFixed(2)}×; load average ${load} on ${os.cpus().length} cores`,
  };
}

async function migrateFresh(url: string) {
  const db = await openPostgres(url);
  await migrate(db);
  await db.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const result = await benchEventLogWriters({
    ...(arg('concurrency') ? { concurrency: Number(arg('concurrency')) } : {}),
    ...(arg('seconds') ? { seconds: Number(arg('seconds')) } : {}),
    ...(arg('postgres-url') ? { postgresUrl: arg('postgres-url')! } : {}),
  });
  console.log(`\n## ${result.name}`);
  console.table(result.rows);
  console.log(result.summary);
}
