import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Calls `onMessage` for every NOTIFY on `channel`, from any connection or server instance. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /** Connections in use and waiting, and database errors seen so far (for metrics). */
  stats(): DatabaseStats;
  close(): Promise<void>;
}

export interface DatabaseStats {
  total: number;
  idle: number;
  waiting: number;
  errors: number;
}

export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // Minimal stand-in (the resilience work replaces it): PGlite is one connection, never pooled.
  let errors = 0;
  return {
    kind: 'pglite',
    stats: () => ({ total: 1, idle: 1, waiting: 0, errors }),
    async query<T>(text: string, params?: unknown[]) {
      try {
        return (await db.query<T>(text, params)).rows;
      } catch (err) {
        errors += 1;
        throw err;
      }
    },
    async exec(text) {
      await db.exec(text);
    },
    transaction(fn) {
      // PGlite has a single connection and queues other work while a transaction is open.
      return db.transaction((tx) =>
        fn({
          query: async <T>(t: string, p?: unknown[]) => (await tx.query<T>(t, p)).rows,
          exec: async (t: string) => void (await tx.exec(t)),
        }),
      );
    },
    async listen(channel, onMessage) {
      const unlisten = await db.listen(channel, onMessage);
      return async () => unlisten();
    },
    async close() {
      await db.close();
    },
  };
}

export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // Minimal stand-in (the resilience work replaces it): errors are pool errors and failed queries.
  let errors = 0;
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => {
    errors += 1;
    console.error('PostgreSQL pool error:', err.message);
  });
  await pool.query('SELECT 1');
  const listeners: pg.Client[] = [];
  return {
    kind: 'postgres',
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, errors }),
    async query<T>(text: string, params?: unknown[]) {
      try {
        return (await pool.query(text, params)).rows as T[];
      } catch (err) {
        errors += 1;
        throw err;
      }
    },
    async exec(text) {
      await pool.query(text);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(t: string, p?: unknown[]) => (await client.query(t, p)).rows as T[],
          exec: async (t: string) => void (await client.query(t)),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage) {
      // LISTEN needs its own long-lived connection, outside the pool.
      const client = new pg.Client({ connectionString });
      client.on('error', (err) => console.error('PostgreSQL listener error:', err.message));
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel) onMessage(n.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listeners.push(client);
      return async () => {
        await client.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all(listeners.map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}
