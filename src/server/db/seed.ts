import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { CUSTOMERS, PAST_THREADS, QUEUES, USERS, WAITING } from '../../domain/demo-workspace';
import type { Database, Sql } from './database';

/**
 * Fills an empty workspace with the demo data described in the README. Does nothing when users
 * exist, so restarts and parallel starts on one database are safe.
 */
export async function seedDemoWorkspace(db: Database, demoPassword: string | null) {
  const password = demoPassword ?? randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(727003)');
    const [existing] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (existing!.n > 0) return null;

    const queueIds = new Map<string, string>();
    for (const q of QUEUES) {
      const [row] = await tx.query<{ id: string }>('INSERT INTO queues (name, address, routing_mode) VALUES ($1, $2, $3) RETURNING id', [
        q.name,
        q.address,
        q.routingMode,
      ]);
      queueIds.set(q.name, row!.id);
    }
    const agentIds: string[] = [];
    for (const u of USERS) {
      const [row] = await tx.query<{ id: string }>(
        'INSERT INTO users (username, display_name, role, password_hash, capacity) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [u.username, u.displayName, u.role, passwordHash, u.capacity],
      );
      for (const q of u.queues) await tx.query('INSERT INTO queue_agents (queue_id, user_id) VALUES ($1, $2)', [queueIds.get(q), row!.id]);
      if (u.role === 'agent') agentIds.push(row!.id);
    }
    const customerIds: string[] = [];
    for (const [name, email, phone, externalId] of CUSTOMERS) {
      const [row] = await tx.query<{ id: string }>(
        'INSERT INTO customers (name, email, phone, verified, external_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [name, email, phone, externalId !== null, externalId],
      );
      customerIds.push(row!.id);
    }

    // Two earlier, ended conversations per customer, spread over the last weeks.
    for (let i = 0; i < CUSTOMERS.length; i++) {
      for (let k = 0; k < 2; k++) {
        const agentIndex = (i + k) % agentIds.length;
        const daysAgo = 2 + i * 2 + k * 9;
        await insertPastConversation(tx, {
          customerId: customerIds[i]!,
          customerName: CUSTOMERS[i]![0],
          email: CUSTOMERS[i]![1],
          queueId: queueIds.get(k === 0 ? 'Support' : 'Sales')!,
          queueAddress: QUEUES[k]!.address,
          agentId: agentIds[agentIndex]!,
          agentName: USERS[agentIndex]!.displayName,
          daysAgo,
          thread: PAST_THREADS[(i + k) % PAST_THREADS.length]!,
        });
      }
    }

    for (const w of WAITING) {
      const queueId = queueIds.get(w.queue)!;
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO conversations (customer_id, queue_id, source, destination, state, arrived_at, last_seq)
         VALUES ($1, $2, $3, $4, 'queued', now() - make_interval(mins => $5), 1) RETURNING id`,
        [customerIds[w.customer], queueId, CUSTOMERS[w.customer]![1], QUEUES.find((q) => q.name === w.queue)!.address, w.minutesAgo],
      );
      await tx.query(
        `INSERT INTO messages (conversation_id, seq, author_kind, author_id, author_name, text, created_at)
         VALUES ($1, 1, 'customer', $2, $3, $4, now() - make_interval(mins => $5))`,
        [row!.id, customerIds[w.customer], CUSTOMERS[w.customer]![0], w.text, w.minutesAgo],
      );
    }
    return { generatedPassword: demoPassword ? null : password };
  });
}

async function insertPastConversation(
  tx: Sql,
  p: {
    customerId: string;
    customerName: string;
    email: string;
    queueId: string;
    queueAddress: string;
    agentId: string;
    agentName: string;
    daysAgo: number;
    thread: readonly string[];
  },
) {
  const [row] = await tx.query<{ id: string; arrived_at: Date }>(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, arrived_at, picked_at, ended_at, ended_by, last_seq)
     VALUES ($1, $2, $3, $4, 'ended', $5, now() - make_interval(days => $6),
       now() - make_interval(days => $6) + interval '1 minute', now() - make_interval(days => $6) + interval '12 minutes', 'agent', $7)
     RETURNING id`,
    [p.customerId, p.queueId, p.email, p.queueAddress, p.agentId, p.daysAgo, p.thread.length],
  );
  for (const [index, text] of p.thread.entries()) {
    const fromCustomer = index % 2 === 0;
    await tx.query(
      `INSERT INTO messages (conversation_id, seq, author_kind, author_id, author_name, text, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7) + make_interval(mins => $8))`,
      [row!.id, index + 1, fromCustomer ? 'customer' : 'agent', fromCustomer ? p.customerId : p.agentId, fromCustomer ? p.customerName : p.agentName, text, p.daysAgo, 2 + index * 3],
    );
  }
}
