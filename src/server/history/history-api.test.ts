import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ConversationResponseSchema } from '../../contract/conversations';
import { CustomerHistoryPageSchema, type HistoryOrder } from '../../contract/history';
import { HISTORY_PAGE_MAX, HISTORY_PAGE_SIZE } from '../../contract/limits';
import { describeEachBackend } from '../test-support/databases';
import { insertConversation } from '../test-support/side-drawer';
import { useDemoStaff, useTestServer, type Chat, type QueueName, type Staff } from '../test-support/test-server';

interface Earlier {
  id: string;
  queue: QueueName;
  arrivedAt: string;
  agentId: string | null;
}

describeEachBackend('Customer history', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server, { sam: ['Sales'] });
  let current: Chat; // the Support conversation the drawer is open on
  let liveSales: Chat; // the same customer, writing into Sales right now
  let earlier: Earlier[];

  /** Newest first by arrival, ties by id, as the server sorts. */
  const newestFirst = (a: { arrivedAt: string; id: string }, b: { arrivedAt: string; id: string }) =>
    b.arrivedAt.localeCompare(a.arrivedAt) || b.id.localeCompare(a.id);

  beforeAll(async () => {
    // Verified starts with one site id: the same customer (typed emails join nothing).
    const customerId = `history-${randomUUID()}`;
    current = await server.startChat('Support', { customerId, name: 'Hana History' });
    liveSales = await server.startChat('Sales', { customerId, text: 'Also a sales question' });
    const [row] = await server.db.query<{ customer_id: string }>('SELECT customer_id FROM conversations WHERE id = $1', [current.conversationId]);
    const customerRecordId = row!.customer_id;

    // Fixed ids make the tie-break order known; two pairs share a millisecond or the exact time.
    const plan: Omit<Earlier, 'id'>[] = [
      { queue: 'Support', arrivedAt: '2024-01-05T09:00:00.000000Z', agentId: demo.anna.user.id },
      { queue: 'Sales', arrivedAt: '2024-02-10T12:30:00.123456Z', agentId: demo.ben.user.id },
      { queue: 'Support', arrivedAt: '2024-02-10T12:30:00.123789Z', agentId: null },
      { queue: 'Sales', arrivedAt: '2024-03-01T08:00:00.000000Z', agentId: demo.anna.user.id },
      { queue: 'Support', arrivedAt: '2024-03-15T17:45:00.500000Z', agentId: demo.ben.user.id },
      { queue: 'Support', arrivedAt: '2024-03-15T17:45:00.500000Z', agentId: demo.anna.user.id },
      { queue: 'Sales', arrivedAt: '2024-04-20T10:00:00.000000Z', agentId: demo.sam.user.id },
    ];
    earlier = [];
    for (const [index, p] of plan.entries()) {
      const id = `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
      await insertConversation(server, { id, customerId: customerRecordId, ...p });
      earlier.push({ id, ...p });
    }
    // Another customer's conversation must never show up.
    await server.startChat('Support', { text: 'Someone else entirely' });
  });

  const historyUrl = (id: string, q: { order?: HistoryOrder; cursor?: string; limit?: number } = {}) => {
    const params = new URLSearchParams();
    if (q.order) params.set('order', q.order);
    if (q.cursor) params.set('cursor', q.cursor);
    if (q.limit !== undefined) params.set('limit', String(q.limit));
    const search = params.toString();
    return `/api/conversations/${id}/history${search ? `?${search}` : ''}`;
  };

  const page = async (staff: Staff, id: string, q: Parameters<typeof historyUrl>[1] = {}) =>
    (await server.get(historyUrl(id, q), staff)).expect(200, CustomerHistoryPageSchema);

  /** Follows nextCursor to the end; returns the ids and how many pages it took. */
  async function walk(staff: Staff, id: string, order: HistoryOrder, limit: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const p = await page(staff, id, { order, limit, cursor });
      pages++;
      expect(p.conversations.length).toBeLessThanOrEqual(limit);
      ids.push(...p.conversations.map((c) => c.id));
      if (p.nextCursor === null) return { ids, pages };
      expect(p.conversations).toHaveLength(limit);
      cursor = p.nextCursor;
      if (pages > 50) throw new Error('pagination does not end');
    }
  }

  /** What `staff` should see: every other conversation of the customer they may view, newest first. */
  function expectedFor(staff: Staff) {
    const live = { id: liveSales.conversationId, queue: 'Sales' as const, arrivedAt: '9999', agentId: null };
    return [live, ...[...earlier].sort(newestFirst)]
      .filter((c) => staff.user.role !== 'agent' || staff.user.queueIds.includes(server.queueIds[c.queue]) || c.agentId === staff.user.id)
      .map((c) => c.id);
  }

  it('lists the customer’s other conversations newest first, without the current one', async () => {
    const result = await page(demo.ben, current.conversationId);
    const ids = result.conversations.map((c) => c.id);
    expect(ids).toEqual(expectedFor(demo.ben));
    expect(ids).toHaveLength(8);
    expect(ids).not.toContain(current.conversationId);
    expect(result.nextCursor).toBeNull();
    expect(result.conversations.every((c) => c.customer.id === result.conversations[0]!.customer.id)).toBe(true);
    expect(result.conversations[0]).toMatchObject({ state: 'queued', queue: { name: 'Sales' }, firstMessage: { text: 'Also a sales question' } });
    expect(result.conversations[1]).toMatchObject({ state: 'ended', arrivedAt: '2024-04-20T10:00:00.000Z', agent: { id: demo.sam.user.id } });
  });

  it('lists oldest first on request', async () => {
    const ids = (await page(demo.ben, current.conversationId, { order: 'oldest' })).conversations.map((c) => c.id);
    expect(ids).toEqual([...expectedFor(demo.ben)].reverse());
  });

  it('pages through every item exactly once in both orders, even within one millisecond', async () => {
    for (const limit of [1, 2, 3, 8, 9]) {
      const newest = await walk(demo.ben, current.conversationId, 'newest', limit);
      expect(newest.ids, `limit ${limit}`).toEqual(expectedFor(demo.ben));
      expect(newest.pages).toBe(Math.max(1, Math.ceil(8 / limit)));
      const oldest = await walk(demo.ben, current.conversationId, 'oldest', limit);
      expect(oldest.ids, `limit ${limit}`).toEqual([...expectedFor(demo.ben)].reverse());
    }
  });

  it('uses the default page size and refuses limits out of range', async () => {
    expect(HISTORY_PAGE_SIZE).toBeGreaterThanOrEqual(8);
    expect((await page(demo.ben, current.conversationId)).conversations).toHaveLength(8);
    for (const limit of [0, -1, HISTORY_PAGE_MAX + 1]) {
      (await server.get(historyUrl(current.conversationId, { limit }), demo.ben)).expectError(400, 'invalid_request');
    }
    (await server.get(`${historyUrl(current.conversationId)}?limit=lots`, demo.ben)).expectError(400, 'invalid_request');
    (await server.get(`${historyUrl(current.conversationId)}?order=random`, demo.ben)).expectError(400, 'invalid_request');
  });

  it('refuses a forged, foreign or other-order cursor with 400', async () => {
    const first = await page(demo.ben, current.conversationId, { limit: 2 });
    const cursor = first.nextCursor!;
    const wrongOrder = (await server.get(historyUrl(current.conversationId, { order: 'oldest', cursor }), demo.ben)).expectError(400, 'invalid_request');
    expect(wrongOrder.fields).toHaveProperty('cursor');

    const forged = [
      'not-a-cursor',
      Buffer.from('{"o":"newest"}').toString('base64url'),
      Buffer.from(JSON.stringify({ o: 'newest', t: "2024-01-01'; DROP TABLE notes; --", i: randomUUID() })).toString('base64url'),
      Buffer.from(JSON.stringify({ o: 'newest', t: '2024-01-01T00:00:00.000000Z', i: 'x' })).toString('base64url'),
    ];
    for (const bad of forged) {
      (await server.get(historyUrl(current.conversationId, { cursor: bad }), demo.ben)).expectError(400, 'invalid_request');
    }
  });

  it('shows an agent only the conversations they may view by the usual rules', async () => {
    // Anna serves Support, and held one Sales conversation; the other Sales ones stay hidden.
    const annaIds = (await page(demo.anna, current.conversationId)).conversations.map((c) => c.id);
    expect(annaIds).toEqual(expectedFor(demo.anna));
    expect(annaIds).toContain(earlier[3]!.id);
    expect(annaIds).not.toContain(earlier[1]!.id);
    expect(annaIds).not.toContain(liveSales.conversationId);
    expect((await walk(demo.anna, current.conversationId, 'newest', 1)).ids).toEqual(expectedFor(demo.anna));

    // Every listed item is one the agent may open on its own.
    for (const id of annaIds) (await server.get(`/api/conversations/${id}`, demo.anna)).expect(200, ConversationResponseSchema);

    expect((await page(demo.sara, current.conversationId)).conversations.map((c) => c.id)).toEqual(expectedFor(demo.sara));
    expect(expectedFor(demo.sara)).toHaveLength(8);
  });

  it('answers 404 when the conversation itself is not visible, 401 for customers and anonymous callers', async () => {
    (await server.get(historyUrl(current.conversationId), demo.sam)).expectError(404, 'not_found');
    // From a conversation Sam may view, he sees his own queue's and his own history.
    const samIds = (await page(demo.sam, liveSales.conversationId)).conversations.map((c) => c.id);
    expect(samIds).toEqual(expectedFor(demo.sam).filter((id) => id !== liveSales.conversationId));
    expect(samIds).not.toContain(current.conversationId);

    (await server.get(historyUrl(current.conversationId), current.token)).expectError(401, 'unauthenticated');
    (await server.get(historyUrl(current.conversationId))).expectError(401, 'unauthenticated');
    for (const id of ['not-a-uuid', randomUUID()]) {
      (await server.get(historyUrl(id), demo.sara)).expectError(404, 'not_found');
    }
  });

  it('returns an empty last page for a first-time customer', async () => {
    const chat = await server.startChat('Support', { email: `first-${randomUUID()}@example.com` });
    expect(await page(demo.anna, chat.conversationId)).toEqual({ conversations: [], nextCursor: null });
  });
});
