import { sql } from 'kysely';
import { REALTIME_CATCH_UP_LIMIT } from '../../contract/limits';
import type { RealtimeFrame } from '../../contract/events';
import type { Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import type { EventCounter, Events } from '../db/schema.gen';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../db/unavailable';
import { EVENTS_APPENDED, EVENTS_CHANNEL, readEventsAfter, REVOCATIONS_CHANNEL, type LoggedEvent, type Revocation } from './event-log';
import { sequenceEvents, sequenceStep } from './sequencer';
import { TYPING_CHANNEL, typingReaches, type TypingSignal } from './typing';
import { frameFor, sharedFrames } from './visibility';
import { PositionAnnouncer, type PositionListener } from '../prompts/position-announcer';

export interface RealtimeClient {
  principal: Principal;
  send(frame: RealtimeFrame): void;
  close(code: number, reason: string): void;
  /**
   * Holds what `send` writes until the matching `uncork`, which writes it all at once. Live
   * delivery wraps each batch it reads in these, so a socket costs one write per batch rather
   * than one per event.
   */
  cork?(): void;
  uncork?(): void;
}

const READ_BATCH = 500;
/** The session is gone: log in again. */
export const SESSION_ENDED_CLOSE_CODE = 4001;
/** The user's role or queues changed: reconnect at once (the session is still valid). */
export const ACCESS_CHANGED_CLOSE_CODE = 4002;
/** The database cannot be reached: reconnect later, with backoff (WebSocket "Try Again Later"). */
export const TRY_AGAIN_LATER_CLOSE_CODE = 1013;
/** A drain that failed (database unreachable) is retried this soon, then less often. */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;
/**
 * How often the hub numbers and reads the log even when nothing poked it: events committed by an
 * instance that died before numbering them, or by a process without a hub, are numbered by then.
 */
export const SEQUENCE_SAFETY_MS = 2000;

/** What the hub knows of one socket: the last seq it was sent (or skipped as not its business). */
interface Member {
  client: RealtimeClient;
  seq: number;
  /** Caught up: live delivery reaches it from now on. */
  live: boolean;
  /** Detached; a catch-up still running for it must not add it back. */
  gone: boolean;
}

export interface RealtimeHubStats {
  /** Sockets attached to this instance's hub (catching up or live). */
  clients: number;
  /** The last seq live delivery has read and sent. */
  deliveredSeq: number;
  /** The highest seq announced by NOTIFY or read from the log. */
  latestSeq: number;
  /** Commit-to-send lag of the last event delivered live (from the event's time), or null before any. */
  lastDeliveryLagMs: number | null;
}

/**
 * Fans the event log out to this instance's sockets. It does not trust the notification
 * payloads: a poke means "read the log after the last seq delivered", so events from other
 * instances, bursts and missed notifications all end the same way. Pokes coalesce: while one
 * drain runs, further pokes only mark that there is more to read, so a burst costs a few reads,
 * not one each.
 *
 * It also numbers the log (sequencer.ts): when this instance's writers commit events (an
 * in-process signal), when the LISTEN connection comes back, at start, and every
 * SEQUENCE_SAFETY_MS in case the instance that wrote them died first. The sequencer's NOTIFY
 * (its last seq) then makes every instance's hub read; one that has read that far skips it.
 *
 * A joining client catches up on its own, beside live delivery rather than behind it: it reads
 * the log from its own `after` until it has reached live delivery's cursor, and joins live
 * delivery in the same synchronous step. Each member remembers the last seq it was sent, and
 * live delivery skips what a member already has, so every client gets each event it may see
 * once, in seq order, with no gap between its catch-up and live delivery.
 */
export class RealtimeHub {
  private cursor = 0;
  private latestSeq = 0;
  private lastDeliveryLagMs: number | null = null;
  private readonly members = new Map<RealtimeClient, Member>();
  private readonly unlisteners: (() => Promise<void>)[] = [];
  private draining: Promise<void> | null = null;
  private more = false;
  /** Committed events may be waiting for their seq: number them before the next read. */
  private unsequenced = false;
  private safetyTimer: NodeJS.Timeout | undefined;
  /** Numbering passes that joins wait for; joins arriving together share one (see numbered()). */
  private numberingRun: Promise<unknown> | null = null;
  private numberingQueued: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  private readonly positions: PositionAnnouncer;

  constructor(private readonly db: Database) {
    this.positions = new PositionAnnouncer(db);
  }

  /** The live sockets of customers, for their queue positions. */
  private positionListeners(): PositionListener[] {
    const listeners: PositionListener[] = [];
    for (const member of this.members.values()) {
      const { principal } = member.client;
      if (member.live && principal.kind === 'customer') listeners.push({ conversationId: principal.conversationId, send: (f) => member.client.send(f) });
    }
    return listeners;
  }

  async start(): Promise<void> {
    const { latest } = await this.logBounds();
    this.cursor = latest;
    this.latestSeq = latest;
    // After the listening connection was lost and restored, notifications sent meanwhile are
    // gone: read the log from the cursor, so nothing committed during the outage is skipped.
    this.unlisteners.push(
      await this.db.listen(
        EVENTS_CHANNEL,
        (payload) => this.poke(Number(payload)),
        () => this.sequence(),
      ),
    );
    // This instance's writers committed events: they wait for a seq, which this hub assigns
    // (on a sole writer they were numbered as they were inserted, and NOTIFYed like a pass).
    const offAppended = this.db.onCommitSignal(EVENTS_APPENDED, () => this.sequence());
    this.unlisteners.push(async () => offAppended());
    this.unlisteners.push(await this.db.listen(TYPING_CHANNEL, (payload) => this.deliverTyping(JSON.parse(payload) as TypingSignal)));
    this.unlisteners.push(await this.db.listen(REVOCATIONS_CHANNEL, (payload) => this.revoke(JSON.parse(payload) as Revocation)));
    this.safetyTimer = setInterval(() => this.sequence(), SEQUENCE_SAFETY_MS);
    this.safetyTimer.unref();
    // Whatever a crashed instance committed but did not number.
    this.sequence();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.safetyTimer);
    await Promise.all(this.unlisteners.map((unlisten) => unlisten()));
    for (const member of this.members.values()) {
      member.gone = true;
      member.client.close(1001, 'Server shutting down');
    }
    this.members.clear();
    await this.draining;
    // A position query still running would use a pool that is about to close.
    await this.positions.settled();
  }

  get clientCount() {
    return this.members.size;
  }

  stats(): RealtimeHubStats {
    return { clients: this.members.size, deliveredSeq: this.cursor, latestSeq: this.latestSeq, lastDeliveryLagMs: this.lastDeliveryLagMs };
  }

  /**
   * Something was numbered (up to `seq`, when known): deliver whatever is new. Cheap to call
   * often; a poke for a seq already delivered costs nothing.
   */
  poke(seq?: number): void {
    const known = seq !== undefined && Number.isFinite(seq);
    if (known) this.latestSeq = Math.max(this.latestSeq, seq);
    if (this.stopped || (known && seq <= this.cursor && !this.unsequenced)) return;
    if (this.draining) {
      this.more = true;
      return;
    }
    this.draining = this.drainWhileMore().finally(() => (this.draining = null));
  }

  /** Events were (or may have been) committed without a seq: number them, then deliver. */
  sequence(): void {
    this.unsequenced = true;
    this.poke();
  }

  /** Resolves when no drain is running (tests). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /**
   * Adds a client; `after` is the last seq it applied, or undefined for a fresh start. It gets a
   * `ready` (or `reset`) frame once caught up; if the database cannot be reached meanwhile, an
   * `unavailable` error frame and a close code that tells it to retry later.
   */
  attach(client: RealtimeClient, after: number | undefined): void {
    const member: Member = { client, seq: 0, live: false, gone: false };
    this.members.set(client, member);
    this.join(member, after).catch((err: unknown) => {
      if (member.gone) return;
      this.members.delete(client);
      member.gone = true;
      if (isDatabaseUnavailable(err)) {
        client.send({ kind: 'error', code: 'unavailable', message: UNAVAILABLE_MESSAGE });
        client.close(TRY_AGAIN_LATER_CLOSE_CODE, 'Database unavailable; try again later');
      } else {
        console.error('realtime hub (catch-up):', err);
        client.close(1011, 'Could not catch up; reconnect');
      }
    });
  }

  detach(client: RealtimeClient): void {
    const member = this.members.get(client);
    if (member) member.gone = true;
    this.members.delete(client);
  }

  /** Tells every instance, through NOTIFY, that someone is typing; nothing is stored. */
  async announceTyping(signal: TypingSignal): Promise<void> {
    await sql`SELECT pg_notify(${TYPING_CHANNEL}, ${JSON.stringify(signal)})`.execute(typed(this.db));
  }

  private async join(member: Member, after: number | undefined): Promise<void> {
    // Everything committed before the hello is numbered first, so `ready` covers it, as a
    // client expects after its own writes.
    await this.numbered();
    if (member.gone) return;
    const { latest, oldest } = await this.logBounds();
    this.latestSeq = Math.max(this.latestSeq, latest);
    if (member.gone) return;
    // A client that missed too much, or events that were pruned from the log, or a seq this
    // database never issued: it must refetch everything.
    const missedPruned = after !== undefined && after < latest && (oldest === null || oldest > after + 1);
    if (after === undefined || after > latest || latest - after > REALTIME_CATCH_UP_LIMIT || missedPruned) {
      this.goLive(member, Math.max(latest, this.cursor), after === undefined ? 'ready' : 'reset');
      return this.greetCustomer(member);
    }
    member.seq = after;
    // Up to what was committed when it asked, and at least to where live delivery is (it may be
    // ahead by now); live delivery skips whatever the member already has.
    while (member.seq < Math.max(latest, this.cursor)) {
      const batch = await readEventsAfter(this.db, member.seq, null, READ_BATCH);
      if (member.gone) return;
      // Nothing more in the log: live delivery takes it from here.
      if (batch.length === 0) break;
      for (const stored of batch) this.sendTo(member, stored);
    }
    this.goLive(member, member.seq, 'ready');
    await this.greetCustomer(member);
  }

  /** A waiting customer learns their place in line as soon as their socket is live. */
  private async greetCustomer(member: Member): Promise<void> {
    const { principal } = member.client;
    if (member.gone || principal.kind !== 'customer') return;
    await this.positions.greet({ conversationId: principal.conversationId, send: (f) => member.client.send(f) });
  }

  /**
   * Resolves once a numbering pass that started after this call has finished, waiting for another
   * instance's sequencer if need be. Callers that arrive while one is queued share it, so a
   * reconnect storm costs a few passes, not one per socket.
   */
  private numbered(): Promise<void> {
    this.numberingQueued ??= (this.numberingRun ?? Promise.resolve())
      .catch(() => {})
      .then(() => {
        this.numberingQueued = null;
        this.numberingRun = sequenceEvents(this.db, EVENTS_CHANNEL, { wait: true });
        return this.numberingRun;
      })
      .then(() => {});
    return this.numberingQueued;
  }

  /** Synchronous, so no live delivery can slip between the frame and joining. */
  private goLive(member: Member, seq: number, kind: 'ready' | 'reset'): void {
    if (member.gone) return;
    member.seq = Math.max(seq, this.cursor);
    member.client.send({ kind, seq: member.seq });
    member.live = true;
  }

  private sendTo(member: Member, stored: LoggedEvent, frames: (principal: Principal) => RealtimeFrame | null = (p) => frameFor(p, stored)): void {
    if (stored.event.seq <= member.seq) return;
    member.seq = stored.event.seq;
    const frame = frames(member.client.principal);
    if (frame) member.client.send(frame);
  }

  private async drainWhileMore(): Promise<void> {
    try {
      do {
        this.more = false;
        if (this.unsequenced) {
          this.unsequenced = false;
          try {
            // A commit signal during the pass sets `unsequenced` again: another step follows.
            const step = await sequenceStep(this.db, EVENTS_CHANNEL, { anotherStepDue: () => this.unsequenced });
            if (step.last !== null) this.latestSeq = Math.max(this.latestSeq, step.last);
            // Deliver this batch first, then number the rest.
            if (step.more) this.unsequenced = this.more = true;
          } catch (err) {
            // Still to do; the retry below (or the safety timer) numbers them.
            this.unsequenced = true;
            throw err;
          }
        }
        await this.drain();
      } while (this.more && !this.stopped);
      this.failures = 0;
    } catch (err) {
      // Whatever could not be read stays in the log; read it again soon (and on the next poke).
      if (!isDatabaseUnavailable(err)) console.error('realtime hub:', err);
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures);
      this.failures += 1;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.poke(), delay);
      this.retryTimer.unref();
    }
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await readEventsAfter(this.db, this.cursor, null, READ_BATCH);
      if (this.stopped) return;
      const corked = batch.length > 1 ? [...this.members.keys()] : [];
      for (const client of corked) client.cork?.();
      try {
        for (const stored of batch) {
          // One frame per audience, shared by its sockets.
          const frames = sharedFrames(stored);
          for (const member of this.members.values()) if (member.live) this.sendTo(member, stored, frames);
          this.cursor = stored.event.seq;
          this.lastDeliveryLagMs = Math.max(0, Date.now() - Date.parse(stored.event.at));
        }
      } finally {
        for (const client of corked) client.uncork?.();
      }
      this.latestSeq = Math.max(this.latestSeq, this.cursor);
      // After the batch's frames, so a customer reads "picked" before their new place.
      this.positions.announce(batch, () => this.positionListeners());
      if (batch.length < READ_BATCH) return;
    }
  }

  /** The last seq issued and the oldest still in the log (null when the log is empty). */
  private async logBounds(): Promise<{ latest: number; oldest: number | null }> {
    const { rows: [row] } = await sql<{ latest: EventCounter['value'] | null; oldest: Events['seq'] }>`
      SELECT (SELECT value FROM event_counter) AS latest, (SELECT min(seq) FROM events) AS oldest`.execute(typed(this.db));
    return { latest: Number(row?.latest ?? 0), oldest: row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest) };
  }

  private deliverTyping(signal: TypingSignal): void {
    for (const member of this.members.values()) {
      if (member.live && typingReaches(member.client.principal, signal)) member.client.send(signal.frame);
    }
  }

  /**
   * Closes the sockets of an ended session or of a user who may no longer log in, on this instance.
   * A socket's principal is fixed at hello, so a user whose rights changed is closed too, with
   * ACCESS_CHANGED_CLOSE_CODE: the client reconnects, catches up and is judged by its new rights.
   */
  private revoke(revocation: Revocation): void {
    const accessChanged = revocation.kind === 'access';
    for (const member of [...this.members.values()]) {
      const p = member.client.principal;
      if (p.kind !== 'staff') continue;
      if (p.sessionHash === revocation.sessionHash || p.user.id === revocation.userId) {
        this.detach(member.client);
        if (accessChanged) member.client.close(ACCESS_CHANGED_CLOSE_CODE, 'Your access changed');
        else member.client.close(SESSION_ENDED_CLOSE_CODE, 'Your session has ended. Please log in again.');
      }
    }
  }
}
