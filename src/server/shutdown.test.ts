import pg from 'pg';
import { expect, it } from 'vitest';
import { SendMessageResponseSchema } from '../contract/messages';
import { createTestDatabase, describePostgresOnly, POSTGRES_URL } from './test-support/databases';
import { TestServer } from './test-support/test-server';

describePostgresOnly('Shutdown', () => {
  it('closes sockets with 1001 and lets a request in flight finish', async () => {
    const testDb = await createTestDatabase('postgres');
    const server = await TestServer.onDatabase(testDb.db, { seed: true });
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    let closed = false;
    let blocker: pg.Client | undefined;
    try {
      const base = await server.listen();
      const [row] = await server.db.query<{ name: string }>('SELECT current_database() AS name');
      const ben = await server.login('ben');
      const socket = await server.connect({ token: ben.token });
      await socket.ready();
      const chat = await server.startChat('Support');

      // Another session holds the messages table, so the next send is in flight when shutdown starts.
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${row!.name}`;
      blocker = new pg.Client({ connectionString: url.toString() });
      await blocker.connect();
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE messages IN EXCLUSIVE MODE');
      await admin.connect();
      const inFlight = fetch(`${base}/api/webchat/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${chat.token}` },
        body: JSON.stringify({ clientMessageId: crypto.randomUUID(), text: 'Sent just before shutdown' }),
      });
      const deadline = Date.now() + 10_000;
      for (;;) {
        const waiting = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`, [row!.name]);
        if (waiting.rowCount) break;
        if (Date.now() > deadline) throw new Error('The send never waited for the lock');
        await new Promise((r) => setTimeout(r, 25));
      }

      const closing = server.app.close();
      await blocker.query('COMMIT');
      await blocker.end();
      expect((await socket.waitClosed()).code).toBe(1001);
      const res = await inFlight;
      expect(res.status).toBe(201);
      expect(SendMessageResponseSchema.parse(await res.json()).message.text).toBe('Sent just before shutdown');
      await closing;
      closed = true;
    } finally {
      await blocker?.end().catch(() => {});
      await admin.end().catch(() => {});
      if (!closed) await server.app.close().catch(() => {});
      await testDb.dispose();
    }
  });
});
