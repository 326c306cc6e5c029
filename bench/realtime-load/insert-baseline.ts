import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/server/db/database';
import { percentile, until } from './stats';

/** Runs one statement; the bare baselines need nothing else. */
type Run = (sql: string, params: unknown[]) => Promise<unknown>;

const INSERT = `INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
  VALUES ($1, $2, $3, 'customer', $4, 'Load Customer', $5)`;

/**
 * The database alone: autocommit INSERTs of the same message rows the load sends (one new
 * conversation, its next seq each), with the load's concurrency (closed loop, for the rate) and
 * at its steady rate (open loop, for the latency). No lock, no idempotency, no event, no HTTP.
 */
async function measure(run: Run, o: { concurrency: number; windowMs: number; rate: number; rateWindowMs: number }) {
  const [conversation] = (await run(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state)
     SELECT customer_id, queue_id, source, destination, 'ended' FROM conversations LIMIT 1 RETURNING id, customer_id`,
    [],
  )) as [{ id: string; customer_id: string }];
  let seq = 1_000_000;
  const insert = () => run(INSERT, [conversation.id, ++seq, randomUUID(), conversation.customer_id, `load baseline ${seq}`]);

  let done = 0;
  const start = performance.now();
  const end = start + o.windowMs;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() < end) {
        await insert();
        done += 1;
      }
    }),
  );
  const perSecond = done / ((performance.now() - start) / 1000);

  const latencies: number[] = [];
  const steadyStart = performance.now();
  const count = Math.round((o.rateWindowMs / 1000) * o.rate);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    await until(steadyStart + (i * 1000) / o.rate);
    const t = performance.now();
    inFlight.push(insert().then(() => void latencies.push(performance.now() - t)));
  }
  await Promise.all(inFlight);
  return { perSecond, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

export type InsertOptions = Parameters<typeof measure>[1];

/** On PGlite: its one connection, as the server has it. */
export function pgliteInserts(db: Database, o: InsertOptions) {
  return measure((sql, params) => db.query(sql, params), o);
}

/** On PostgreSQL: a pool as large as the concurrency, so no sender waits for a connection. */
export async function postgresInserts(url: string, o: InsertOptions) {
  const pool = new pg.Pool({ connectionString: url, max: o.concurrency });
  // pool.end() resolves before its sockets close; dropping the database then cuts them, which
  // must not end the bench.
  pool.on('error', () => {});
  try {
    return await measure(async (sql, params) => (await pool.query(sql, params)).rows, o);
  } finally {
    await pool.end();
  }
}
