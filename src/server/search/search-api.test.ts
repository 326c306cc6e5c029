import { beforeAll, expect, it } from 'vitest';
import { SEARCH_TEXT_MAX_LENGTH } from '../../contract/limits';
import { SearchResultsSchema, type SearchSegment } from '../../contract/search';
import { describeEachBackend } from '../test-support/databases';
import { addNote } from '../test-support/side-drawer';
import { useTestServer, type Chat, type Staff } from '../test-support/test-server';

/** The marked parts of segments, for short assertions. */
const marked = (segments: SearchSegment[] | null) => (segments ?? []).filter((s) => s.match).map((s) => s.text);
const joined = (segments: SearchSegment[]) => segments.map((s) => s.text).join('');

describeEachBackend('Search', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff; // agent: Support, Billing
  let ben: Staff; // agent: Support, Sales, Billing
  let sara: Staff; // supervisor
  let support: Chat; // Quentin's, in Support, held by Ben: Anna may see it
  let sales: Chat; // Philippa's, in Sales, held by Ben: Anna may not

  const search = (who: Staff, q: string, more = '') => server.get(`/api/search?q=${encodeURIComponent(q)}${more}`, who);
  const found = async (who: Staff, q: string, more = '') => (await search(who, q, more)).expect(200, SearchResultsSchema);

  beforeAll(async () => {
    [anna, ben, sara] = await Promise.all([server.staff('anna'), server.staff('ben'), server.staff('sara')]);
    support = await server.startChat('Support', { name: 'Quentin Marlowe', email: 'quentin.marlowe@example.com', text: 'My refund for order zebra42 never arrived' });
    await server.db.query(`UPDATE customers SET phone = '+44 20 7946 0958' WHERE name = 'Quentin Marlowe'`);
    sales = await server.startChat('Sales', { name: 'Philippa Yarrow', email: 'pyarrow@example.com', text: 'A question about xylophones' });
    await server.picked(ben, support.conversationId);
    await server.picked(ben, sales.conversationId);
    await server.agentSays(ben, sales.conversationId, 'Your xylophone refund is on its way');
    await addNote(server, ben, support.conversationId, 'Quietnoteword: check the warehouse');
  });

  it('finds a conversation by part of the customer name, with the words marked', async () => {
    const results = await found(anna, 'marl');
    expect(results.conversations.map((h) => h.conversation.id)).toEqual([support.conversationId]);
    const [hit] = results.conversations;
    expect(joined(hit!.name)).toBe('Quentin Marlowe');
    expect(marked(hit!.name)).toEqual(['Marlowe']);
    expect(hit!.conversation).toMatchObject({ customerName: 'Quentin Marlowe', queueName: 'Support', state: 'picked' });
    // Words in another order, each a prefix.
    expect((await found(anna, 'marlowe quen')).conversations.map((h) => h.conversation.id)).toEqual([support.conversationId]);
  });

  it('finds a conversation by email and by phone', async () => {
    const byEmail = await found(anna, 'quentin.marlowe@exa');
    expect(byEmail.conversations.map((h) => h.conversation.id)).toEqual([support.conversationId]);
    // The typed text, and each word a typed word starts ("example").
    expect(marked(byEmail.conversations[0]!.email)).toEqual(['quentin.marlowe@example']);
    const byPhone = await found(anna, '7946 0958');
    expect(byPhone.conversations.map((h) => h.conversation.id)).toEqual([support.conversationId]);
    expect(marked(byPhone.conversations[0]!.phone)).toEqual(['7946 0958']);
  });

  it('finds messages by a word or the start of one, as a snippet with the match marked', async () => {
    const results = await found(anna, 'refu');
    expect(results.messages).toHaveLength(1);
    const [hit] = results.messages;
    expect(hit!.conversation.id).toBe(support.conversationId);
    expect(hit!.message).toMatchObject({ seq: support.firstMessage.seq, id: support.firstMessage.id, authorKind: 'customer', authorName: 'Quentin Marlowe' });
    expect(joined(hit!.snippet)).toBe('My refund for order zebra42 never arrived');
    expect(marked(hit!.snippet)).toEqual(['refund']);
    // Every word must match, in any order and case.
    expect((await found(anna, 'ZEBRA42 refund')).messages.map((m) => m.message.id)).toEqual([support.firstMessage.id]);
    expect((await found(anna, 'zebra42 parcel')).messages).toEqual([]);
  });

  it('never finds what the agent may not see: another agent’s chat in a queue she does not serve', async () => {
    expect(await found(anna, 'yarrow')).toEqual({ conversations: [], messages: [], nextCursor: null });
    expect((await found(anna, 'xylophon')).messages).toEqual([]);
    // Ben holds it, and a supervisor sees everything.
    expect((await found(ben, 'xylophon')).messages.map((m) => m.conversation.id)).toEqual([sales.conversationId, sales.conversationId]);
    expect((await found(ben, 'refund')).messages.map((m) => m.message.authorKind)).toEqual(['agent', 'customer']);
    expect((await found(sara, 'yarrow')).conversations.map((h) => h.conversation.id)).toEqual([sales.conversationId]);
  });

  it('searches neither system lines nor internal notes', async () => {
    expect((await found(ben, 'joined')).messages).toEqual([]);
    expect((await found(ben, 'quietnoteword')).messages).toEqual([]);
  });

  it('pages messages newest first with a cursor; conversations come with the first page only', async () => {
    const chat = await server.startChat('Support', { name: 'Pager Person', text: 'pagingword one' });
    await server.customerSays(chat, 'pagingword two');
    await server.customerSays(chat, 'pagingword three');
    const first = await found(anna, 'pagingword', '&limit=2');
    expect(first.messages.map((m) => joined(m.snippet))).toEqual(['pagingword three', 'pagingword two']);
    expect(first.nextCursor).not.toBeNull();
    const second = await found(anna, 'pagingword', `&limit=2&cursor=${first.nextCursor}`);
    expect(second.messages.map((m) => joined(m.snippet))).toEqual(['pagingword one']);
    expect(second.nextCursor).toBeNull();
    // A cursor continues only its own search.
    (await search(anna, 'other', `&cursor=${first.nextCursor}`)).expectError(400, 'invalid_request');
    (await search(anna, 'pagingword', '&cursor=not-a-cursor')).expectError(400, 'invalid_request');
  });

  it('answers bad input with 400 and a code, and takes query syntax as plain words', async () => {
    (await search(anna, '!!! ,.')).expectError(400, 'invalid_search');
    (await search(anna, '   ')).expectError(400, 'invalid_request');
    (await search(anna, 'x'.repeat(SEARCH_TEXT_MAX_LENGTH + 1))).expectError(400, 'invalid_request');
    (await search(anna, 'refund', '&limit=0')).expectError(400, 'invalid_request');
    (await server.get('/api/search', anna)).expectError(400, 'invalid_request');
    // tsquery operators and quotes are not syntax here: only the words count.
    for (const q of ["refund' & !zebra42:*", 'refund | (zebra42', "refund''", 'refund\\', 'zebra42 <-> refund']) {
      expect((await found(anna, q)).messages.map((m) => m.message.id)).toEqual([support.firstMessage.id]);
    }
    (await server.get('/api/search?q=refund')).expectError(401, 'unauthenticated');
  });
});
