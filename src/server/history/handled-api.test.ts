import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { HandledPageSchema, type HandledQuery } from '../../contract/history';
import { HANDLED_SEARCH_MAX_LENGTH, HISTORY_PAGE_MAX } from '../../contract/limits';
import { describeEachBackend } from '../test-support/databases';
import { addAgent, useTestServer, type QueueName, type Staff } from '../test-support/test-server';
import { toAgent, transferTo } from '../test-support/transfers';

interface Row {
  id: string;
  customer: string;
  arrivedAt: string;
  endedAt: string;
}

describeEachBackend('History list of handled conversations', (backend) => {
  const server = useTestServer(backend);
  let hana: Staff; // agent, Support and Sales: the subject of most tests
  let ivan: Staff; // agent, Support only
  let sara: Staff; // supervisor
  let adam: Staff; // admin
  let anna: Staff;
  /** Hana's conversations, as the list must show them. */
  let mine: Row[];
  /** Ended conversations Hana did not handle. */
  let others: string[];
  let live: { held: string; transferredAway: string };

  async function customer(name: string, email: string, phone: string | null) {
    const [row] = await server.db.query<{ id: string }>('INSERT INTO customers (name, email, phone) VALUES ($1, $2, $3) RETURNING id', [
      name,
      email,
      phone,
    ]);
    return row!.id;
  }

  async function ended(p: { customerId: string; queue: QueueName; agentId: string | null; arrivedAt: string; endedAt: string; id?: string }) {
    const [row] = await server.db.query<{ id: string }>(
      `INSERT INTO conversations (id, customer_id, queue_id, source, destination, state, agent_id, arrived_at, ended_at, ended_by)
       SELECT $1, $2, q.id, 'src', q.address, 'ended', $4::uuid, $5::timestamptz, $6::timestamptz, 'agent' FROM queues q WHERE q.id = $3
       RETURNING id`,
      [p.id ?? randomUUID(), p.customerId, server.queueIds[p.queue], p.agentId, p.arrivedAt, p.endedAt],
    );
    return row!.id;
  }

  async function transferredAway(conversationId: string, from: string, to: { queue?: QueueName; agentId?: string }) {
    await server.db.query(
      `INSERT INTO transfers (conversation_id, from_agent_id, from_queue_id, to_queue_id, to_agent_id, note)
       VALUES ($1, $2, $3, $4, $5, NULL)`,
      [conversationId, from, server.queueIds.Support, to.queue ? server.queueIds[to.queue] : null, to.agentId ?? null],
    );
  }

  beforeAll(async () => {
    [sara, adam, anna] = await Promise.all([server.staff('sara'), server.staff('adam'), server.staff('anna')]);
    hana = await addAgent(server, 'hana', ['Support', 'Sales']);
    ivan = await addAgent(server, 'ivan', ['Support']);

    const zoe = await customer('Zoë Fischer', 'zoe_fischer@example.com', '+49 30 1234 5678');
    const percent = await customer('Perc 100% Kunde', 'percent@example.com', null);
    const olga = await customer('Olga Petrova', 'OLGA.P@Example.com', '+7 495 000 1122');
    const max = await customer('Max Mustermann', 'maxm@example.com', '+49 171 555 0000');
    const stranger = await customer('Stranger Danger', 'stranger@example.com', null);

    // Arrival order differs from end order; two rows share an end time to the microsecond.
    const plan: (Omit<Row, 'id'> & { customerId: string; queue: QueueName; how: 'held' | 'transferred' })[] = [
      { customer: 'Zoë Fischer', customerId: zoe, queue: 'Support', arrivedAt: '2024-01-01T09:00:00.000000Z', endedAt: '2024-01-05T10:00:00.000000Z', how: 'held' },
      { customer: 'Perc 100% Kunde', customerId: percent, queue: 'Sales', arrivedAt: '2024-01-02T09:00:00.000000Z', endedAt: '2024-01-02T09:30:00.000000Z', how: 'held' },
      { customer: 'Olga Petrova', customerId: olga, queue: 'Support', arrivedAt: '2024-01-03T09:00:00.000000Z', endedAt: '2024-01-04T12:00:00.123456Z', how: 'transferred' },
      { customer: 'Max Mustermann', customerId: max, queue: 'Support', arrivedAt: '2024-01-03T09:00:00.000000Z', endedAt: '2024-01-04T12:00:00.123456Z', how: 'held' },
      { customer: 'Zoë Fischer', customerId: zoe, queue: 'Sales', arrivedAt: '2024-01-06T09:00:00.000001Z', endedAt: '2024-01-06T09:10:00.000000Z', how: 'transferred' },
    ];
    mine = [];
    for (const [i, p] of plan.entries()) {
      const id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
      await ended({ id, customerId: p.customerId, queue: p.queue, agentId: p.how === 'held' ? hana.user.id : ivan.user.id, arrivedAt: p.arrivedAt, endedAt: p.endedAt });
      if (p.how === 'transferred') await transferredAway(id, hana.user.id, { agentId: ivan.user.id });
      mine.push({ id, customer: p.customer, arrivedAt: p.arrivedAt, endedAt: p.endedAt });
    }

    // Not Hana's: Ivan's own, one ended without any agent, and one Ivan transferred to Hana (she never held it).
    others = [
      await ended({ customerId: stranger, queue: 'Support', agentId: ivan.user.id, arrivedAt: '2024-01-02T10:00:00Z', endedAt: '2024-01-02T11:00:00Z' }),
      await ended({ customerId: stranger, queue: 'Support', agentId: null, arrivedAt: '2024-01-02T12:00:00Z', endedAt: '2024-01-02T12:05:00Z' }),
    ];
    const toHana = await ended({ customerId: max, queue: 'Support', agentId: null, arrivedAt: '2024-01-07T10:00:00Z', endedAt: '2024-01-07T11:00:00Z' });
    await transferredAway(toHana, ivan.user.id, { agentId: hana.user.id });
    others.push(toHana);

    // Still open: held by Hana, and transferred away by her but not yet ended.
    const heldChat = await server.startChat('Support', { name: 'Open Olive', email: 'olive@example.com' });
    await server.picked(hana, heldChat.conversationId);
    const awayChat = await server.startChat('Support', { name: 'Open Otto', email: 'otto@example.com' });
    await server.picked(hana, awayChat.conversationId);
    await transferTo(server, hana, awayChat.conversationId, toAgent(ivan));
    live = { held: heldChat.conversationId, transferredAway: awayChat.conversationId };
  });

  const url = (q: HandledQuery = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v !== undefined) params.set(k, String(v));
    const search = params.toString();
    return `/api/conversations/handled${search ? `?${search}` : ''}`;
  };
  const page = async (staff: Staff, q: HandledQuery = {}) => (await server.get(url(q), staff)).expect(200, HandledPageSchema);
  const ids = async (staff: Staff, q: HandledQuery = {}) => (await page(staff, q)).conversations.map((c) => c.id);

  /** Hana's rows in the server's order: by the sort key, then id, in the direction asked. */
  function expected(sort: 'arrived' | 'ended' = 'ended', order: 'newest' | 'oldest' = 'newest', rows = mine) {
    const key = (r: Row) => (sort === 'arrived' ? r.arrivedAt : r.endedAt);
    const sorted = [...rows].sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
    return (order === 'newest' ? sorted.reverse() : sorted).map((r) => r.id);
  }

  async function walk(staff: Staff, q: HandledQuery, limit: number) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 1; ; pages++) {
      const p = await page(staff, { ...q, limit, cursor });
      seen.push(...p.conversations.map((c) => c.id));
      if (p.nextCursor === null) return { seen, pages };
      expect(p.conversations).toHaveLength(limit);
      cursor = p.nextCursor;
      if (pages > 20) throw new Error('pagination does not end');
    }
  }

  describe('contents', () => {
    it('lists the ended conversations I held at the end or transferred away, last ended first', async () => {
      const result = await page(hana);
      expect(result.conversations.map((c) => c.id)).toEqual(expected());
      expect(result.nextCursor).toBeNull();
      for (const id of [...others, live.held, live.transferredAway]) expect(result.conversations.map((c) => c.id)).not.toContain(id);
      expect(result.conversations.every((c) => c.state === 'ended')).toBe(true);
      expect(result.conversations[0]).toMatchObject({ customer: { name: 'Zoë Fischer' }, queue: { name: 'Sales' }, agent: { id: ivan.user.id } });
    });

    it('includes a conversation once it ends after I transferred it away', async () => {
      const pia = await addAgent(server, 'pia', ['Support']);
      const chat = await server.startChat('Support', { name: 'Late Lena', email: `lena-${randomUUID()}@example.com` });
      await server.picked(pia, chat.conversationId);
      await transferTo(server, pia, chat.conversationId, toAgent(ivan), 'Your turn.');
      expect(await ids(pia)).toEqual([]);
      await server.picked(ivan, chat.conversationId);
      (await server.end(ivan, chat.conversationId)).expect(200, ConversationResponseSchema);
      expect(await ids(pia)).toEqual([chat.conversationId]);
      expect(await ids(ivan, { search: 'Late Lena' })).toEqual([chat.conversationId]);
      // And Pia may open it from there, although it ended in Ivan's hands.
      (await server.get(`/api/conversations/${chat.conversationId}`, pia)).expect(200, ConversationResponseSchema);
    });

    it('sorts by arrival or end, newest or oldest first, with the id breaking ties', async () => {
      for (const sort of ['arrived', 'ended'] as const) {
        for (const order of ['newest', 'oldest'] as const) {
          expect(await ids(hana, { sort, order }), `${sort} ${order}`).toEqual(expected(sort, order));
        }
      }
      expect(expected('arrived')).not.toEqual(expected('ended'));
    });

    it('pages through every item exactly once, in every sort and order', async () => {
      for (const sort of ['arrived', 'ended'] as const) {
        for (const order of ['newest', 'oldest'] as const) {
          for (const limit of [1, 2, 4, 5, 6]) {
            const { seen, pages } = await walk(hana, { sort, order }, limit);
            expect(seen, `${sort} ${order} ${limit}`).toEqual(expected(sort, order));
            expect(pages).toBe(Math.max(1, Math.ceil(mine.length / limit)));
          }
        }
      }
    });
  });

  describe('search', () => {
    it('matches part of the name, email or phone in any case', async () => {
      const only = (...names: string[]) => expected('ended', 'newest', mine.filter((r) => names.includes(r.customer)));
      expect(await ids(hana, { search: 'fisch' })).toEqual(only('Zoë Fischer'));
      expect(await ids(hana, { search: 'PETROVA' })).toEqual(only('Olga Petrova'));
      expect(await ids(hana, { search: 'olga.p@example' })).toEqual(only('Olga Petrova'));
      expect(await ids(hana, { search: '555 0000' })).toEqual(only('Max Mustermann'));
      expect(await ids(hana, { search: '+49' })).toEqual(only('Zoë Fischer', 'Max Mustermann'));
      expect(await ids(hana, { search: '  mustermann ' })).toEqual(only('Max Mustermann'));
      expect(await ids(hana, { search: 'Stranger' })).toEqual([]);
      expect(await ids(hana, { search: '' })).toEqual(expected());
    });

    it('takes LIKE wildcards literally', async () => {
      expect(await ids(hana, { search: '%' })).toEqual(expected('ended', 'newest', mine.filter((r) => r.customer === 'Perc 100% Kunde')));
      expect(await ids(hana, { search: '_' })).toEqual(expected('ended', 'newest', mine.filter((r) => r.customer === 'Zoë Fischer')));
      expect(await ids(hana, { search: '\\' })).toEqual([]);
      expect(await ids(hana, { search: "'; DROP TABLE conversations; --" })).toEqual([]);
    });

    it('pages within a search', async () => {
      const { seen } = await walk(hana, { search: 'example.com' }, 2);
      expect(seen).toEqual(expected());
    });

    it('refuses an over-long search and other bad parameters with 400', async () => {
      const tooLong = (await server.get(url({ search: 'x'.repeat(HANDLED_SEARCH_MAX_LENGTH + 1) }), hana)).expectError(400, 'invalid_request');
      expect(tooLong.fields).toHaveProperty('search');
      for (const bad of ['sort=name', 'order=random', 'limit=0', `limit=${HISTORY_PAGE_MAX + 1}`, 'limit=lots']) {
        (await server.get(`/api/conversations/handled?${bad}`, hana)).expectError(400, 'invalid_request');
      }
    });
  });

  describe('cursor', () => {
    it('refuses a forged cursor, or one from another search, sort or order', async () => {
      const first = await page(hana, { limit: 2 });
      const cursor = first.nextCursor!;
      for (const other of [{ sort: 'arrived' as const }, { order: 'oldest' as const }, { search: 'fisch' }]) {
        const error = (await server.get(url({ limit: 2, cursor, ...other }), hana)).expectError(400, 'invalid_request');
        expect(error.fields).toHaveProperty('cursor');
      }
      const forged = [
        'not-a-cursor',
        Buffer.from(JSON.stringify({ s: 'ended', o: 'newest', q: '', t: "2024'; --", i: randomUUID() })).toString('base64url'),
        Buffer.from(JSON.stringify({ o: 'newest', t: '2024-01-01T00:00:00.000000Z', i: randomUUID() })).toString('base64url'),
      ];
      for (const bad of forged) (await server.get(url({ cursor: bad }), hana)).expectError(400, 'invalid_request');
    });
  });

  describe('rights', () => {
    it('shows each agent only their own; supervisors and admins every ended conversation', async () => {
      const ivans = await ids(ivan);
      expect(ivans).toEqual(expect.arrayContaining([others[0]!, mine[2]!.id, mine[4]!.id]));
      expect(ivans).not.toContain(mine[0]!.id);
      expect(ivans).not.toContain(others[1]!);
      // Serving the same queues does not make someone else's conversation mine.
      expect(await ids(await addAgent(server, 'kai', ['Support', 'Sales']))).toEqual([]);
      expect(await ids(anna)).not.toEqual(expect.arrayContaining([mine[0]!.id]));

      for (const staff of [sara, adam]) {
        const all = (await walk(staff, {}, 100)).seen;
        expect(all).toEqual(expect.arrayContaining([...mine.map((r) => r.id), ...others]));
        expect(all).not.toContain(live.held);
        expect(all).not.toContain(live.transferredAway);
      }
    });

    it('refuses customers and anonymous callers with 401', async () => {
      const chat = await server.startChat('Support');
      (await server.get('/api/conversations/handled', chat.token)).expectError(401, 'unauthenticated');
      (await server.get('/api/conversations/handled')).expectError(401, 'unauthenticated');
    });
  });

  describe('routing', () => {
    it('answers /api/conversations/handled with the list, not as a conversation id', async () => {
      const res = await server.get('/api/conversations/handled', hana);
      expect(res.status, res.text).toBe(200);
      expect(HandledPageSchema.safeParse(res.json()).success).toBe(true);
      expect(ConversationResponseSchema.safeParse(res.json()).success).toBe(false);
      // The parametric routes still work around it.
      const conversation = (await server.get(`/api/conversations/${mine[0]!.id}`, hana)).expect(200, ConversationResponseSchema).conversation;
      expect(conversation.id).toBe(mine[0]!.id);
      (await server.get('/api/conversations/handled/messages', hana)).expectError(404, 'not_found');
      (await server.request('POST', '/api/conversations/handled', { auth: hana })).expectError(404, 'not_found');
      expect((await server.get('/api/conversations/Handled', hana)).status).toBe(404);
    });
  });
});
