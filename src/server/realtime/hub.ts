import { REALTIME_CATCH_UP_LIMIT } from '../../contract/limits';
import type { RealtimeFrame } from '../../contract/events';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { currentEventSeq, EVENTS_CHANNEL, readEventsAfter, REVOCATIONS_CHANNEL, type Revocation } from './event-log';
import { TYPING_CHANNEL, typingReaches, type TypingSignal } from './typing';
import { frameFor } from './visibility';

export interface RealtimeClient {
  principal: Principal;
  send(frame: RealtimeFrame): void;
  close(code: number, reason: string): void;
}

const READ_BATCH = 500;
/** The session is gone: log in again. */
export const SESSION_ENDED_CLOSE_CODE = 4001;
/** The user's role or queues changed: reconnect at once (the session is still valid). */
export const ACCESS_CHANGED_CLOSE_CODE = 4002;

/**
 * Fans the event log out to this instance's sockets. It does not trust the notification
 * payloads: on every poke it reads the log after the last seq it delivered, so events from other
 * instances, bursts and missed notifications all end the same way. All work runs on one
 * promise chain, so a joining client's catch-up and live delivery never interleave.
 */
export class RealtimeHub {
  private cursor = 0;
  // Minimal stand-ins for metrics (the resilience work replaces them): the highest seq announced,
  // the delay of the last delivered event, and clients closed before their attach ran.
  private latestSeq = 0;
  private lastDeliveryLagMs: number | null = null;
  private readonly detached = new WeakSet<RealtimeClient>();
  private chain: Promise<void> = Promise.resolve();
  private readonly clients = new Set<RealtimeClient>();
  private readonly unlisteners: (() => Promise<void>)[] = [];

  constructor(private readonly db: Database) {}

  async start(): Promise<void> {
    this.cursor = await currentEventSeq(this.db);
    this.latestSeq = this.cursor;
    this.unlisteners.push(
      await this.db.listen(EVENTS_CHANNEL, (payload) => {
        this.latestSeq = Math.max(this.latestSeq, Number(payload) || 0);
        this.poke();
      }),
    );
    this.unlisteners.push(await this.db.listen(TYPING_CHANNEL, (payload) => this.deliverTyping(JSON.parse(payload) as TypingSignal)));
    this.unlisteners.push(await this.db.listen(REVOCATIONS_CHANNEL, (payload) => this.revoke(JSON.parse(payload) as Revocation)));
  }

  async stop(): Promise<void> {
    await Promise.all(this.unlisteners.map((unlisten) => unlisten()));
    for (const client of this.clients) client.close(1001, 'Server shutting down');
    this.clients.clear();
    await this.chain;
  }

  get clientCount() {
    return this.clients.size;
  }

  stats(): { clients: number; deliveredSeq: number; latestSeq: number; lastDeliveryLagMs: number | null } {
    return {
      clients: this.clients.size,
      deliveredSeq: this.cursor,
      latestSeq: Math.max(this.latestSeq, this.cursor),
      lastDeliveryLagMs: this.lastDeliveryLagMs,
    };
  }

  /** Something was committed: deliver whatever is new. Cheap to call often. */
  poke(): void {
    this.enqueue(() => this.drain());
  }

  /** Adds a client; `after` is the last seq it applied, or undefined for a fresh start. */
  attach(client: RealtimeClient, after: number | undefined): void {
    this.enqueue(async () => {
      await this.drain();
      if (after === undefined) {
        client.send({ kind: 'ready', seq: this.cursor });
      } else if (after > this.cursor || this.cursor - after > REALTIME_CATCH_UP_LIMIT) {
        client.send({ kind: 'reset', seq: this.cursor });
      } else {
        for (const stored of await readEventsAfter(this.db, after, this.cursor, REALTIME_CATCH_UP_LIMIT)) {
          const frame = frameFor(client.principal, stored);
          if (frame) client.send(frame);
        }
        client.send({ kind: 'ready', seq: this.cursor });
      }
      if (!this.detached.has(client)) this.clients.add(client);
    });
  }

  /** Tells every instance, through NOTIFY, that someone is typing; nothing is stored. */
  async announceTyping(signal: TypingSignal): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [TYPING_CHANNEL, JSON.stringify(signal)]);
  }

  private deliverTyping(signal: TypingSignal): void {
    for (const client of this.clients) if (typingReaches(client.principal, signal)) client.send(signal.frame);
  }

  detach(client: RealtimeClient): void {
    this.detached.add(client);
    this.clients.delete(client);
  }

  /**
   * Closes the sockets of an ended session or of a user who may no longer log in, on this instance.
   * A socket's principal is fixed at hello, so a user whose rights changed is closed too, with
   * ACCESS_CHANGED_CLOSE_CODE: the client reconnects, catches up and is judged by its new rights.
   */
  private revoke(revocation: Revocation): void {
    const accessChanged = revocation.kind === 'access';
    for (const client of this.clients) {
      const p = client.principal;
      if (p.kind !== 'staff') continue;
      if (p.sessionHash === revocation.sessionHash || p.user.id === revocation.userId) {
        this.clients.delete(client);
        if (accessChanged) client.close(ACCESS_CHANGED_CLOSE_CODE, 'Your access changed');
        else client.close(SESSION_ENDED_CLOSE_CODE, 'Your session has ended. Please log in again.');
      }
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((err) => console.error('realtime hub:', err));
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await readEventsAfter(this.db, this.cursor, null, READ_BATCH);
      for (const stored of batch) {
        for (const client of this.clients) {
          const frame = frameFor(client.principal, stored);
          if (frame) client.send(frame);
        }
        this.cursor = stored.event.seq;
        this.lastDeliveryLagMs = Math.max(0, Date.now() - Date.parse(stored.event.at));
      }
      if (batch.length < READ_BATCH) return;
    }
  }
}
