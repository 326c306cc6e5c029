import { sql } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { tryTransactionLock } from '../db/try-lock';

/** How often each instance tries to sample by default. */
export const DEFAULT_SAMPLE_INTERVAL_MS = 60_000;
/**
 * A sample this recent from any instance makes another unnecessary: with several instances each
 * trying every minute, the chart still gets about one point a minute.
 */
const MIN_GAP_SECONDS = 50;
/** Samples are kept this long; the dashboard shows only the last hour. */
const KEEP = '1 day';
/** Whoever samples holds this transaction-scoped lock; other instances skip their turn. */
const SAMPLE_LOCK = 727040;

export interface WaitingSamplerOptions {
  /** How often to try; 0 samples only when asked (tests). */
  intervalMs?: number;
}

/**
 * Records each queue's count of waiting conversations about once a minute, for the dashboard's
 * chart of the last hour. Runs on every instance; one at a time samples (the others skip, they
 * do not wait), and nobody samples again within MIN_GAP_SECONDS of the last sample.
 */
export class WaitingSampler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly opts: WaitingSamplerOptions = {},
  ) {}

  start(): void {
    const interval = this.opts.intervalMs ?? DEFAULT_SAMPLE_INTERVAL_MS;
    if (interval <= 0) return;
    // A first point at once, so a fresh start does not show an empty chart for a minute.
    const tick = () => void this.sampleNow().catch(() => {}); // logged by sampleNow's chain
    tick();
    this.timer = setInterval(tick, interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Takes a sample unless another instance is sampling or one was taken lately; true when it did. */
  sampleNow(): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    const run = this.running.then(() => this.sample());
    this.running = run.catch((err) => console.error('waiting sampler:', err));
    return run;
  }

  private async sample(): Promise<boolean> {
    if (this.stopped) return false;
    return this.db.transaction(async (tx) => {
      const db = typed(tx);
      if (!(await tryTransactionLock(tx, SAMPLE_LOCK))) return false;
      const recent = await db
        .selectFrom('queue_waiting_samples')
        .select(sql.lit(1).as('one'))
        .where('sampled_at', '>', sql<Date>`now() - make_interval(secs => ${MIN_GAP_SECONDS})`)
        .limit(1)
        .executeTakeFirst();
      if (recent) return false;
      await db
        .insertInto('queue_waiting_samples')
        .columns(['queue_id', 'sampled_at', 'waiting'])
        .expression(
          db
            .selectFrom('queues as q')
            .select((eb) => [
              'q.id',
              sql<Date>`now()`.as('sampled_at'),
              eb
                .selectFrom('conversations as c')
                .select(sql<number>`count(*)::int`.as('n'))
                .whereRef('c.queue_id', '=', 'q.id')
                .where('c.state', '=', 'queued')
                .as('waiting'),
            ]),
        )
        .execute();
      await db.deleteFrom('queue_waiting_samples').where('sampled_at', '<', sql<Date>`now() - interval '${sql.raw(KEEP)}'`).execute();
      return true;
    });
  }
}
