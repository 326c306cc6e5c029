import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { tryTransactionLock } from '../db/try-lock';
import { CONNECTION_STALE_SECONDS } from '../presence/presence-store';
import { TRAIL_TYPES } from '../supervision/audit-trail';

/** How often each instance runs retention by default: dead instances' connection rows go within about a minute. */
export const DEFAULT_RETENTION_INTERVAL_MS = 15_000;
/** The event log keeps a week by default: far more than any reconnecting client can catch up on. */
export const DEFAULT_EVENT_RETENTION_HOURS = 7 * 24;
/** Whoever runs retention holds this transaction-scoped lock; other instances skip their turn. */
const RETENTION_LOCK = 727060;
/** Events pruned per transaction, and transactions per run: a big backlog goes over several runs. */
const EVENT_BATCH = 5000;
const EVENT_BATCHES_PER_RUN = 20;

export interface RetentionOptions {
  /** How often to run; 0 runs only when asked (tests). */
  intervalMs?: number;
  /** Events older than this many hours are pruned from the log. */
  eventRetentionHours?: number;
  /** The last seq this instance's hub delivered: the log is never pruned past it. */
  deliveredSeq: () => number;
}

/** What one run removed. */
export interface RetentionReport {
  sessions: number;
  connections: number;
  events: number;
}

/**
 * Keeps the tables that grow by themselves bounded: expired sessions, connection rows of server
 * instances that died (killed without a chance to remove them), and the event log beyond its
 * retention. Runs on every instance; one at a time does the work (the others skip, they do not
 * wait), so several instances never delete the same rows twice or block each other.
 */
export class Retention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly opts: RetentionOptions,
  ) {}

  start(): void {
    const interval = this.opts.intervalMs ?? DEFAULT_RETENTION_INTERVAL_MS;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.runNow().catch(() => {}), interval); // logged by runNow's chain
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs now unless another instance is running; what it removed, or null when it skipped. */
  runNow(): Promise<RetentionReport | null> {
    if (this.stopped) return Promise.resolve(null);
    const run = this.running.then(() => this.run());
    this.running = run.catch((err) => console.error('retention:', err));
    return run;
  }

  private async run(): Promise<RetentionReport | null> {
    if (this.stopped) return null;
    const first = await this.locked(async (tx) => ({
      sessions: await deleteExpiredSessions(tx),
      connections: await expireDeadConnections(tx),
      events: await pruneEvents(tx, this.eventRetentionHours(), this.opts.deliveredSeq()),
    }));
    if (!first) return null;
    for (let batch = 1, last = first.events; batch < EVENT_BATCHES_PER_RUN && last === EVENT_BATCH && !this.stopped; batch++) {
      last = (await this.locked((tx) => pruneEvents(tx, this.eventRetentionHours(), this.opts.deliveredSeq()))) ?? 0;
      first.events += last;
    }
    return first;
  }

  private eventRetentionHours(): number {
    return this.opts.eventRetentionHours ?? DEFAULT_EVENT_RETENTION_HOURS;
  }

  /** Runs `work` in a transaction holding the retention lock; null when another instance holds it. */
  private locked<T>(work: (tx: Sql) => Promise<T>): Promise<T | null> {
    return this.db.transaction(async (tx) => {
      return (await tryTransactionLock(tx, RETENTION_LOCK)) ? work(tx) : null;
    });
  }
}

async function deleteExpiredSessions(tx: Sql): Promise<number> {
  const rows = await typed(tx).deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).returning(sql.lit(1).as('one')).execute();
  return rows.length;
}

/**
 * Removes connection rows no instance has refreshed within CONNECTION_STALE_SECONDS: their
 * instance died (kill -9, lost host) without removing them. Presence already counts such rows
 * as gone; each user's last sign of life moves to `last_seen_at`, so the lost-agent grace
 * period still runs from the moment the dead instance last vouched for them, as before.
 */
async function expireDeadConnections(tx: Sql): Promise<number> {
  const rows = await typed(tx)
    .deleteFrom('staff_connections')
    .where('seen_at', '<', sql<Date>`now() - make_interval(secs => ${CONNECTION_STALE_SECONDS})`)
    .returning(['user_id', 'seen_at'])
    .execute();
  if (rows.length === 0) return 0;
  // One statement for all of them: the latest sign of life per user, from two parallel arrays.
  await sql`UPDATE users u SET last_seen_at = greatest(u.last_seen_at, gone.seen_at)
     FROM (SELECT user_id, max(seen_at) AS seen_at FROM unnest(${rows.map((r) => r.user_id)}::uuid[], ${rows.map((r) => r.seen_at.toISOString())}::timestamptz[])
           AS t(user_id, seen_at) GROUP BY user_id) gone
     WHERE u.id = gone.user_id`.execute(typed(tx));
  return rows.length;
}

/**
 * Prunes the oldest events, at most EVENT_BATCH, that are older than the retention and already
 * delivered by this instance's hub. Always a prefix of the log (stopping at the first event to
 * keep), so the log stays gap-free: a client that asks for events from before its first
 * remaining seq missed some and is told to reset. The events of conversations' audit trails are
 * copied to conversation_trail in the same transaction. Events not numbered yet (seq NULL) are
 * never pruned. Returns how many were pruned.
 */
async function pruneEvents(tx: Sql, retentionHours: number, deliveredSeq: number): Promise<number> {
  const db = typed(tx);
  const {
    rows: [row],
  } = await sql<{ bound: string | number | null }>`WITH head AS (SELECT seq, created_at FROM events WHERE seq IS NOT NULL ORDER BY seq LIMIT ${EVENT_BATCH})
     SELECT coalesce((SELECT min(seq) FROM head WHERE created_at >= now() - make_interval(hours => ${retentionHours})), (SELECT max(seq) + 1 FROM head)) AS bound`.execute(db);
  if (row?.bound === null || row?.bound === undefined) return 0;
  // The first seq kept: nothing this hub has not delivered yet is pruned.
  const bound = Math.min(Number(row.bound), deliveredSeq + 1);
  await db
    .insertInto('conversation_trail')
    .columns(['seq', 'conversation_id', 'type', 'payload', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('events')
        .select(['seq', 'conversation_id', 'type', 'payload', 'created_at'])
        .where('seq', '<', bound)
        .where('conversation_id', 'is not', null)
        .where('type', '=', eb.fn.any(eb.val([...TRAIL_TYPES]))),
    )
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
  return (await db.deleteFrom('events').where('seq', '<', bound).returning(sql.lit(1).as('one')).execute()).length;
}
