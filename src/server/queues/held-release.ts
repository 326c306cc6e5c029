import { sql } from 'kysely';
import { nextOpening } from '../../domain/opening-hours';
import type { OpeningHours } from '../../contract/opening-hours';
import { getConversation } from '../conversations/conversation-store';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { appendEvent } from '../realtime/event-log';

/**
 * Messages left while a queue was closed wait with `held_until` set (migration 27): in nobody's
 * picklist, offered to nobody, and announced to no agent. At the opening they are released:
 * `held_until` is cleared and a `conversation.created` event puts them in the agents' Picklists
 * then (an offering queue offers them on the next routing pass). The clearing UPDATE re-checks its
 * WHERE clause under the row lock, so with several instances each conversation is released once.
 */
export async function releaseDue(tx: Sql, queueId: string | null = null): Promise<number> {
  const released = await typed(tx)
    .updateTable('conversations')
    .set({ held_until: null })
    .where('held_until', '<=', sql<Date>`now()`)
    .where('state', '=', 'queued')
    .$if(queueId !== null, (qb) => qb.where('queue_id', '=', queueId!))
    .returning(['id', 'queue_id'])
    .execute();
  for (const row of released) {
    const conversation = (await getConversation(tx, row.id))!;
    await appendEvent(tx, { conversationId: row.id, queueId: row.queue_id, agentId: null }, { type: 'conversation.created', conversation });
  }
  return released.length;
}

/**
 * After a queue's hours change, its left messages wait for the new hours' next opening: released
 * now when it is open now (or has no hours any more). The customers of those whose time moved are
 * told the new one (`conversation.rescheduled`). Caller holds the admin lock.
 */
export async function rescheduleHeld(tx: Sql, queueId: string, hours: OpeningHours | null, now = Date.now()): Promise<void> {
  const next = nextOpening(hours, now);
  // Never opening within a year: they keep their time (an admin's next change will move it).
  if (hours !== null && next === null) return;
  if (next === null || next <= now) {
    await typed(tx).updateTable('conversations').set({ held_until: sql<Date>`now()` }).where('queue_id', '=', queueId).where('held_until', 'is not', null).execute();
    await releaseDue(tx, queueId);
    return;
  }
  const until = new Date(next);
  const moved = await typed(tx)
    .updateTable('conversations')
    .set({ held_until: until })
    .where('queue_id', '=', queueId)
    .where('held_until', 'is not', null)
    .where('held_until', '<>', until)
    .returning('id')
    .execute();
  for (const { id } of moved) {
    const conversation = (await getConversation(tx, id))!;
    await appendEvent(tx, { conversationId: id, queueId, agentId: null }, { type: 'conversation.rescheduled', conversation });
  }
}

/** How often each instance looks for messages to release by default. */
export const DEFAULT_RELEASE_INTERVAL_MS = 15_000;

/** Releases due left messages every few seconds; `onReleased` pokes the routing for offering queues. */
export class HeldReleaser {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly opts: { intervalMs?: number; onReleased?: () => void } = {},
  ) {}

  start(): void {
    const interval = this.opts.intervalMs ?? DEFAULT_RELEASE_INTERVAL_MS;
    if (interval <= 0) return;
    this.timer = setInterval(() => void this.releaseNow(), interval);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; the number released (0 when stopped or on a database error, which is logged). */
  releaseNow(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    const run = this.running.then(async () => {
      const n = await this.db.transaction((tx) => releaseDue(tx));
      if (n > 0) this.opts.onReleased?.();
      return n;
    });
    this.running = run.catch(() => {});
    return run.catch((err: unknown) => {
      console.error('held release:', err);
      return 0;
    });
  }
}
