import type { Database } from '../src/server/db/database';

/** The size of a busy contact center's workspace, as issue 11 states it. */
export const SCALE = {
  customers: 10_000,
  waiting: 1_000,
  offered: 200,
  heldByAnna: 2_000,
  heldByOthers: 1_800,
  ended: 20_000,
  /** Ended conversations of one loyal customer, for the customer history. */
  regularCustomer: 300,
  /** Messages of one long conversation Anna holds, for thread paging. */
  longThread: 20_000,
  extraAgents: 8,
} as const;

export const OPEN = SCALE.waiting + SCALE.offered + SCALE.heldByAnna + SCALE.heldByOthers;
/** 4 per open conversation, 3 per ended one, and the long thread: 100,000. */
export const MESSAGES = OPEN * 4 + SCALE.ended * 3 + SCALE.longThread;

const FIRST = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elif', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jonas', 'Keiko', 'Luca', 'Mei', 'Nia', 'Oskar', 'Pia', 'Quinn', 'Rosa', 'Sven', 'Tariq'];
const LAST = ['Almeida', 'Berg', 'Costa', 'Dvořák', 'Eriksen', 'Fischer', 'García', 'Horvat', 'Ibsen', 'Jovanović', 'Kowalski', 'Lindgren', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quist', 'Rossi', 'Silva', 'Tanaka'];

export interface Seeded {
  /** Anna's conversation with SCALE.longThread + 4 messages. */
  longConversationId: string;
  /** The newest of the SCALE.regularCustomer conversations of one customer. */
  regularConversationId: string;
  /** An agent with offers open right now. */
  offeredAgent: string;
}

/**
 * Adds the contact-center load to a demo workspace with set-based SQL (a statement per kind of
 * row, never one per row): waiting, offered and held conversations across ten agents and three
 * queues (Anna holds 2,000), 20,000 ended ones (a tenth of them transferred away by Anna),
 * 100,000 messages, read markers, notes and an hour of waiting samples; then ANALYZE, as
 * autovacuum would do on a live database.
 */
export async function seedReadLoad(db: Database): Promise<Seeded> {
  await db.query(
    `INSERT INTO users (username, display_name, role, password_hash, capacity)
     SELECT 'agent' || g, 'Agent ' || g, 'agent', (SELECT password_hash FROM users WHERE username = 'anna'), 5
     FROM generate_series(1, $1::int) g`,
    [SCALE.extraAgents],
  );
  await db.query(
    `INSERT INTO queue_agents (queue_id, user_id)
     SELECT q.id, u.id FROM users u JOIN queues q ON q.name = 'Support' OR q.name = (ARRAY['Sales', 'Billing'])[1 + substr(u.username, 6)::int % 2]
     WHERE u.username LIKE 'agent%'`,
  );
  const agents = (await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'agent' ORDER BY username = 'anna' DESC, username`)).map((r) => r.id);
  const queues = (await db.query<{ id: string }>(`SELECT id FROM queues ORDER BY name`)).map((r) => r.id);
  const [anna] = agents as [string];

  await db.query(
    `INSERT INTO customers (name, email, phone)
     SELECT ($2::text[])[1 + (g * 7) % 20] || ' ' || ($3::text[])[1 + (g * 13) % 20] || ' ' || g,
       'customer' || g || '@example.com', '+46 70 ' || lpad(g::text, 7, '0')
     FROM generate_series(1, $1::int) g`,
    [SCALE.customers, FIRST, LAST],
  );
  const customers = `(SELECT id, row_number() OVER (ORDER BY email) AS n FROM customers WHERE email LIKE 'customer%@example.com')`;

  // Open: g 1..1000 waiting, then offered, then Anna's, then the other agents'.
  const w = SCALE.waiting;
  const o = w + SCALE.offered;
  const a = o + SCALE.heldByAnna;
  await db.query(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, offered_to_agent_id, offer_expires_at,
       arrived_at, picked_at, last_seq)
     SELECT cu.id, q.id, 'customer' || g || '@example.com', q.address,
       CASE WHEN g <= $2 THEN 'queued' WHEN g <= $3 THEN 'offered' ELSE 'picked' END,
       CASE WHEN g <= $3 THEN NULL WHEN g <= $4 THEN $6::uuid ELSE ($7::uuid[])[2 + g % ($8 - 1)] END,
       CASE WHEN g > $2 AND g <= $3 THEN ($7::uuid[])[1 + g % $8] END,
       CASE WHEN g > $2 AND g <= $3 THEN now() + interval '1 day' END,
       now() - make_interval(secs => g * 17), CASE WHEN g > $3 THEN now() - make_interval(secs => g * 17 - 30) END, 4
     FROM generate_series(1, $1::int) g
     JOIN ${customers} cu ON cu.n = 1 + (g * 3) % $9
     JOIN queues q ON q.id = ($5::uuid[])[1 + g % 3]`,
    [OPEN, w, o, a, queues, anna, agents, agents.length, SCALE.customers],
  );
  // Ended: the first ones belong to the regular customer (customer 1, who also has an open one).
  await db.query(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, arrived_at, picked_at, ended_at, ended_by, last_seq)
     SELECT cu.id, q.id, 'customer' || cu.n || '@example.com', q.address, 'ended', ($4::uuid[])[1 + g % $5],
       now() - make_interval(secs => 86400 + g * 360), now() - make_interval(secs => 86400 + g * 360 - 60),
       now() - make_interval(secs => 86400 + g * 360 - 600), 'agent', 3
     FROM generate_series(1, $1::int) g
     JOIN ${customers} cu ON cu.n = CASE WHEN g <= $2 THEN 1 ELSE 1 + (g * 7) % $6 END
     JOIN queues q ON q.id = ($3::uuid[])[1 + g % 3]`,
    [SCALE.ended, SCALE.regularCustomer, queues, agents, agents.length, SCALE.customers],
  );
  // Anna handed on a tenth of the ended conversations she did not end herself.
  await db.query(
    `INSERT INTO transfers (conversation_id, from_agent_id, from_queue_id, to_queue_id, note, created_at)
     SELECT c.id, $1, c.queue_id, c.queue_id, 'Over to you', c.picked_at + interval '2 minutes'
     FROM conversations c WHERE c.state = 'ended' AND c.agent_id <> $1 AND abs(hashtext(c.id::text)) % 9 = 0`,
    [anna],
  );
  await db.query(
    `INSERT INTO messages (conversation_id, seq, author_kind, author_id, author_name, text, created_at)
     SELECT c.id, m.seq,
       CASE m.seq WHEN 2 THEN 'system' WHEN 3 THEN 'agent' ELSE 'customer' END,
       CASE m.seq WHEN 2 THEN NULL WHEN 3 THEN COALESCE(c.agent_id, $1::uuid) ELSE c.customer_id END,
       CASE m.seq WHEN 2 THEN 'System' WHEN 3 THEN 'Agent' ELSE 'Customer' END,
       CASE m.seq WHEN 1 THEN 'Hello, I have a question about my order' WHEN 2 THEN 'Agent joined the conversation.'
         WHEN 3 THEN 'Let me check that for you.' ELSE 'Thanks, any news?' END,
       c.arrived_at + make_interval(secs => m.seq * 5)
     FROM conversations c CROSS JOIN generate_series(1, 4) m(seq)
     WHERE c.customer_id IN (SELECT id FROM customers WHERE email LIKE 'customer%@example.com') AND m.seq <= c.last_seq`,
    [anna],
  );
  const [long] = await db.query<{ id: string }>(
    `SELECT id FROM conversations WHERE state = 'picked' AND agent_id = $1 ORDER BY arrived_at DESC, id LIMIT 1`,
    [anna],
  );
  await db.query(
    `INSERT INTO messages (conversation_id, seq, author_kind, author_id, author_name, text, created_at)
     SELECT $1, 4 + g, CASE WHEN g % 2 = 0 THEN 'agent' ELSE 'customer' END, NULL, CASE WHEN g % 2 = 0 THEN 'Anna' ELSE 'Customer' END,
       'Line ' || g || ' of a long conversation about an order that keeps changing',
       now() - make_interval(secs => $2 - g)
     FROM generate_series(1, $2::int) g`,
    [long!.id, SCALE.longThread],
  );
  await db.query('UPDATE conversations SET last_seq = 4 + $2 WHERE id = $1', [long!.id, SCALE.longThread]);
  await db.query(
    `INSERT INTO read_markers (user_id, conversation_id, last_read_seq)
     SELECT $1, c.id, 1 + abs(hashtext(c.id::text)) % 4 FROM conversations c WHERE c.state = 'picked' AND c.agent_id = $1`,
    [anna],
  );
  await db.query(
    `INSERT INTO notes (conversation_id, client_note_id, author_id, author_name, text)
     SELECT $1, gen_random_uuid(), $2, 'Anna', 'Note ' || g FROM generate_series(1, 20) g`,
    [long!.id, anna],
  );
  await db.query(
    `INSERT INTO queue_waiting_samples (queue_id, sampled_at, waiting)
     SELECT q.id, now() - make_interval(mins => g), 300 + g FROM queues q CROSS JOIN generate_series(1, 59) g`,
  );
  await db.exec('ANALYZE');

  const [regular] = await db.query<{ id: string }>(
    `SELECT c.id FROM conversations c JOIN customers cu ON cu.id = c.customer_id
     WHERE cu.email = 'customer1@example.com' ORDER BY c.arrived_at DESC LIMIT 1`,
  );
  const [offered] = await db.query<{ username: string }>(
    `SELECT u.username FROM conversations c JOIN users u ON u.id = c.offered_to_agent_id WHERE c.state = 'offered' LIMIT 1`,
  );
  return { longConversationId: long!.id, regularConversationId: regular!.id, offeredAgent: offered!.username };
}
