import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createTestDatabase, describeEachBackend, describePostgresOnly, POSTGRES_URL, type TestDatabase } from '../test-support/databases';
import { appendEvent, appendEvents, EVENTS_CHANNEL, readEventsAfter, type NewEvent } from './event-log';
import { RealtimeHub } from './hub';
import { sequenceEvents, sequencePass } from './sequencer';

/*
 * The log's ordering guarantees under concurrent writers on several connection pools (server
 * instances). A design that numbered events when they are inserted (a sequence, without the
 * sequencer) fails these on PostgreSQL: transactions commit in another order than they inserted,
 * so a reader would skip an event that committed late, or see N+1 before N. PGlite runs one
 * transaction at a time, so there it numbers at insert (event-log.ts, seqsFor) and must pass too.
 */

const WAIT_MS = 20_000;

/** A random pause inside a writer's transaction: it shuffles commit order against insertion order. */
const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 4));

/** One writer transaction: takes the conversation's row (as the services do), appends, commits. */
async function write(db: Database, conversationId: string): Promise<{ conversationId: string; n: number }> {
  return db.transaction(async (tx) => {
    await jitter();
    const [row] = await tx.query<{ n: number }>('UPDATE order_probe SET n = n + 1 WHERE conversation_id = $1 RETURNING n', [conversationId]);
    const n = row!.n;
    await jitter();
    // Only the fields this test reads; the log stores whatever it is given.
    const event = { type: 'message.created', message: { id: randomUUID(), text: `${conversationId}:${n}` } } as unknown as NewEvent;
    await appendEvent(tx, { conversationId, queueId: randomUUID(), agentId: null }, event);
    await jitter();
    return { conversationId, n };
  });
}

/** What a reader polling the log saw, checked as it goes: every seq once, gapless, ascending. */
async function readUntil(db: Database, expected: () => number | null, from = 0): Promise<{ seqs: number[]; texts: string[] }> {
  const seen = { seqs: [] as number[], texts: [] as string[] };
  let cursor = from;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const batch = await readEventsAfter(db, cursor, null, 200);
    for (const { event } of batch) {
      expect(event.seq, `after ${cursor}`).toBe(cursor + 1);
      cursor = event.seq;
      seen.seqs.push(event.seq);
      if (event.type === 'message.created') seen.texts.push(event.message.text);
    }
    const want = expected();
    if (want !== null && seen.seqs.length >= want) return seen;
    if (Date.now() > deadline) throw new Error(`Read ${seen.seqs.length} events, expected ${want ?? 'more'}`);
    if (batch.length === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Per conversation, the order numbers as read: each must be 1, 2, 3… with nothing missing. */
function expectCommitOrder(texts: string[], committed: { conversationId: string; n: number }[]) {
  const read = new Map<string, number[]>();
  for (const text of texts) {
    const [id, n] = text.split(':');
    read.set(id!, [...(read.get(id!) ?? []), Number(n)]);
  }
  const written = new Map<string, number>();
  for (const c of committed) written.set(c.conversationId, Math.max(written.get(c.conversationId) ?? 0, c.n));
  for (const [id, max] of written) expect(read.get(id), id).toEqual(Array.from({ length: max }, (_, i) => i + 1));
}

describeEachBackend('Event log ordering', (backend) => {
  let test: TestDatabase;
  let dbs: Database[];
  const hubs: RealtimeHub[] = [];

  beforeEach(async () => {
    test = await createTestDatabase(backend.kind);
    // Two instances on PostgreSQL; PGlite is one in-process database.
    dbs = backend.kind === 'postgres' ? [test.db, await test.openAnother()] : [test.db];
    await test.db.exec('CREATE TABLE order_probe (conversation_id uuid PRIMARY KEY, n integer NOT NULL DEFAULT 0)');
  });
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.stop()));
    await test.dispose();
  });

  it('shows concurrent writers’ events gapless, in order, per conversation in commit order, nothing missing', async () => {
    // Each instance's hub numbers what its writers commit, as in the server.
    for (const db of dbs) {
      const hub = new RealtimeHub(db);
      hubs.push(hub);
      await hub.start();
    }
    const conversations = Array.from({ length: 6 }, () => randomUUID());
    for (const id of conversations) await test.db.query('INSERT INTO order_probe (conversation_id) VALUES ($1)', [id]);

    const WRITERS = backend.kind === 'postgres' ? 16 : 4;
    const EACH = 25;
    let finished: number | null = null;
    const reading = readUntil(dbs[dbs.length - 1]!, () => finished);
    const committed = (
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          const mine: { conversationId: string; n: number }[] = [];
          for (let i = 0; i < EACH; i++) mine.push(await write(dbs[w % dbs.length]!, conversations[(w + i) % conversations.length]!));
          return mine;
        }),
      )
    ).flat();
    finished = committed.length;
    const seen = await reading;

    expect(seen.seqs).toHaveLength(WRITERS * EACH);
    expectCommitOrder(seen.texts, committed);
    const [unnumbered] = await test.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE seq IS NULL');
    expect(unnumbered!.n).toBe(0);
  });
});

describePostgresOnly('Event log sequencer', () => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase('postgres');
    await test.db.exec('CREATE TABLE order_probe (conversation_id uuid PRIMARY KEY, n integer NOT NULL DEFAULT 0)');
  });
  afterEach(() => test.dispose());

  it('loses nothing when an instance dies in the middle of numbering', async () => {
    const other = await test.openAnother();
    const id = randomUUID();
    await test.db.query('INSERT INTO order_probe (conversation_id) VALUES ($1)', [id]);
    const committed = [];
    for (let i = 0; i < 5; i++) committed.push(await write(test.db, id));

    // The backend of the instance numbering them is terminated before its batch commits.
    const [{ name: ownDatabase }] = (await test.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      const dying = sequencePass(test.db, EVENTS_CHANNEL, {
        beforeCommit: async () => {
          // Only in this test's own database: other test files migrate under advisory locks too.
          await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
             AND database = (SELECT oid FROM pg_database WHERE datname = $1)`,
            [ownDatabase],
          );
        },
      });
      await expect(dying).rejects.toThrow();
    } finally {
      await admin.end();
    }
    const [left] = await other.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE seq IS NULL');
    expect(left!.n).toBe(5);

    // Meanwhile more were written; another instance numbers them all, in order, without a gap.
    for (let i = 0; i < 3; i++) committed.push(await write(other, id));
    await sequenceEvents(other, EVENTS_CHANNEL);
    const seen = await readUntil(other, () => 8);
    expect(seen.seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expectCommitOrder(seen.texts, committed);
  });

  it('numbers events committed by an instance that died before numbering them', async () => {
    const id = randomUUID();
    await test.db.query('INSERT INTO order_probe (conversation_id) VALUES ($1)', [id]);
    // Written without a hub: nobody was told; a hub that starts (or its safety timer) numbers them.
    for (let i = 0; i < 3; i++) await write(test.db, id);
    const survivor = await test.openAnother();
    const hub = new RealtimeHub(survivor);
    await hub.start();
    try {
      const seen = await readUntil(survivor, () => 3);
      expect(seen.seqs).toEqual([1, 2, 3]);
    } finally {
      await hub.stop();
    }
  });
});

describeEachBackend('Numbering events as they are inserted', (backend) => {
  let test: TestDatabase;
  beforeEach(async () => {
    test = await createTestDatabase(backend.kind);
  });
  afterEach(() => test.dispose());

  const event = (text: string) => ({ type: 'message.created', message: { id: randomUUID(), text } }) as unknown as NewEvent;
  const scope = () => ({ conversationId: randomUUID(), queueId: randomUUID(), agentId: null });
  const seqs = async () => (await test.db.query<{ seq: string | null }>('SELECT seq FROM events ORDER BY id')).map((r) => (r.seq === null ? null : Number(r.seq)));

  it(
    backend.kind === 'pglite'
      ? 'on PGlite (one writer at a time) numbers them in their transaction, gapless even after a rollback'
      : 'on PostgreSQL leaves them to the sequencer, so writers share no lock',
    async () => {
      const [counter] = await test.db.query<{ value: string }>('SELECT value FROM event_counter');
      const base = Number(counter!.value);
      await test.db.transaction(async (tx) => {
        await appendEvent(tx, scope(), event('one'));
        await appendEvents(tx, [{ scope: scope(), event: event('two') }, { scope: scope(), event: event('three') }]);
      });
      await test.db
        .transaction(async (tx) => {
          await appendEvent(tx, scope(), event('rolled back'));
          throw new Error('roll back');
        })
        .catch(() => {});
      await test.db.transaction((tx) => appendEvent(tx, scope(), event('four')));

      if (backend.kind === 'pglite') {
        // No numbering pass ran: the seqs came with the rows.
        expect(await seqs()).toEqual([base + 1, base + 2, base + 3, base + 4]);
        expect((await readEventsAfter(test.db, base, null, 10)).map((e) => (e.event as { message: { text: string } }).message.text)).toEqual(['one', 'two', 'three', 'four']);
      } else {
        expect(await seqs()).toEqual([null, null, null, null]);
        await sequenceEvents(test.db, EVENTS_CHANNEL, { wait: true });
        expect(await seqs()).toEqual([base + 1, base + 2, base + 3, base + 4]);
      }
    },
  );
});
