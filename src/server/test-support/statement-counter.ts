import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Sql } from '../db/database';

/** What one piece of work sent to the database. */
export interface StatementLog {
  /** Every statement's text, in order (BEGIN and COMMIT are not sent through `query`; see `transactions`). */
  statements: string[];
  /** Transactions opened: on PostgreSQL each adds a BEGIN and a COMMIT round trip. */
  transactions: number;
}

/** Round trips to the database: statements plus BEGIN and COMMIT of each transaction. */
export const roundTrips = (log: StatementLog) => log.statements.length + 2 * log.transactions;

/**
 * Wraps a database so tests and benches can count the SQL statements of one request, to keep a
 * send from growing round trips again. Only work started inside `measure` is counted (async
 * context follows it through awaits), so background work of the server (routing sweeps, the
 * realtime hub reading the event log after a NOTIFY) does not blur the count.
 */
export function countStatements(db: Database): { db: Database; measure<T>(work: () => Promise<T>): Promise<{ result: T; log: StatementLog }> } {
  const current = new AsyncLocalStorage<StatementLog>();
  const counted = (sql: Sql): Sql => ({
    query(text, params) {
      current.getStore()?.statements.push(text);
      return sql.query(text, params);
    },
    exec(text) {
      current.getStore()?.statements.push(text);
      return sql.exec(text);
    },
  });
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
      const log: StatementLog = { statements: [], transactions: 0 };
      const result = await current.run(log, work);
      return { result, log };
    },
  };
}
