import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webchatApi } from '../../contract/webchat-api';
import { createTestDatabase, describePostgresOnly, POSTGRES_URL, type TestDatabase } from '../test-support/databases';
import { ServerProcess, until } from '../test-support/server-process';

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
  let server: ServerProcess;
  let base: string;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });

  beforeAll(async () => {
    testDb = await createTestDatabase('postgres');
    const [row] = await testDb.db.query<{ name: string }>('SELECT current_database() AS name');
    dbName = row!.name;
    await admin.connect();
    // One customer sends far faster than people do; the rate limit is not what this test is about.
    server = await ServerProcess.start(dbName, { RATE_LIMIT_MULTIPLIER: '1000' });
    base = server.baseUrl;
    await until('the server is ready', () => server.isReady(), 60_000);
  });

  afterAll(async () => {
    await server?.stop();
    await admin.end();
    await testDb?.dispose();
  });

  it('stays up and stores every acknowledged message', async () => {
    const start = await post(webchatApi.webchatStart.path, undefined, {
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
          expect(server.exited, server.output).toBeNull();
          const res = await post(webchatApi.webchatSend.path, customerToken, { clientMessageId, text: `Message ${i}` }).catch(() => null);
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

    expect(server.exited, server.output).toBeNull();
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

