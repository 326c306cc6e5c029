import { randomUUID } from 'node:crypto';
import { buildApp } from '../src/server/app';
import { openPglite } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { seedDemoWorkspace } from '../src/server/db/seed';

const MESSAGES = 500;

/**
 * Agent message sends through the whole API path (auth, validation, row lock, idempotency check,
 * insert, event append) against the baseline of bare INSERTs of the same rows into the same
 * embedded database. The ratio is the cost of the product's guarantees per message.
 */
export async function benchMessageSend() {
  const db = await openPglite(null);
  await migrate(db);
  await seedDemoWorkspace(db, 'bench-password');
  const { app } = await buildApp({ db });

  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'anna', password: 'bench-password' } });
  const auth = { authorization: `Bearer ${login.json().token}` };
  const [waiting] = await db.query<{ id: string }>(
    `SELECT c.id FROM conversations c JOIN queues q ON q.id = c.queue_id WHERE c.state = 'queued' AND q.name = 'Support' LIMIT 1`,
  );
  await app.inject({ method: 'POST', url: `/api/conversations/${waiting!.id}/pick`, headers: auth });

  const apiStart = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/conversations/${waiting!.id}/messages`,
      headers: auth,
      payload: { clientMessageId: randomUUID(), text: `Benchmark message ${i}` },
    });
    if (res.statusCode !== 201) throw new Error(`send failed: ${res.statusCode} ${res.body}`);
  }
  const apiMs = performance.now() - apiStart;

  const [{ id: baselineId }] = (await db.query<{ id: string }>(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state)
     SELECT customer_id, queue_id, source, destination, 'queued' FROM conversations LIMIT 1 RETURNING id`,
  )) as [{ id: string }];
  const baseStart = performance.now();
  for (let i = 0; i < MESSAGES; i++) {
    await db.query(
      `INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_name, text) VALUES ($1, $2, $3, 'agent', 'Bench', $4)`,
      [baselineId, i + 1, randomUUID(), `Benchmark message ${i}`],
    );
  }
  const baseMs = performance.now() - baseStart;

  await app.close();
  await db.close();
  const perSecond = (ms: number) => Math.round((MESSAGES / ms) * 1000);
  return {
    name: `Message send, ${MESSAGES} sequential sends on PGlite`,
    rows: [
      { path: 'baseline: bare INSERT', 'total ms': Math.round(baseMs), 'per message ms': +(baseMs / MESSAGES).toFixed(3), 'messages/s': perSecond(baseMs) },
      { path: 'API: POST /messages', 'total ms': Math.round(apiMs), 'per message ms': +(apiMs / MESSAGES).toFixed(3), 'messages/s': perSecond(apiMs) },
    ],
    summary: `API send costs ${(apiMs / baseMs).toFixed(1)}× a bare insert (auth, validation, lock, idempotency, event log).`,
  };
}
