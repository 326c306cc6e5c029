import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import { wrapSql, type Database, type Sql } from '../db/database';

/** What one piece of work sent to the database. */
export interface StatementLog {
  /** Every statement's text, in order (BEGIN and COMMIT are not sent through `query`; see `transactions`). */
  statements: string[];
  /** Transactions opened: on PostgreSQL each adds a BEGIN and a COMMIT round trip. */
  transactions: number;
}

/** Round trips to the database: statements plus BEGIN and COMMIT of each transaction. */
export const roundTrips = (log: StatementLog) => log.statements.length + 2 * log.transactions;

export interface StatementCounter {
  /** The database to give the server. */
  db: Database;
  /** Counts what `work` (and everything it awaits) sends. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; log: StatementLog }>;
  /**
   * Follows each HTTP request into its handler; install before the app is ready. Needed for
   * `count`: a context entered around app.inject does not reach the handler (the injected
   * request is dispatched from a stream event).
   */
  track(app: FastifyInstance): void;
  /** Runs `work` (requests made one after another, with `track` installed) and returns the round trips its requests made. */
  count<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }>;
}

/**
 * Wraps a database so tests and benches can count the SQL statements of one request, to keep a
 * send or a read from growing round trips again. Only work inside `measure`, or requests made
 * inside `count`, is counted (async context follows it through awaits), so background work of the
 * server (routing sweeps, the realtime hub reading the event log) does not blur the count.
 */
export function countStatements(db: Database): StatementCounter {
  const current = new AsyncLocalStorage<StatementLog>();
  const newLog = (): StatementLog => ({ statements: [], transactions: 0 });
  let collecting: StatementLog | null = null;
  const counted = (sql: Sql): Sql =>
    wrapSql(sql, {
      query<T>(text: string, params?: unknown[]) {
        current.getStore()?.statements.push(text);
        return sql.query<T>(text, params);
      },
      exec(text: string) {
        current.getStore()?.statements.push(text);
        return sql.exec(text);
      },
    });
  // Everything but the statements goes straight to the real database.
  const wrapped: Database = new Proxy(db, {
    get(target, prop) {
      if (prop === 'query' || prop === 'exec') return counted(target)[prop];
      if (prop === 'transaction') {
        return <T>(fn: (tx: Sql) => Promise<T>) => {
          const log = current.getStore();
          if (log) log.transactions += 1;
          return target.transaction((tx) => fn(counted(tx)));
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    db: wrapped,
    async measure(work) {
      const log = newLog();
      const result = await current.run(log, work);
      return { result, log };
    },
    track(app) {
      app.addHook('onRequest', (_req, _reply, done) => {
        // Requests outside count() run with a throwaway log.
        current.run(collecting ?? newLog(), done);
      });
    },
    async count(work) {
      const log = newLog();
      collecting = log;
      try {
        const result = await work();
        return { result, statements: roundTrips(log) };
      } finally {
        collecting = null;
      }
    },
  };
}
