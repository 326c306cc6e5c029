import type { Channel, Conversation } from '../../contract/conversations';
import { CHANNELS } from '../../domain/channel-rules';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { onEventsCommitted } from '../realtime/event-log';
import type { RoutingService } from '../routing/routing-service';
import type { SecretKeys } from './channel-secrets';
import { loadRuntimeChannel } from './channel-store';
import { applyInboxRow, settleInboxRow, type InboxRow } from './inbound';
import { drainOutbox, type OutboxOptions } from './outbox';
import { ReadReceipts } from './read-receipts';
import { SIGNATURE_MAX_AGE_SECONDS } from './webhook';
import type { SinchApi } from './sinch-api';

/*
 * Runs on every instance: applies stored callbacks (channel_inbox) and sends the outbox. Each row
 * is claimed with FOR UPDATE SKIP LOCKED and a lease, so instances share the work and a crashed
 * one's rows are taken over when its lease ends. Poked right after this instance stores a
 * callback or commits a message; otherwise it looks every `pollMs`. With no channel configured it
 * does one cheap query per poll and nothing else.
 */

const INBOX_LEASE_SECONDS = 120;
/** Rows pruned per statement, so pruning never holds many locks at once. */
const PRUNE_BATCH = 1000;
/** While an agent keeps typing, the channel is told again this often. */
const TYPING_REPEAT_MS = 5000;

export interface WorkerOptions extends OutboxOptions {
  /** How often to look for work without being poked; 0: only when poked or asked (tests). */
  pollMs: number;
}

export class ChannelWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private hasChannels: boolean | null = null;
  private offCommit: (() => void) | null = null;
  private lastPrune = 0;
  private readonly typingSent = new Map<string, { typing: boolean; at: number }>();
  /** Tells channels that can show it that the agent read the customer's messages (read-receipts.ts). */
  readonly readReceipts: ReadReceipts;

  constructor(
    private readonly db: Database,
    private readonly api: SinchApi,
    private readonly keys: SecretKeys,
    private readonly routing: RoutingService,
    private readonly opts: WorkerOptions,
  ) {
    this.readReceipts = new ReadReceipts(db, api, keys);
  }

  start(): void {
    if (this.opts.pollMs > 0) {
      this.timer = setInterval(() => this.poke(), this.opts.pollMs);
      this.timer.unref();
    }
    // A message stored on this instance may be one for a channel: look at once.
    this.offCommit = onEventsCommitted(this.db, () => {
      if (this.hasChannels) this.poke();
    });
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.offCommit?.();
    await this.running;
  }

  /**
   * Shows the customer that the agent is typing, on channels that can (best effort: a lost
   * indicator is not worth a retry). At most one "composing" per conversation every few seconds.
   */
  agentTyping(conversationId: string, isTyping: boolean): void {
    if (this.hasChannels === false || this.stopped) return;
    const last = this.typingSent.get(conversationId);
    const now = Date.now();
    if (isTyping && last && last.typing && now - last.at < TYPING_REPEAT_MS) return;
    if (!isTyping && (!last || !last.typing)) return;
    this.typingSent.set(conversationId, { typing: isTyping, at: now });
    if (this.typingSent.size > 1000) this.typingSent.delete(this.typingSent.keys().next().value!);
    void (async () => {
      const row = await typed(this.db)
        .selectFrom('conversations')
        .select(['channel_id', 'channel', 'channel_identity'])
        .where('id', '=', conversationId)
        .where('channel_id', 'is not', null)
        .executeTakeFirst();
      if (!row?.channel_id || !row.channel_identity || !CHANNELS[row.channel as Channel].typing) return;
      const channel = await loadRuntimeChannel(this.db, this.keys, row.channel_id);
      if (!channel?.enabled) return;
      const [providerChannel, ...rest] = row.channel_identity.split(':');
      await this.api.composing(channel, { channel: providerChannel!, identity: rest.join(':') }, isTyping);
    })().catch(() => {});
  }

  /** The agent `userId` read `conversation` up to `seq` (their read marker): the channel is told where it can show it. */
  agentRead(userId: string, conversation: Conversation, seq: number): void {
    if (this.hasChannels === false || this.stopped) return;
    this.readReceipts.agentRead(userId, conversation, seq);
  }

  /** False only when this instance last found no channel configured (it looks again every poll). */
  mayHaveChannels(): boolean {
    return this.hasChannels !== false;
  }

  /** A channel was added or changed: check again whether there are any. */
  channelsChanged(): void {
    this.hasChannels = null;
    this.poke();
  }

  /** Look for work soon. Cheap to call often: runs coalesce. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((err: unknown) => {
        // The database went away, or a bug: the rows stay claimable, the next poll tries again.
        if (!this.stopped) console.error('Channel worker:', err);
      })
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Runs until nothing is due; resolves when done (tests). */
  async runNow(): Promise<void> {
    while (this.running) await this.running;
    this.hasChannels = null;
    await this.runOnce();
  }

  private async runOnce(): Promise<void> {
    if (this.hasChannels !== true) {
      const any = await typed(this.db).selectFrom('channels').select('id').limit(1).executeTakeFirst();
      this.hasChannels = any !== undefined;
      if (!this.hasChannels) return;
    }
    for (let round = 0; round < 20 && !this.stopped; round++) {
      const inbox = await this.drainInbox();
      const outbox = await drainOutbox(this.db, this.api, this.keys, this.opts);
      if (inbox === 0 && outbox === 0) break;
    }
    if (Date.now() - this.lastPrune > 60_000) {
      this.lastPrune = Date.now();
      const db = typed(this.db);
      await db
        .deleteFrom('channel_webhook_nonces')
        .where('seen_at', '<', sql<Date>`now() - make_interval(secs => ${SIGNATURE_MAX_AGE_SECONDS * 2})`)
        .execute();
      // Applied callbacks are kept a week (Sinch retries within that), sent and failed outbox rows a
      // month (late delivery reports still find their message); in small batches.
      await db
        .deleteFrom('channel_inbox')
        .where('id', 'in', (eb) =>
          eb.selectFrom('channel_inbox').select('id').where('processed_at', '<', sql<Date>`now() - interval '7 days'`).limit(PRUNE_BATCH),
        )
        .execute();
      await db
        .deleteFrom('channel_outbox')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('channel_outbox')
            .select('id')
            .where('status', '<>', 'pending')
            .where('created_at', '<', sql<Date>`now() - interval '30 days'`)
            .limit(PRUNE_BATCH),
        )
        .execute();
    }
  }

  /**
   * Claims due inbox rows one at a time. Of one customer identity only the oldest unprocessed row
   * is claimable, so their messages are applied in the order they came.
   */
  private async drainInbox(max = 50): Promise<number> {
    let handled = 0;
    while (handled < max && !this.stopped) {
      const row = await typed(this.db)
        .updateTable('channel_inbox')
        .set((eb) => ({ lease_until: sql<Date>`now() + make_interval(secs => ${INBOX_LEASE_SECONDS})`, attempts: eb('attempts', '+', 1) }))
        .where('id', '=', (eb) =>
          eb
            .selectFrom('channel_inbox as i')
            .select('i.id')
            .where('i.processed_at', 'is', null)
            .where('i.next_attempt_at', '<=', sql<Date>`now()`)
            .where((w) => w.or([w('i.lease_until', 'is', null), w('i.lease_until', '<', sql<Date>`now()`)]))
            // Of one identity, only its oldest unapplied callback.
            .where((w) =>
              w.not(
                w.exists(
                  w
                    .selectFrom('channel_inbox as e')
                    .select(w.lit(1).as('one'))
                    .whereRef('e.channel_id', '=', 'i.channel_id')
                    .whereRef('e.identity', '=', 'i.identity')
                    .where('e.processed_at', 'is', null)
                    .whereRef('e.id', '<', 'i.id'),
                ),
              ),
            )
            .orderBy('i.next_attempt_at')
            .orderBy('i.id')
            .limit(1)
            .forUpdate()
            .skipLocked(),
        )
        .returning(['id', 'channel_id', 'kind', 'payload', 'attempts'])
        .executeTakeFirst();
      if (!row) break;
      handled += 1;
      // A CHECK constraint (migration 21) holds kind to the three kinds.
      await this.applyRow({ ...row, kind: row.kind as InboxRow['kind'] });
    }
    return handled;
  }

  private async applyRow(row: InboxRow): Promise<void> {
    const settle = (outcome: string) => settleInboxRow(this.db, row.id, outcome);
    const later = (reason: string) =>
      typed(this.db)
        .updateTable('channel_inbox')
        .set({
          outcome: reason,
          lease_until: null,
          next_attempt_at: sql<Date>`now() + make_interval(secs => ${Math.min(this.opts.maxBackoffMs, this.opts.backoffMs * 2 ** Math.max(0, row.attempts - 1)) / 1000})`,
        })
        .where('id', '=', row.id)
        .execute();
    const channel = await loadRuntimeChannel(this.db, this.keys, row.channel_id);
    if (!channel) return void (await settle('ignored: the channel was removed'));
    let result;
    try {
      result = await applyInboxRow({ db: this.db, displayName: (ch, contactId) => this.api.displayName(ch, contactId) }, channel, row);
    } catch (err) {
      // A conflict with another instance (the open-conversation index) or a passing outage.
      await later(`failed: ${(err as Error).message}`).catch(() => {});
      return;
    }
    if (!result.done) return void (await later(result.reason));
    await settle(result.outcome);
    if (result.createdConversation) await this.routing.routeNow(result.createdConversation).catch(() => {});
  }
}
