import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Sql } from './database';
import type { DB } from './schema.gen';

/**
 * Kysely over our own `Sql`: queries are typed against the generated schema (schema.gen.ts) but
 * still run through `Sql.query`, so the same code works on PGlite, on the PostgreSQL pool and
 * inside `Database.transaction(fn)` (commit signals, rollback, broken-connection handling all stay
 * there). Transactions are therefore opened by our `transaction`, never by Kysely: pass the `tx`
 * to `typed(tx)`.
 */
class SqlConnection implements DatabaseConnection {
  constructor(private readonly sql: Sql) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Sql returns rows only; nothing here reads Kysely's affected-row counts (use RETURNING).
    return { rows: await this.sql.query<R>(compiled.sql, compiled.parameters as unknown[]) };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported over Sql');
  }
}

const notHere = (): never => {
  throw new Error('Open transactions with Database.transaction(fn) and query them with typed(tx)');
};

class SqlDriver implements Driver {
  private readonly connection: SqlConnection;

  constructor(sql: Sql) {
    this.connection = new SqlConnection(sql);
  }

  async init() {}
  async acquireConnection() {
    return this.connection;
  }
  beginTransaction = notHere;
  commitTransaction = notHere;
  rollbackTransaction = notHere;
  async releaseConnection() {}
  async destroy() {}
}

/** A Kysely dialect whose every statement goes through `sql.query`. */
export function sqlDialect(sql: Sql): Dialect {
  return {
    createDriver: () => new SqlDriver(sql),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}

const cache = new WeakMap<Sql, Kysely<DB>>();

/**
 * The typed query builder over `sql` (the database or an open transaction). Cached per Sql
 * object, so calling it in every function costs a map lookup; a transaction's builder is made
 * once per transaction (a few microseconds, see kysely.test.ts).
 */
export function typed(sql: Sql): Kysely<DB> {
  let db = cache.get(sql);
  if (!db) {
    db = new Kysely<DB>({ dialect: sqlDialect(sql) });
    cache.set(sql, db);
  }
  return db;
}
