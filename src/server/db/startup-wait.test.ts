import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgresOnly, POSTGRES_URL, type TestDatabase } from '../test-support/databases';
import { ServerProcess, until } from '../test-support/server-process';

/** The real server, as a child process, started while its database refuses connections. */
describePostgresOnly('Starting while the database is down', () => {
  let testDb: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  let dbName = '';

  afterAll(async () => {
    if (dbName) await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS true`).catch(() => {});
    await server?.stop();
    await admin.end().catch(() => {});
    await testDb?.dispose();
  });

  // A server process that starts and waits: on a busy two-core machine its start alone takes seconds.
  it('waits, says so, and starts once the database answers', async () => {
    testDb = await createTestDatabase('postgres');
    const [row] = await testDb.db.query<{ name: string }>('SELECT current_database() AS name');
    dbName = row!.name;
    await testDb.db.close();
    await admin.connect();
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName]);

    const started = await ServerProcess.start(dbName);
    server = started;
    await until('it says it is waiting', async () => /Cannot connect to PostgreSQL: .*Retrying in/.test(started.output) || started.exited !== null, 60_000);
    expect(started.exited, started.output).toBeNull();

    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS true`);
    await until('it is ready', async () => (await started.isReady()) || started.exited !== null, 60_000);
    expect(started.exited, started.output).toBeNull();
  }, 150_000);
});

