import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { CommitSignals } from './commit-signals';
import { Listener } from './listener';
import { PreparedStatements, type RunQuery } from './pglite-statements';
import { isDatabaseUnavailable } from './unavailable';

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /**
   * Raises the in-process signal `name` on this database once the work done so far is committed:
   * at the end of the transaction (never after a rollback), or at once outside one (autocommit).
   * Cheaper than NOTIFY, whose commit-time lock serialises every notifying transaction.
   */
  signalAfterCommit?(name: string): void;
  /**
   * Set where no two transactions can ever overlap (PGlite: one connection, which queues other
   * work while a transaction is open). Work that would otherwise need a lock against concurrent
   * writers may then do it at once: the event log numbers events as they are inserted.
   */
  readonly soleWriter?: boolean;
}

/**
 * `sql` with some of its members replaced: the one place that copies every member of Sql, so a
 * wrapper (a counter, a tracer) cannot drop one it does not know about.
 */
export function wrapSql<Extra extends object = object>(sql: Sql, overrides: Partial<Sql> & Extra): Sql & Extra {
  return { query: sql.query.bind(sql), exec: sql.exec.bind(sql), signalAfterCommit: sql.signalAfterCommit?.bind(sql), soleWriter: sql.soleWriter, ...overrides };
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel`, from any connection or server instance. The
   * listening connection comes back by itself when lost; notifications sent meanwhile are gone,
   * so `onRestored` is called once it listens again, for the subscriber to re-read what it missed.
   */
  listen(channel: string, onMessage: (payload: string) => void, onRestored?: () => void): Promise<() => Promise<void>>;
  /** Calls `fn` whenever work on this Database object raised `name` and committed (this process only). */
  onCommitSignal(name: string, fn: () => void): () => void;
  /** Connection pool usage, for metrics; `errors` counts connection errors seen since start. */
  stats(): DatabaseStats;
  close(): Promise<void>;
}

export interface DatabaseStats {
  total: number;
  idle: number;
  waiting: number;
  errors: number;
}

/** How long a request waits for a pooled connection (or a new one to open) before failing with 503. */
const CONNECT_TIMEOUT_MS = 5000;

export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm serves History search's indexes (migration 15), as on PostgreSQL.
  const options = { extensions: { pg_trgm } };
  const db = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  let busy = 0;
  const track = async <T>(work: Promise<T>): Promise<T> => {
    busy += 1;
    try {
      return await work;
    } finally {
      busy -= 1;
    }
  };
  const signals = new CommitSignals();
  const statements = new PreparedStatements();
  const runOn =
    (session: Pick<PGlite, 'query'>): RunQuery =>
    async <T>(text: string, params?: unknown[]) =>
      (await session.query<T>(text, params)).rows;
  const plain = runOn(db);
  return {
    kind: 'pglite',
    soleWriter: true,
    async query<T>(text: string, params?: unknown[]) {
      return track(statements.query<T>(plain, text, params));
    },
    async exec(text) {
      await track(db.exec(text));
    },
    signalAfterCommit: (name) => signals.emit([name]),
    onCommitSignal: (name, fn) => signals.on(name, fn),
    async transaction(fn) {
      const raised = new Set<string>();
      // PGlite has a single connection and queues other work while a transaction is open.
      const result = await track(db.transaction((tx) =>
        fn({
          query: <T>(t: string, p?: unknown[]) => statements.query<T>(runOn(tx), t, p, true),
          exec: async (t: string) => void (await tx.exec(t)),
          signalAfterCommit: (name) => void raised.add(name),
          soleWriter: true,
        }),
      ));
      signals.emit(raised);
      return result;
    },
    async listen(channel, onMessage) {
      // In-process: there is no connection to lose, so nothing to restore.
      const unlisten = await db.listen(channel, onMessage);
      return async () => unlisten();
    },
    stats: () => ({ total: 1, idle: busy > 0 ? 0 : 1, waiting: 0, errors: 0 }),
    async close() {
      await db.close();
    },
  };
}

/**
 * A pool of connections to PostgreSQL. No database error may end the process: every pooled
 * client carries an error listener for its whole life (a checked-out client whose backend is
 * terminated mid-transaction emits 'error' with nobody awaiting it), clients that broke are
 * destroyed instead of going back to the pool, and waiting for a connection has a time limit so
 * requests fail (503) instead of hanging while the database is unreachable.
 */
export async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  let errors = 0;
  const connectionError = (where: string) => (err: Error) => {
    errors += 1;
    console.error(`PostgreSQL ${where} error:`, err.message);
  };
  // Idle clients report here; the pool then replaces them.
  pool.on('error', connectionError('pool'));
  // Checked-out clients report here; the query or transaction that used them fails on its own.
  const clientError = connectionError('connection');
  pool.on('connect', (client) => client.on('error', clientError));
  const listener = new Listener(connectionString, connectionError('listener'));
  const countUnavailable = <T>(work: Promise<T>): Promise<T> =>
    work.catch((err: unknown) => {
      // pool.query's own connection failures never reach the 'error' events above.
      if (isDatabaseUnavailable(err)) errors += 1;
      throw err;
    });
  await pool.query('SELECT 1');
  const signals = new CommitSignals();
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await countUnavailable(pool.query(text, params))).rows as T[];
    },
    async exec(text) {
      await countUnavailable(pool.query(text));
    },
    signalAfterCommit: (name) => signals.emit([name]),
    onCommitSignal: (name, fn) => signals.on(name, fn),
    async transaction(fn) {
      const client = await countUnavailable(pool.connect());
      const raised = new Set<string>();
      // Set when the connection itself failed: the client is then destroyed, not reused.
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: async <T>(t: string, p?: unknown[]) => (await client.query(t, p)).rows as T[],
          exec: async (t: string) => void (await client.query(t)),
          signalAfterCommit: (name) => void raised.add(name),
        });
        await client.query('COMMIT');
        signals.emit(raised);
        return result;
      } catch (err) {
        if (isDatabaseUnavailable(err)) broken = err as Error;
        else {
          await client.query('ROLLBACK').catch((rollbackErr: Error) => {
            broken = rollbackErr;
          });
        }
        throw err;
      } finally {
        client.release(broken);
      }
    },
    listen: (channel, onMessage, onRestored) => listener.listen(channel, onMessage, onRestored),
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, errors }),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
