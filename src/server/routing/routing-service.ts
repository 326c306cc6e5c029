import type { RoutingSettings } from '../../contract/settings';
import type { Database, Sql } from '../db/database';
import { getRoutingSettings } from '../settings/settings-store';
import { expireOffer, offerConversation, returnLostAgent } from './offers';
import { lockRouting, tryLockRouting } from './routing-lock';
import { listExpiredOffers, listLostAgents, listOfferable } from './routing-store';

/** How often each instance sweeps by default: offers end at most this late. */
export const DEFAULT_SWEEP_INTERVAL_MS = 1000;
/** A change (a conversation ended, an agent became available) is acted on this soon. */
const POKE_DELAY_MS = 25;
/** Work per step of one sweep; a sweep that hits it goes round again. */
const BATCH = 50;

export interface RoutingOptions {
  /** How often to sweep without being asked; 0 sweeps only when poked or asked (tests drive time themselves). */
  sweepIntervalMs?: number;
}

/**
 * Runs offers over time on every instance: ends expired offers (the next agent is offered the
 * conversation), returns the conversations of lost agents, and offers waiting conversations to
 * agents who became free. Each change is one transaction under the routing lock; a sweep that
 * finds the lock taken leaves the work to whoever holds it (another instance sweeping, or a
 * request deciding an offer) and comes back at its next interval or poke.
 */
export class RoutingService {
  private chain: Promise<void> = Promise.resolve();
  private queued = false;
  private timer: NodeJS.Timeout | undefined;
  private pokeTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly opts: RoutingOptions = {},
  ) {}

  start(): void {
    const interval = this.opts.sweepIntervalMs ?? DEFAULT_SWEEP_INTERVAL_MS;
    if (interval > 0) {
      this.timer = setInterval(() => this.schedule(), interval);
      this.timer.unref();
    }
    this.poke();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.pokeTimer);
    await this.chain;
  }

  /** Something changed that may let a conversation be offered: sweep soon. Cheap to call often. */
  poke(): void {
    if (this.stopped || this.pokeTimer) return;
    this.pokeTimer = setTimeout(() => {
      this.pokeTimer = undefined;
      this.schedule();
    }, POKE_DELAY_MS);
    this.pokeTimer.unref();
  }

  /**
   * Sweeps now, waiting for the routing lock rather than leaving the work to its holder, and
   * resolves when done: tests move time in the database and then call this.
   */
  sweepNow(): Promise<void> {
    return this.enqueue(() => this.sweep(true));
  }

  /**
   * Offers a conversation that just started waiting (a new chat, a transfer to a queue), before
   * the request answers. A failure is logged and left to the sweeper.
   */
  async routeNow(conversationId: string): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        await lockRouting(tx);
        await offerConversation(tx, conversationId, await getRoutingSettings(tx));
      });
    } catch (err) {
      console.error('routing:', err);
      this.poke();
    }
  }

  private schedule(): void {
    if (this.stopped || this.queued) return;
    this.queued = true;
    void this.enqueue(async () => {
      this.queued = false;
      await this.sweep(false);
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work);
    this.chain = run.catch((err) => console.error('routing sweep:', err));
    return run;
  }

  private async sweep(wait: boolean): Promise<void> {
    if (this.stopped) return;
    const settings = await getRoutingSettings(this.db);
    const steps: [() => Promise<string[]>, (tx: Sql, id: string, s: RoutingSettings) => Promise<unknown>][] = [
      [() => listExpiredOffers(this.db, BATCH), expireOffer],
      [() => listLostAgents(this.db, settings.lostAgentGraceSeconds, BATCH, settings.pushKeepChatsMinutes), returnLostAgent],
      [() => listOfferable(this.db, BATCH), offerConversation],
    ];
    for (;;) {
      let again = false;
      for (const [list, act] of steps) {
        const ids = await list();
        let progress = false;
        for (const id of ids) {
          let outcome: 'busy' | boolean;
          try {
            outcome = await this.db.transaction(async (tx) => {
              if (wait) await lockRouting(tx);
              else if (!(await tryLockRouting(tx))) return 'busy' as const;
              return Boolean(await act(tx, id, settings));
            });
          } catch (err) {
            // One conversation or agent that cannot be handled must not hold up all the others.
            console.error(`routing sweep (${id}):`, err);
            outcome = false;
          }
          if (outcome === 'busy' || this.stopped) return;
          progress ||= outcome;
        }
        // A full batch that changed something may have more behind it.
        again ||= ids.length === BATCH && progress;
      }
      if (!again) break;
    }
  }
}
