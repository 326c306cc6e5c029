import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createTestDatabase, describePostgresOnly, POSTGRES_URL, type TestDatabase } from '../test-support/databases';
import { DEMO_PASSWORD } from '../test-support/test-server';

/** The real server, as a child process, started while its database refuses connections. */
describePostgresOnly('Starting while the database is down', () => {
  let testDb: TestDatabase | undefined;
  let child: ChildProcess | undefined;
  let exited: number | null | undefined;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  let dbName = '';

  afterAll(async () => {
    if (dbName) await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS true`).catch(() => {});
    if (child && exited === undefined) {
      const stopped = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await stopped;
    }
    await admin.end().catch(() => {});
    await testDb?.dispose();
  });

  it('waits, says so, and starts once the database answers', async () => {
    testDb = await createTestDatabase('postgres');
    const [row] = await testDb.db.query<{ name: string }>('SELECT current_database() AS name');
    dbName = row!.name;
    await testDb.db.close();
    await admin.connect();
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName]);

    const url = new URL(POSTGRES_URL);
    url.pathname = `/${dbName}`;
    const port = await freePort();
    let output = '';
    child = spawn(resolve('node_modules/.bin/tsx'), ['src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1', SEED: 'demo', DEMO_PASSWORD, CLIENT_DIR: '/nonexistent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => (exited = code));

    await until('it says it is waiting', async () => /Cannot connect to PostgreSQL: .*Retrying in/.test(output) || exited !== undefined);
    expect(exited, output).toBeUndefined();

    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS true`);
    await until('it is ready', async () => (await fetch(`http://127.0.0.1:${port}/api/ready`).catch(() => null))?.status === 200 || exited !== undefined, 60_000);
    expect(exited, output).toBeUndefined();
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
