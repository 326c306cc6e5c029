import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandledPageSchema } from '../contract/history';
import { MESSAGE_PAGE_MAX } from '../contract/limits';
import { MessagePageSchema } from '../contract/messages';
import { QueueDashboardSchema } from '../contract/supervision';
import { createTestDatabase, describeEachBackend, type Backend } from './test-support/databases';
import { countStatements, type StatementCounter } from './test-support/statement-counter';
import { TestServer, type Staff } from './test-support/test-server';

/**
 * The reads of the conversation lists, the unread totals, History, customer history, threads,
 * notes, transfers, the audit trail and the supervisor dashboard run a fixed number of SQL statements, whatever the page size and however
 * many rows the workspace holds: no statement per row. Counts, never times.
 */
describeEachBackend('Statements per read', (backend: Backend) => {
  let server: TestServer;
  let counter: StatementCounter;
  let dispose: () => Promise<void>;
  let anna: Staff;
  let sara: Staff;
  /** Anna's open conversation with the regular customer: messages, notes and transfers pile up here. */
  let busy: string;

  beforeAll(async () => {
    const testDb = await createTestDatabase(backend.kind);
    counter = countStatements(testDb.db);
    server = await TestServer.onDatabase(counter.db, { seed: true });
    counter.track(server.app);
    dispose = () => testDb.dispose();
    [anna, sara] = await Promise.all([server.staff('anna'), server.staff('sara')]);
    const [row] = await server.db.query<{ id: string }>(
      `WITH cu AS (INSERT INTO customers (name, email, phone) VALUES ('Rita Regular', 'rita@example.com', '+46 70 111 2222') RETURNING id)
       INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, picked_at)
       SELECT cu.id, $1, 'rita@example.com', 'support@acme.example', 'picked', $2, now() FROM cu RETURNING id`,
      [server.queueIds.Support, anna.user.id],
    );
    busy = row!.id;
  });
  afterAll(async () => {
    await server?.close();
    await dispose?.();
  });

  /** Adds `n` of everything the reads list: ended conversations (some of Anna's, some handed on by her), messages, notes, transfers, waiting chats. */
  async function grow(n: number) {
    const db = server.db;
    await db.query(
      `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, arrived_at, picked_at, ended_at, ended_by)
       SELECT c.customer_id, c.queue_id, c.source, c.destination, 'ended', CASE WHEN g % 2 = 0 THEN $3::uuid ELSE $4::uuid END,
         now() - make_interval(hours => g), now() - make_interval(hours => g), now() - make_interval(hours => g) + interval '5 minutes', 'agent'
       FROM conversations c CROSS JOIN generate_series(1, $2::int) g WHERE c.id = $1`,
      [busy, n, anna.user.id, sara.user.id],
    );
    await db.query(
      `INSERT INTO transfers (conversation_id, from_agent_id, from_queue_id, to_queue_id)
       SELECT c.id, $2, c.queue_id, c.queue_id FROM conversations c WHERE c.customer_id = (SELECT customer_id FROM conversations WHERE id = $1)
         AND c.state = 'ended' AND c.agent_id <> $2
       UNION ALL SELECT $1, $2, $3, $3 FROM generate_series(1, 3)`,
      [busy, anna.user.id, server.queueIds.Support],
    );
    await db.query(
      `WITH next AS (SELECT COALESCE(max(seq), 0) AS seq FROM messages WHERE conversation_id = $1)
       INSERT INTO messages (conversation_id, seq, author_kind, author_name, text)
       SELECT $1, next.seq + g, 'customer', 'Rita Regular', 'Line ' || g FROM next CROSS JOIN generate_series(1, $2::int) g`,
      [busy, n],
    );
    await db.query(`UPDATE conversations SET last_seq = (SELECT max(seq) FROM messages WHERE conversation_id = $1) WHERE id = $1`, [busy]);
    await db.query(
      `INSERT INTO notes (conversation_id, client_note_id, author_id, author_name, text)
       SELECT $1, gen_random_uuid(), $2, 'Anna', 'Note ' || g FROM generate_series(1, $3::int) g`,
      [busy, anna.user.id, n],
    );
    // Survey answers of the ended ones: the supervisors' rating figures grow too.
    await db.query(
      `INSERT INTO conversation_ratings (conversation_id, rating, queue_id, agent_id, created_at)
       SELECT c.id, 1 + (extract(epoch FROM c.arrived_at)::bigint % 5), c.queue_id, c.agent_id, c.ended_at FROM conversations c
       WHERE c.state = 'ended' AND c.customer_id = (SELECT customer_id FROM conversations WHERE id = $1) ON CONFLICT DO NOTHING`,
      [busy],
    );
    // Waiting chats on several channels: the dashboard's per-channel rows grow too.
    await db.query(
      `INSERT INTO conversations (customer_id, queue_id, channel, source, destination, state)
       SELECT customer_id, queue_id, (ARRAY['webchat', 'sms', 'whatsapp'])[1 + g % 3], source, destination, 'queued'
       FROM conversations CROSS JOIN generate_series(1, $2::int) g WHERE id = $1`,
      [busy, n],
    );
    // More that Anna holds, each with an unread customer message: her unread totals and list grow.
    await db.query(
      `WITH held AS (
         INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, picked_at, last_seq)
         SELECT customer_id, queue_id, source, destination, 'picked', $3, now(), 1 FROM conversations CROSS JOIN generate_series(1, $2::int) WHERE id = $1
         RETURNING id)
       INSERT INTO messages (conversation_id, seq, author_kind, author_name, text) SELECT id, 1, 'customer', 'Rita Regular', 'Hello' FROM held`,
      [busy, n, anna.user.id],
    );
  }

  const reads = (small: boolean) => {
    const [page, thread] = small ? [5, 10] : [50, MESSAGE_PAGE_MAX];
    const c = `/api/conversations/${busy}`;
    return {
      'History (agent)': [anna, `/api/conversations/handled?limit=${page}`],
      'History (supervisor)': [sara, `/api/conversations/handled?limit=${page}`],
      'History search (agent)': [anna, `/api/conversations/handled?search=rita&limit=${page}`],
      'History search (supervisor)': [sara, `/api/conversations/handled?search=RITA&sort=arrived&order=oldest&limit=${page}`],
      'customer history (agent)': [anna, `${c}/history?limit=${page}`],
      'customer history (supervisor)': [sara, `${c}/history?limit=${page}`],
      'thread: newest page': [anna, `${c}/messages?limit=${thread}`],
      'thread: older page': [anna, `${c}/messages?before=${small ? 20 : 400}&limit=${thread}`],
      notes: [anna, `${c}/notes`],
      transfers: [anna, `${c}/transfers`],
      'audit trail': [sara, `${c}/audit`],
      'queue dashboard': [sara, '/api/supervisor/queues'],
      'agent statuses': [sara, '/api/supervisor/agents'],
      'satisfaction ratings': [sara, `/api/supervisor/ratings?today=${encodeURIComponent(new Date().toISOString())}`],
      'unread totals': [anna, '/api/conversations/unread'],
      picklist: [anna, `/api/conversations?view=picklist&limit=${page}`],
      'mine (unread first)': [anna, `/api/conversations?view=mine&sort=unread-first&limit=${page}`],
      offers: [anna, '/api/conversations?view=offers'],
      'open conversations (supervisor)': [sara, `/api/supervisor/conversations?limit=${page}`],
    } satisfies Record<string, [Staff, string]>;
  };

  async function countAll(small: boolean) {
    const counts: Record<string, number> = {};
    for (const [name, [staff, url]] of Object.entries(reads(small))) {
      const { result, statements } = await counter.count(() => server.get(url, staff));
      expect(result.status, `${name}: ${result.text}`).toBe(200);
      counts[name] = statements;
    }
    return counts;
  }

  /** Sign-in check (session with the security settings) is 1; then the read's own statements. */
  const EXPECTED = {
    'History (agent)': 2,
    'History (supervisor)': 2,
    'History search (agent)': 2,
    'History search (supervisor)': 2,
    'customer history (agent)': 3,
    'customer history (supervisor)': 3,
    'thread: newest page': 3,
    'thread: older page': 3,
    notes: 3,
    transfers: 3,
    // Its events, reassignments, refused uploads, the end's reason (wrap-up) and the rating: one statement each.
    'audit trail': 7,
    'queue dashboard': 6, // the open conversations per channel, and the queues' hours and waiting counts (closed, full): one statement each, however many
    'agent statuses': 3,
    'satisfaction ratings': 2,
    'unread totals': 2,
    picklist: 3,
    'mine (unread first)': 3,
    offers: 3,
    'open conversations (supervisor)': 3,
  };

  describe('with a few rows and with many', () => {
    it('runs the same statements at a small and a large page, and after the data grew tenfold', async () => {
      await grow(8);
      const few = { small: await countAll(true), large: await countAll(false) };
      await grow(80);
      const many = { small: await countAll(true), large: await countAll(false) };
      expect(few.small).toEqual(EXPECTED);
      expect(few.large).toEqual(EXPECTED);
      expect(many.small).toEqual(EXPECTED);
      expect(many.large).toEqual(EXPECTED);
      // The large pages were full pages, not empty answers.
      expect((await server.get('/api/conversations/handled?limit=50', sara)).expect(200, HandledPageSchema).conversations).toHaveLength(50);
      expect((await server.get(`/api/conversations/${busy}/messages?limit=${MESSAGE_PAGE_MAX}`, anna)).expect(200, MessagePageSchema).messages).toHaveLength(88);
      // The dashboard counted several channels in its one per-channel statement.
      const dashboard = (await server.get('/api/supervisor/queues', sara)).expect(200, QueueDashboardSchema);
      expect(dashboard.channels?.map((c) => c.channel)).toEqual(['webchat', 'sms', 'whatsapp']);
    });
  });
});
