import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { CANNED_RESPONSES, CUSTOMERS, PAST_CONVERSATIONS, PAST_TIMING, QUEUES, USERS, WAITING, WRAP_UP_CODES, type PastConversation } from '../../domain/demo-workspace';
import { sql } from 'kysely';
import type { Database, Sql } from './database';
import { typed } from './kysely';

/**
 * Fills an empty workspace with the demo data described in the README. Does nothing when users
 * exist, so restarts and parallel starts on one database are safe.
 */
export async function seedDemoWorkspace(db: Database, demoPassword: string | null) {
  const password = demoPassword ?? randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const typedTx = typed(tx);
    await sql`SELECT pg_advisory_xact_lock(727003)`.execute(typedTx);
    const existing = await typedTx.selectFrom('users').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    if (existing.n > 0) return null;

    const queueIds = new Map<string, string>();
    for (const q of QUEUES) {
      const row = await typedTx.insertInto('queues').values({ name: q.name, address: q.address, routing_mode: q.routingMode }).returning('id').executeTakeFirstOrThrow();
      queueIds.set(q.name, row.id);
    }
    for (const name of WRAP_UP_CODES) await typedTx.insertInto('wrap_up_codes').values({ name, all_queues: true }).execute();
    const userIds = new Map<string, string>();
    for (const u of USERS) {
      const row = await typedTx
        .insertInto('users')
        .values({ username: u.username, display_name: u.displayName, role: u.role, password_hash: passwordHash, capacity: u.capacity })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const q of u.queues) await typedTx.insertInto('queue_agents').values({ queue_id: queueIds.get(q)!, user_id: row.id }).execute();
      userIds.set(u.username, row.id);
    }
    const customerIds: string[] = [];
    for (const [name, email, phone, externalId] of CUSTOMERS) {
      const row = await typedTx
        .insertInto('customers')
        .values({ name, email, phone, verified: externalId !== null, external_id: externalId })
        .returning('id')
        .executeTakeFirstOrThrow();
      customerIds.push(row.id);
    }

    for (const past of PAST_CONVERSATIONS) {
      await insertPastConversation(tx, past, { customerId: customerIds[past.customer]!, queueId: queueIds.get(past.queue)!, agentId: userIds.get(past.agent)! });
    }

    for (const w of WAITING) {
      const queueId = queueIds.get(w.queue)!;
      const at = sql<Date>`now() - make_interval(mins => ${w.minutesAgo})`;
      const row = await typedTx
        .insertInto('conversations')
        .values({
          customer_id: customerIds[w.customer]!,
          queue_id: queueId,
          source: CUSTOMERS[w.customer]![1],
          destination: QUEUES.find((q) => q.name === w.queue)!.address,
          state: 'queued',
          arrived_at: at,
          last_seq: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await typedTx
        .insertInto('messages')
        .values({
          conversation_id: row.id,
          seq: 1,
          author_kind: 'customer',
          author_id: customerIds[w.customer]!,
          author_name: CUSTOMERS[w.customer]![0],
          text: w.text,
          created_at: at,
        })
        .execute();
    }
    for (const c of CANNED_RESPONSES) {
      await typedTx
        .insertInto('canned_responses')
        .values({ owner_id: null, queue_id: c.queue === null ? null : queueIds.get(c.queue)!, shortcut: c.shortcut, text: c.text })
        .execute();
    }
    return { generatedPassword: demoPassword ? null : password };
  });
}

async function insertPastConversation(tx: Sql, past: PastConversation, ids: { customerId: string; queueId: string; agentId: string }) {
  const db = typed(tx);
  const [customerName, email] = CUSTOMERS[past.customer]!;
  const agentName = USERS.find((u) => u.username === past.agent)!.displayName;
  const arrived = sql<Date>`now() - make_interval(days => ${past.daysAgo})`;
  const row = await db
    .insertInto('conversations')
    .values({
      customer_id: ids.customerId,
      queue_id: ids.queueId,
      source: email,
      destination: QUEUES.find((q) => q.name === past.queue)!.address,
      state: 'ended',
      agent_id: ids.agentId,
      arrived_at: arrived,
      picked_at: sql`${arrived} + make_interval(mins => ${PAST_TIMING.pickedAfterMinutes})`,
      ended_at: sql`${arrived} + make_interval(mins => ${PAST_TIMING.endedAfterMinutes})`,
      ended_by: 'agent',
      last_seq: past.thread.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [index, text] of past.thread.entries()) {
    const fromCustomer = index % 2 === 0;
    await db
      .insertInto('messages')
      .values({
        conversation_id: row.id,
        seq: index + 1,
        author_kind: fromCustomer ? 'customer' : 'agent',
        author_id: fromCustomer ? ids.customerId : ids.agentId,
        author_name: fromCustomer ? customerName : agentName,
        text,
        created_at: sql`${arrived} + make_interval(mins => ${PAST_TIMING.messageAfterMinutes(index)})`,
      })
      .execute();
  }
}
