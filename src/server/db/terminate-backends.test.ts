import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from '../../contract/api';
import { createTestDatabase, describePostgresOnly, POSTGRES_URL, type TestDatabase } from '../test-support/databases';
import { DEMO_PASSWORD } from '../test-support/test-server';

const SENDERS = 8;
const MESSAGES = 240;
const TERMINATIONS = 8;

/**
 * The real server, as a child process (a crash must not take the test runner with it), on a
 * database of its own whose every backend is terminated again and again while customers send.
 */
describePostgresOnly('Terminating every backend under load', () => {
  let testDb: TestDatabase;
  let dbName: string;
  let child: ChildProcess;
  let exited: { code: number | null; signal: string | null } | null = null;
  let output = '';
  let base: string;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    const [row] = await testDb.db.query<{ name: string }>('SELECT current_database() AS name');
    dbName = row!.name;
    await admin.connect();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${dbName}`;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(resolve('node_modules/.bin/tsx'), ['src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString(), PORT: String(port), HOST: '127.0.0.1', SEED: 'demo', DEMO_PASSWORD, CLIENT_DIR: '/nonexistent', RATE_LIMIT_MULTIPLIER: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code, signal) => (exited = { code, signal }));
    await until('the server is ready', async () => (await fetch(`${base}/api/ready`).catch(() => null))?.status === 200, 60_000);
  });

  afterAll(async () => {
    if (child && !exited) {
      child.kill('SIGTERM');
      await until('the server stopped', async () => exited !== null, 20_000).catch(() => child.kill('SIGKILL'));
    }
    await admin.end();
    await testDb?.dispose();
  });

  it('stays up and stores every acknowledged message', async () => {
    const start = await post(api.webchatStart.path, undefined, {
      queueId: (await testDb.db.query<{ id: string }>(`SELECT id FROM queues WHERE name = 'Support'`))[0]!.id,
      name: 'Load Customer',
      email: `load-${randomUUID()}@example.com`,
      text: 'First',
      clientMessageId: randomUUID(),
    });
    expect(start.status).toBe(201);
    const { customerToken, conversation } = (await start.json()) as { customerToken: string; conversation: { id: string } };

    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    let terminations = 0;
    // Terminating at every few acknowledgements spreads the blows over the whole run.
    const terminateEvery = Math.floor(MESSAGES / (TERMINATIONS + 1));
    const sender = async () => {
      for (let i = next++; i < MESSAGES; i = next++) {
        const clientMessageId = randomUUID();
        // Retried as a client would, with the same id; a refusal while the database is away is fine.
        for (;;) {
          expect(exited, output).toBeNull();
          const res = await post(api.webchatSend.path, customerToken, { clientMessageId, text: `Message ${i}` }).catch(() => null);
          if (res) statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res && res.status >= 200 && res.status < 300) break;
          if (res) expect([503], `unexpected ${res.status}: ${await res.text()}`).toContain(res.status);
        }
        acknowledged.push(clientMessageId);
        if (acknowledged.length % terminateEvery === 0 && terminations < TERMINATIONS) {
          terminations += 1;
          await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [dbName]);
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));

    expect(exited, output).toBeNull();
    expect(terminations).toBe(TERMINATIONS);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    await until('ready again', async () => (await fetch(`${base}/api/ready`)).status === 200);
    const stored = await testDb.db.query<{ client_message_id: string }>(
      'SELECT client_message_id FROM messages WHERE conversation_id = $1 AND client_message_id = ANY($2::uuid[])',
      [conversation.id, acknowledged],
    );
    expect(new Set(stored.map((r) => r.client_message_id))).toEqual(new Set(acknowledged));
    expect(acknowledged).toHaveLength(MESSAGES);
    // Every refusal was a 503, never a 500 (checked per answer above).
    expect([...statuses.keys()].every((s) => s === 201 || s === 503)).toBe(true);
  });

  function post(path: string, token: string | undefined, body: unknown) {
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  }
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
