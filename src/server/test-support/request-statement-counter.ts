import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import type { Database, Sql } from '../db/database';

/**
 * Counts the SQL statements HTTP requests run, for tests and benchmarks that pin "a constant
 * number of statements per request". Only statements run on behalf of a request count: the
 * server's background work (routing sweeps, samplers) meanwhile does not. The request is followed
 * by its async context, entered in an onRequest hook (a context entered around app.inject does
 * not reach the handler: the injected request is dispatched from a stream event).
 */
export interface StatementCounter {
  /** The database to give the server. */
  db: Database;
  /** Installs the hook that follows each request; before the app is ready. */
  track(app: FastifyInstance): void;
  /** Runs `work` (requests made one after another) and returns its result and the statements its requests ran. */
  count<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }>;
}

export function countStatements(inner: Database): StatementCounter {
  const context = new AsyncLocalStorage<{ n: number }>();
  let collecting: { n: number } | null = null;
  const note = () => {
    const current = context.getStore();
    if (current) current.n += 1;
  };
  const counted = (sql: Sql): Sql => ({
    query(text, params) {
      note();
      return sql.query(text, params);
    },
    exec(text) {
      note();
      return sql.exec(text);
    },
  });
  // Everything but the statements goes straight to the real database.
  const db: Database = new Proxy(inner, {
    get(target, prop) {
      if (prop === 'query' || prop === 'exec') return counted(target)[prop];
      if (prop === 'transaction') {
        return <T>(fn: (tx: Sql) => Promise<T>) => {
          // BEGIN and COMMIT are round trips too.
          note();
          note();
          return target.transaction((tx) => fn(counted(tx)));
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    db,
    track(app) {
      app.addHook('onRequest', (_req, _reply, done) => {
        // Requests outside count() run with a throwaway store.
        context.run(collecting ?? { n: 0 }, done);
      });
    },
    async count(work) {
      const store = { n: 0 };
      collecting = store;
      try {
        const result = await work();
        return { result, statements: store.n };
      } finally {
        collecting = null;
      }
    },
  };
}
