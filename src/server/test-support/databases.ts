import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db/database';
import { migrate } from '../db/migrate';

/**
 * Every API test runs on both databases: PGlite always, PostgreSQL when it answers. The server
 * behaves differently on them where it matters most (PGlite has one connection, PostgreSQL
 * really runs transactions in parallel), so a test that passes on only one proves little.
 */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type BackendKind = Database['kind'];

export interface Backend {
  kind: BackendKind;
  name: 'PGlite' | 'PostgreSQL';
  available: boolean;
  /** Why the backend is skipped, when it is. */
  skipReason: string | null;
}

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `cannot connect to ${POSTGRES_URL} (${(err as Error).message || String(err)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await probePostgres();

export const backends: readonly Backend[] = [
  { kind: 'pglite', name: 'PGlite', available: true, skipReason: null },
  { kind: 'postgres', name: 'PostgreSQL', available: postgresProblem === null, skipReason: postgresProblem },
];

export const postgresBackend = backends.find((b) => b.kind === 'postgres')!;

let warned = false;
function warnSkipped(backend: Backend) {
  if (backend.available || warned) return;
  warned = true;
  console.warn(`Skipping PostgreSQL test cases: ${backend.skipReason}. Set TEST_DATABASE_URL to use another server.`);
}

/** Declares `fn`'s tests once per database; an unreachable PostgreSQL skips its copy with a warning. */
export function describeEachBackend(title: string, fn: (backend: Backend) => void): void {
  for (const backend of backends) {
    warnSkipped(backend);
    describe.skipIf(!backend.available)(`${title} (${backend.name})`, () => fn(backend));
  }
}

/** Declares tests that only make sense on PostgreSQL (several server instances on one database). */
export function describePostgresOnly(title: string, fn: () => void): void {
  warnSkipped(postgresBackend);
  describe.skipIf(!postgresBackend.available)(`${title} (PostgreSQL)`, fn);
}

export interface TestDatabase {
  db: Database;
  kind: BackendKind;
  /** Opens another, independent connection pool to the same PostgreSQL database. */
  openAnother(): Promise<Database>;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated, empty database. On PostgreSQL it is a new database of its own, so test files
 * running in parallel workers never see each other's rows; it is dropped on dispose.
 */
export async function createTestDatabase(kind: BackendKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    await migrate(db);
    return {
      db,
      kind,
      openAnother: () => Promise.reject(new Error('PGlite is one in-process database; it cannot be opened twice')),
      dispose: () => db.close(),
    };
  }

  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const open = async () => {
    const db = await openPostgres(url.toString());
    opened.push(db);
    return db;
  };
  const db = await open();
  await migrate(db);
  return {
    db,
    kind,
    openAnother: open,
    async dispose() {
      await Promise.all(opened.map((d) => d.close().catch(() => {})));
      // pg's pool.end() resolves before its sockets are closed; dropping at once would kill them
      // mid-close and log a pool error. FORCE still covers anything that lingers.
      await waitForNoConnections(name);
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function waitForNoConnections(database: string, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const [row] = await adminQuery<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
    if (!row || row.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
