import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import type { DB } from '../db/schema.gen';

/*
 * Numbers the event log. Writers insert events with seq NULL and hold no shared lock (see
 * event-log.ts); this step gives the committed, unnumbered rows the next seqs in id (insertion)
 * order, in one short transaction per batch, under an advisory lock so that one instance at a
 * time does it. Why that keeps every guarantee:
 *
 * - Readers never see N+1 before N, and never skip: a batch's seqs follow the counter without a
 *   gap and become visible together at its commit; the next batch starts only after that commit
 *   (the lock is released after the commit is visible), so any snapshot that sees a batch sees
 *   every earlier one.
 * - Per-conversation order: a transaction that waits for a conversation's row lock inserts its
 *   events after the one it waited for has committed, so its ids are larger; the sequencer sees
 *   only committed rows and numbers them in id order, so the earlier one is numbered first (in
 *   an earlier batch or earlier in the same one).
 * - A crash mid-batch rolls the batch back: its rows stay unnumbered, and the next pass (on any
 *   instance) numbers them.
 * - Nothing committed is left unnumbered: whoever finds the lock taken (try-lock, so instances do
 *   not queue up) relies on the holder, and the holder, after releasing it, looks again with a
 *   fresh snapshot, which sees every row committed before anyone was turned away.
 *
 * Each batch that numbered something NOTIFYs EVENTS_CHANNEL with its last seq: one notification
 * per batch rather than one per writer, so the commit lock NOTIFY takes is not on writers' path.
 */

/** Serialises sequencers across instances; arbitrary but fixed (migrations use 727001). */
const SEQUENCER_LOCK = 727002;
export const SEQUENCE_BATCH = 1000;

/**
 * The numbering itself is the database function sequence_events_batch (migration 17): take the
 * lock (or give up), number up to `limit` committed rows in id order, NOTIFY the last seq. One
 * call is one round trip; changing what it does takes a new migration.
 */
const numberBatch = (db: Kysely<DB>, limit: number, channel: string, wait: boolean) =>
  sql<{ numbered_rows: number | null; last_numbered: string | number | null }>`
    SELECT numbered_rows, last_numbered FROM sequence_events_batch(${SEQUENCER_LOCK}, ${limit}, ${channel}, ${wait})`.execute(db);

export interface PassResult {
  /** Rows numbered by this pass; null when another instance held the lock. */
  numbered: number | null;
  last: number | null;
}

/**
 * One batch. `wait` blocks on the lock instead of giving up (tests and tools that must see every
 * committed event numbered before they go on); the hub never waits.
 * `beforeCommit` runs inside the transaction after numbering (tests use it to cut the connection).
 */
export async function sequencePass(
  db: Database,
  channel: string,
  opts: { wait?: boolean; limit?: number; beforeCommit?: () => Promise<void> } = {},
): Promise<PassResult> {
  const limit = opts.limit ?? SEQUENCE_BATCH;
  const wait = opts.wait === true;
  const { beforeCommit } = opts;
  // In autocommit unless a test needs to act between numbering and commit.
  const { rows: [row] } = beforeCommit
    ? await db.transaction(async (tx) => {
        const result = await numberBatch(typed(tx), limit, channel, wait);
        await beforeCommit();
        return result;
      })
    : await numberBatch(typed(db), limit, channel, wait);
  if (!row || row.numbered_rows === null) return { numbered: null, last: null };
  return { numbered: row.numbered_rows, last: row.last_numbered === null ? null : Number(row.last_numbered) };
}

/**
 * One batch, then what is left: `more` when the batch was full, or when rows committed while we
 * held the lock wait unnumbered (their sequencers were turned away; this fresh look, after the
 * release, sees them). The caller then runs another step, after delivering what it has, so
 * numbering under sustained load never holds up delivery. A waiting caller (`wait`) only needs
 * what committed before it asked, and its pass's snapshot had all of that. `anotherStepDue`
 * tells that the caller already has to run another step.
 */
export async function sequenceStep(
  db: Database,
  channel: string,
  opts: { wait?: boolean; anotherStepDue?: () => boolean } = {},
): Promise<{ last: number | null; more: boolean }> {
  const pass = await sequencePass(db, channel, opts);
  // Turned away: the holder looks again after it releases the lock, and sees what we were poked for.
  if (pass.numbered === null) return { last: null, more: false };
  if (pass.numbered === SEQUENCE_BATCH) return { last: pass.last, more: true };
  if (opts.wait) return { last: pass.last, more: false };
  // The caller will run another step anyway (a writer committed meanwhile): that pass, which
  // starts after this one released the lock, is the fresh look, so the check can be spared.
  if (opts.anotherStepDue?.()) return { last: pass.last, more: false };
  const { rows: [check] } = await sql<{ pending: boolean }>`SELECT EXISTS (SELECT 1 FROM events WHERE seq IS NULL) AS pending`.execute(typed(db));
  return { last: pass.last, more: check?.pending === true };
}

/** Numbers every committed event, step after step (unless another instance is doing it); the last seq assigned. */
export async function sequenceEvents(db: Database, channel: string, opts: { wait?: boolean } = {}): Promise<number | null> {
  let last: number | null = null;
  for (;;) {
    const step = await sequenceStep(db, channel, opts);
    last = step.last ?? last;
    if (!step.more) return last;
  }
}
