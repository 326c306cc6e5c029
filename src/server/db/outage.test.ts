import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../contract/errors';
import type { RealtimeFrame } from '../../contract/events';
import { describePostgresOnly, POSTGRES_URL } from '../test-support/databases';
import { RealtimeTestClient, staffEvent } from '../test-support/realtime-client';
import { useTestServer, type Chat, type Staff } from '../test-support/test-server';

/**
 * Database trouble, made on this file's own database only (the shared server is never restarted):
 * its backends are terminated, or it refuses new connections for a while.
 */
describePostgresOnly('Database outages', () => {
  const server = useTestServer({ kind: 'postgres', name: 'PostgreSQL', available: true, skipReason: null });
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  let dbName: string;
  let ben: Staff;

  beforeAll(async () => {
    await admin.connect();
    const [row] = await server.db.query<{ name: string }>('SELECT current_database() AS name');
    dbName = row!.name;
    ben = await server.login('ben');
    await server.listen();
  });
  afterAll(async () => {
    await allowConnections(true);
    await admin.end();
  });

  const allowConnections = (allow: boolean) => admin.query(`ALTER DATABASE ${pg.escapeIdentifier(dbName)} ALLOW_CONNECTIONS ${allow}`);
  const terminate = async (filter = 'true') => {
    const rows = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND ${filter}`,
      [dbName],
    );
    return rows.rowCount ?? 0;
  };
  const listening = async () =>
    (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'`, [dbName])).rowCount ?? 0;

  /** The customer's messages as an agent's socket receives them, in order. */
  const textsOf = (frames: RealtimeFrame[], chat: Chat) =>
    frames.flatMap((f) =>
      f.kind === 'event' && f.event.type === 'message.created' && f.event.message.conversationId === chat.conversationId
        ? [f.event.message.text]
        : [],
    );

  async function receivesAll(socket: RealtimeTestClient, chat: Chat, texts: string[]) {
    const last = texts.at(-1)!;
    const frames = await socket.takeUntil(
      (f) => f.kind === 'event' && f.event.type === 'message.created' && f.event.message.text === last,
      15_000,
    );
    expect(textsOf(frames, chat)).toEqual(texts);
  }

  it('delivers live again after the LISTEN connection is terminated, skipping nothing', async () => {
    const socket = await server.connect({ token: ben.token });
    await socket.ready();
    const chat = await server.startChat('Support');
    await socket.next(staffEvent('message.created', chat.conversationId));

    await until('the LISTEN backend is gone', async () => (await terminate(`query LIKE 'LISTEN%'`)) > 0 && (await listening()) === 0);
    // Committed while nobody listens: no notification of these ever arrives.
    const texts = ['While the listener was down 1', 'While the listener was down 2'];
    for (const text of texts) await server.customerSays(chat, text);
    await until('listening again', async () => (await listening()) > 0);
    texts.push('After it came back');
    await server.customerSays(chat, texts.at(-1)!);
    await receivesAll(socket, chat, texts);
    await socket.close();
  });

  it('answers 503 while the database refuses connections, and delivers live again after', async () => {
    const socket = await server.connect({ token: ben.token });
    await socket.ready();
    const chat = await server.startChat('Support');
    await socket.next(staffEvent('message.created', chat.conversationId));

    await allowConnections(false);
    try {
      await terminate();
      await until('every backend gone', async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [dbName])).rowCount === 0);

      const send = await server.customerSend(chat, 'Refused');
      expect(send.status, send.text).toBe(503);
      expect(ApiErrorSchema.parse(send.json())).toMatchObject({ code: 'unavailable' });
      expect(Number(send.headers['retry-after'])).toBeGreaterThan(0);
      (await server.get('/api/conversations?view=mine', ben)).expectError(503, 'unavailable');
      (await server.get('/api/ready')).expectError(503, 'unavailable');
      expect((await server.get('/api/health')).status).toBe(200);

      // A hello cannot be checked now: the client is told to come back later, not to log in again.
      const refused = await server.connect({ token: ben.token });
      const error = await refused.next((f) => f.kind === 'error');
      expect(error).toMatchObject({ kind: 'error', code: 'unavailable' });
      expect((await refused.waitClosed()).code).toBe(1013);
    } finally {
      await allowConnections(true);
    }

    await until('ready again', async () => (await server.get('/api/ready')).status === 200);
    const texts = ['Back 1', 'Back 2', 'Back 3'];
    for (const text of texts) await server.customerSays(chat, text);
    await receivesAll(socket, chat, texts);
    await socket.close();
  });

  it('keeps no socket that closed before its hello was handled', async () => {
    const baseUrl = await server.listen();
    const chat = await server.startChat('Support');
    // A client that stays, to know when every hello before it has been handled.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const client = await RealtimeTestClient.connect(baseUrl, i % 2 ? { customerToken: chat.token } : { token: ben.token });
          await client.close();
        }),
      );
    }
    const probe = await server.connect({ token: ben.token });
    await probe.ready();
    await probe.close();
    await until('no client left in the hub', async () => server.hub.clientCount === 0);
    expect(server.hub.stats().clients).toBe(0);
  });
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
