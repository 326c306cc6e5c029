import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { ApiError } from '../http/api-error';
import { EVENTS_CHANNEL, readEventsAfter } from '../realtime/event-log';
import { sequenceEvents } from '../realtime/sequencer';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../test-support/databases';
import { countStatements } from '../test-support/statement-counter';
import { startWebchat } from '../webchat/webchat-start';
import { GroupCommit, groupCommitFor, storeBatch, type BatchedSend } from './group-commit';
import { sendMessage } from './send-message';

/*
 * Group commit (group-commit.ts): sends that arrive together are stored in one transaction, and
 * each keeps its own checks and answer. The server uses it on PGlite; the batch itself is plain
 * SQL, so it is checked on both databases (GroupCommit built directly on PostgreSQL).
 */

interface Chat {
  id: string;
  customerId: string;
}

describeEachBackend('Group commit of sends', (backend) => {
  let test: TestDatabase;
  let db: Database;
  let counted: ReturnType<typeof countStatements>;
  let group: GroupCommit;
  let queueId: string;

  beforeAll(async () => {
    test = await createTestDatabase(backend.kind);
    counted = countStatements(test.db);
    db = counted.db;
    // The server's own on PGlite; on PostgreSQL one built for the test.
    group = groupCommitFor(db) ?? new GroupCommit(db);
    const [queue] = await db.query<{ id: string }>(`INSERT INTO queues (name, address, routing_mode) VALUES ('Support', 'support@acme.example', 'pick') RETURNING id`);
    queueId = queue!.id;
  });
  afterAll(() => test?.dispose());

  async function newChat(): Promise<Chat> {
    const started = await startWebchat(db, { queueId, name: 'Grace', email: 'grace@example.com', text: 'Hello', clientMessageId: randomUUID() });
    return { id: started.conversation.id, customerId: started.conversation.customer.id };
  }

  const customerSend = (chat: Chat, text: string, clientMessageId = randomUUID()): BatchedSend => ({
    conversationId: chat.id,
    clientMessageId,
    authorKind: 'customer',
    authorId: chat.customerId,
    authorName: null,
    text,
    holderRequired: null,
  });

  /** The texts of the message.created events logged after `after`, in log order. */
  async function loggedTexts(after: number): Promise<string[]> {
    await sequenceEvents(db, EVENTS_CHANNEL, { wait: true });
    const events = await readEventsAfter(db, after, null, 1000);
    return events.flatMap(({ event }) => (event.type === 'message.created' ? [event.message.text] : []));
  }

  const lastSeq = async () => {
    await sequenceEvents(db, EVENTS_CHANNEL, { wait: true });
    const [row] = await db.query<{ value: string }>('SELECT value FROM event_counter');
    return Number(row!.value);
  };

  it('stores sends that arrive together in one transaction, each with its own message and event, in arrival order', async () => {
    const chats = await Promise.all(Array.from({ length: 5 }, () => newChat()));
    const after = await lastSeq();
    const { result, log } = await counted.measure(() => Promise.all(chats.map((chat, i) => group.send(customerSend(chat, `together ${i}`)))));
    expect(log.transactions).toBe(1);
    // One statement stores the messages, one appends their events.
    expect(log.statements).toHaveLength(2);
    for (const [i, stored] of result.entries()) {
      expect(stored?.message).toMatchObject({ conversationId: chats[i]!.id, text: `together ${i}`, authorName: 'Grace', authorKind: 'customer', seq: 2 });
      expect(stored?.scope).toEqual({ conversationId: chats[i]!.id, queueId, agentId: null });
    }
    expect(await loggedTexts(after)).toEqual(chats.map((_, i) => `together ${i}`));
  });

  it('keeps one conversation\'s sends in call order, one per batch', async () => {
    const chat = await newChat();
    const after = await lastSeq();
    const { result, log } = await counted.measure(() => Promise.all([1, 2, 3].map((n) => group.send(customerSend(chat, `in order ${n}`)))));
    expect(result.map((s) => s?.message.seq)).toEqual([2, 3, 4]);
    expect(log.transactions).toBe(3);
    expect(await loggedTexts(after)).toEqual(['in order 1', 'in order 2', 'in order 3']);
  });

  it('leaves a send it may not store to the caller and stores the others of its batch', async () => {
    const [open, ended, other] = await Promise.all([newChat(), newChat(), newChat()]);
    await db.query(`UPDATE conversations SET state = 'ended', ended_at = now() WHERE id = $1`, [ended!.id]);
    const after = await lastSeq();
    const results = await Promise.all([
      group.send(customerSend(open!, 'before the refused one')),
      group.send(customerSend(ended!, 'into an ended chat')),
      group.send(customerSend(other!, 'after the refused one')),
    ]);
    expect(results.map((r) => r?.message.text ?? null)).toEqual(['before the refused one', null, 'after the refused one']);
    expect(await loggedTexts(after)).toEqual(['before the refused one', 'after the refused one']);
    const [row] = await db.query<{ last_seq: number }>('SELECT last_seq FROM conversations WHERE id = $1', [ended!.id]);
    // The refused send took no seq.
    expect(row!.last_seq).toBe(1);
  });

  it('does not store a client id twice: a retry in a batch is left to the caller, who answers with the stored message', async () => {
    const [chat, other] = await Promise.all([newChat(), newChat()]);
    const clientMessageId = randomUUID();
    const first = await group.send(customerSend(chat!, 'once', clientMessageId));
    const [again, beside] = await Promise.all([group.send(customerSend(chat!, 'once', clientMessageId)), group.send(customerSend(other!, 'beside it'))]);
    expect(again).toBeNull();
    expect(beside?.message.text).toBe('beside it');
    // Through sendMessage, the retry is answered with the first message.
    const retried = await sendMessage(db, chat!.id, { kind: 'customer', customerId: chat!.customerId }, { clientMessageId, text: 'once' });
    expect(retried).toEqual({ message: first!.message, created: false });
    const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [chat!.id]);
    expect(row!.n).toBe(2);
  });

  it('answers concurrent sends of one client id once as created and once with the same message', async () => {
    const chat = await newChat();
    const clientMessageId = randomUUID();
    const sender = { kind: 'customer' as const, customerId: chat.customerId };
    const answers = await Promise.all([1, 2].map(() => sendMessage(db, chat.id, sender, { clientMessageId, text: 'twice at once' })));
    expect(answers.map((a) => a.created).sort()).toEqual([false, true]);
    expect(answers[0]!.message.id).toBe(answers[1]!.message.id);
  });

  it('when a batch fails as a whole, every send is tried alone: only the bad one fails', async () => {
    const chats = await Promise.all(Array.from({ length: 3 }, () => newChat()));
    const sender = (chat: Chat) => ({ kind: 'customer' as const, customerId: chat.customerId });
    const after = await lastSeq();
    // A NUL character cannot be stored in a text column: the batch statement fails for all.
    const outcomes = await Promise.allSettled(
      ['good 1', 'bad \u0000 text', 'good 2'].map((text, i) => sendMessage(db, chats[i]!.id, sender(chats[i]!), { clientMessageId: randomUUID(), text })),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ status: 'rejected' });
    expect((outcomes[1] as PromiseRejectedResult).reason).not.toBeInstanceOf(ApiError);
    // Tried alone, they may commit in either order (they are different conversations).
    expect((await loggedTexts(after)).sort()).toEqual(['good 1', 'good 2']);
  });

  it('storeBatch stores nothing and appends no event when no send may go ahead', async () => {
    const chat = await newChat();
    await db.query(`UPDATE conversations SET state = 'ended', ended_at = now() WHERE id = $1`, [chat.id]);
    const { result, log } = await counted.measure(() => db.transaction((tx) => storeBatch(tx, [customerSend(chat, 'nobody reads this')])));
    expect(result).toEqual([null]);
    expect(log.statements.filter((s) => /INSERT INTO "?events"?/i.test(s))).toHaveLength(0);
  });
});
