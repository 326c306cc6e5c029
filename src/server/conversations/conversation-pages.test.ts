import { beforeAll, describe, expect, it } from 'vitest';
import { ConversationPageSchema, ConversationResponseSchema, type Conversation, type ConversationPage } from '../../contract/conversations';
import { MarkReadResponseSchema } from '../../contract/read-markers';
import { TransferResponseSchema } from '../../contract/transfers';
import { ConversationSortSchema, type ConversationSort } from '../../contract/preferences';
import { listOrder, type ListKind } from '../../contract/list-order';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Chat, type Staff } from '../test-support/test-server';

describeEachBackend('Paged conversation lists', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff;
  let ben: Staff;
  let sara: Staff;
  const held: Chat[] = [];

  const page = async (who: Staff, url: string): Promise<ConversationPage> => (await server.get(url, who)).expect(200, ConversationPageSchema);
  const mineUrl = (sort: ConversationSort, limit: number, cursor?: string) =>
    `/api/conversations?view=mine&sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

  /** Follows nextCursor to the end: every row once, and how many pages it took. */
  async function walk(who: Staff, first: string): Promise<{ rows: Conversation[]; pages: ConversationPage[] }> {
    const pages: ConversationPage[] = [];
    let url: string | null = first;
    while (url) {
      const p = await page(who, url);
      pages.push(p);
      url = p.nextCursor ? `${first}&cursor=${encodeURIComponent(p.nextCursor)}` : null;
      expect(pages.length).toBeLessThan(50);
    }
    return { rows: pages.flatMap((p) => p.conversations), pages };
  }

  beforeAll(async () => {
    [anna, ben, sara] = await Promise.all([server.staff('anna'), server.staff('ben'), server.staff('sara')]);
    // Anna holds five conversations that differ in every sort key; names in mixed case.
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo']) {
      const chat = await server.startChat('Support', { name, text: `Hello from ${name}` });
      await server.picked(anna, chat.conversationId);
      held.push(chat);
    }
    // Answered: nothing waits for a reply. Then more from the customer: unread grows.
    await server.agentSays(anna, held[1]!.conversationId, 'Hi Alpha');
    await server.customerSays(held[2]!, 'Still there?');
    await server.customerSays(held[2]!, 'Hello?');
    await server.customerSays(held[4]!, 'One more thing');
    const c3 = (await server.get(`/api/conversations/${held[3]!.conversationId}`, anna)).expect(200, ConversationResponseSchema).conversation;
    (await server.request('PUT', `/api/conversations/${held[3]!.conversationId}/read`, { auth: anna, body: { seq: c3.lastSeq } })).expect(200, MarkReadResponseSchema);
  });

  it.each(ConversationSortSchema.options)('pages my conversations sorted by %s on the server, each row once', async (sort) => {
    const all = await page(anna, mineUrl(sort, 200));
    const { rows, pages } = await walk(anna, mineUrl(sort, 2));
    expect(rows.map((c) => c.id)).toEqual(all.conversations.map((c) => c.id));
    expect(new Set(rows.map((c) => c.id)).size).toBe(rows.length);
    expect(pages.length).toBe(Math.ceil(all.total / 2));
    expect(pages.every((p) => p.total === all.total && p.conversations.length <= 2)).toBe(true);
    expect(rows.map((c) => c.id)).toEqual(expect.arrayContaining(held.map((c) => c.conversationId)));
    // The client's comparator agrees with the server's order (it places realtime changes with it).
    const unread = Object.fromEntries(pages.flatMap((p) => p.reads).map((r) => [r.conversationId, r.unreadCount]));
    const kind: ListKind = { view: 'mine', sort };
    expect(rows.slice().sort(listOrder(kind, unread)).map((c) => c.id)).toEqual(rows.map((c) => c.id));
    // Each page brings my read state of its own rows.
    for (const p of pages) expect(p.reads.map((r) => r.conversationId)).toEqual(p.conversations.map((c) => c.id));
  });

  it('orders names without regard to case and counts unread messages per row', async () => {
    const byName = (await page(anna, mineUrl('customer-name', 200))).conversations.map((c) => c.customer.name);
    expect(byName.filter((n) => ['Alpha', 'Bravo', 'charlie', 'delta', 'echo'].includes(n))).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    const unreadFirst = await page(anna, mineUrl('unread-first', 200));
    expect(unreadFirst.conversations[0]!.id).toBe(held[2]!.conversationId);
    expect(unreadFirst.reads[0]).toMatchObject({ conversationId: held[2]!.conversationId, unreadCount: 3 });
    expect(unreadFirst.reads.find((r) => r.conversationId === held[3]!.conversationId)!.unreadCount).toBe(0);
  });

  it("sorts unread first by the holder's own marker, also after the conversation changed hands", async () => {
    const chat = await server.startChat('Support', { name: 'golf' });
    const id = chat.conversationId;
    await server.picked(ben, id);
    await server.customerSays(chat, 'Two');
    const last = await server.customerSays(chat, 'Three');
    (await server.request('PUT', `/api/conversations/${id}/read`, { auth: ben, body: { seq: last.seq } })).expect(200, MarkReadResponseSchema);
    const holderUnread = async () =>
      (await server.db.query<{ n: number }>('SELECT customer_messages - holder_read_messages AS n FROM conversations WHERE id = $1', [id]))[0]!.n;
    expect(await holderUnread()).toBe(0);
    // Ben's reading is his: handed to Anna, all three wait unread for her.
    (await server.request('POST', `/api/conversations/${id}/transfer`, { auth: ben, body: { target: { kind: 'agent', agentId: anna.user.id } } })).expect(200, TransferResponseSchema);
    await server.picked(anna, id);
    expect(await holderUnread()).toBe(3);
    const unreadFirst = await page(anna, mineUrl('unread-first', 200));
    expect(unreadFirst.reads.find((r) => r.conversationId === id)!.unreadCount).toBe(3);
    const unread = Object.fromEntries(unreadFirst.reads.map((r) => [r.conversationId, r.unreadCount]));
    const rows = unreadFirst.conversations;
    expect(rows.slice().sort(listOrder({ view: 'mine', sort: 'unread-first' }, unread)).map((c) => c.id)).toEqual(rows.map((c) => c.id));
    // Her reading moves the row's count too.
    (await server.request('PUT', `/api/conversations/${id}/read`, { auth: anna, body: { seq: last.seq } })).expect(200, MarkReadResponseSchema);
    expect(await holderUnread()).toBe(0);
    (await server.end(anna, id)).expect(200, ConversationResponseSchema);
  });

  it('keeps its place while rows come and go between pages', async () => {
    const first = await page(anna, mineUrl('arrived-oldest', 2));
    const [, second] = first.conversations;
    // A row already shown ends; a new one arrives after everything loaded.
    (await server.end(anna, first.conversations[0]!.id)).expect(200, ConversationResponseSchema);
    const late = await server.startChat('Support', { name: 'foxtrot' });
    await server.picked(anna, late.conversationId);
    let cursor = first.nextCursor;
    const after: string[] = [];
    while (cursor) {
      const p = await page(anna, mineUrl('arrived-oldest', 2, cursor));
      after.push(...p.conversations.map((c) => c.id));
      cursor = p.nextCursor;
    }
    expect(after).not.toContain(second!.id);
    expect(after.at(-1)).toBe(late.conversationId);
    const now = (await page(anna, mineUrl('arrived-oldest', 200))).conversations.map((c) => c.id);
    expect([second!.id, ...after]).toEqual(now.slice(now.indexOf(second!.id)));
  });

  it('ends exactly at a page boundary, and answers an empty list with no cursor', async () => {
    const { total } = await page(anna, mineUrl('arrived-oldest', 1));
    const exact = await page(anna, mineUrl('arrived-oldest', total));
    expect(exact.conversations).toHaveLength(total);
    expect(exact.nextCursor).toBeNull();
    const short = await page(anna, mineUrl('arrived-oldest', total - 1));
    const last = await page(anna, mineUrl('arrived-oldest', total - 1, short.nextCursor!));
    expect(last.conversations).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
    // Sara holds nothing.
    expect(await page(sara, mineUrl('waiting-longest', 10))).toEqual({ conversations: [], nextCursor: null, total: 0, reads: [] });
  });

  describe('cursor and limits', () => {
    it('refuses a forged cursor, or one of another list or order, with 400', async () => {
      const { nextCursor } = await page(anna, mineUrl('customer-name', 1));
      const otherSort = (await server.get(mineUrl('arrived-oldest', 1, nextCursor!), anna)).expectError(400, 'invalid_request');
      expect(otherSort.fields).toHaveProperty('cursor');
      (await server.get(`/api/conversations?view=picklist&cursor=${encodeURIComponent(nextCursor!)}`, anna)).expectError(400, 'invalid_request');
      const forged = [
        'not-a-cursor',
        Buffer.from('{"l":"mine:customer-name","k":["a"]}').toString('base64url'),
        Buffer.from('{"l":"mine:arrived-oldest","k":["yesterday","00000000-0000-0000-0000-000000000000"]}').toString('base64url'),
        Buffer.from('{"l":"mine:customer-name","k":["a\\u0000","2020-01-01T00:00:00.000000Z","x"]}').toString('base64url'),
        Buffer.from('{"l":"mine:unread-first","k":["1e9","2020-01-01T00:00:00.000000Z","00000000-0000-0000-0000-000000000000"]}').toString('base64url'),
      ];
      for (const bad of forged) (await server.get(mineUrl(bad.includes('customer') ? 'customer-name' : 'arrived-oldest', 1, bad), anna)).expectError(400, 'invalid_request');
      (await server.get(mineUrl('unread-first', 1, forged[4]), anna)).expectError(400, 'invalid_request');
      for (const limit of ['0', '201', 'many']) (await server.get(`/api/conversations?view=mine&limit=${limit}`, anna)).expectError(400, 'invalid_request');
      (await server.get('/api/conversations?view=mine&sort=random', anna)).expectError(400, 'invalid_request');
    });

    it("never pages an agent into someone else's conversations, whatever the cursor", async () => {
      const { nextCursor } = await page(anna, mineUrl('arrived-oldest', 1));
      const bens = await walk(ben, mineUrl('arrived-oldest', 2));
      const fromAnnasPlace = await page(ben, mineUrl('arrived-oldest', 200, nextCursor!));
      for (const c of [...bens.rows, ...fromAnnasPlace.conversations]) expect(c.agent?.id).toBe(ben.user.id);
      // Anna serves Support and Billing: a waiting Sales chat is not in her picklist, on any page.
      const sales = await server.startChat('Sales', { name: 'golf' });
      const annaPicklist = await walk(anna, '/api/conversations?view=picklist&limit=1');
      expect(annaPicklist.rows.map((c) => c.id)).not.toContain(sales.conversationId);
      expect(annaPicklist.pages[0]!.total).toBe(annaPicklist.rows.length);
      expect((await walk(ben, '/api/conversations?view=picklist&limit=1')).rows.map((c) => c.id)).toContain(sales.conversationId);
    });
  });

  it('pages the picklist oldest first and the supervisors\' open conversations by arrival, per queue', async () => {
    for (const name of ['hotel', 'india', 'juliet']) await server.startChat('Support', { name });
    const picklist = await walk(ben, '/api/conversations?view=picklist&limit=2');
    expect(picklist.rows.slice().sort(listOrder({ view: 'picklist' })).map((c) => c.id)).toEqual(picklist.rows.map((c) => c.id));
    expect(picklist.rows.every((c) => c.state === 'queued')).toBe(true);

    const open = await walk(sara, '/api/supervisor/conversations?limit=3');
    expect(open.rows.slice().sort(listOrder({ view: 'open' })).map((c) => c.id)).toEqual(open.rows.map((c) => c.id));
    expect(open.pages[0]!.total).toBe(open.rows.length);
    expect(open.rows.map((c) => c.id)).toEqual(expect.arrayContaining(held.slice(1).map((c) => c.conversationId)));
    const support = `/api/supervisor/conversations?limit=2&queueId=${server.queueIds.Support}`;
    const first = await page(sara, support);
    expect(first.conversations.every((c) => c.queue.id === server.queueIds.Support)).toBe(true);
    (await server.get(`/api/supervisor/conversations?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`, sara)).expectError(400, 'invalid_request');
  });
});
