import { randomUUID } from 'node:crypto';
import type { User } from '../../contract/auth';
import type { Database } from '../db/database';
import { lockRouting } from '../routing/routing-lock';
import { changePresence, lockPresence, touchLastSeen } from './presence-store';

/** How often an instance refreshes its connection rows; well inside CONNECTION_STALE_SECONDS. */
export const DEFAULT_HEARTBEAT_MS = 10_000;

export interface ConnectionTrackerOptions {
  heartbeatMs?: number;
  /** An agent became available by connecting: offers may go to them. */
  onAvailable: () => void;
}

/**
 * Which staff members have realtime sockets open on this instance, kept in `staff_connections`
 * (one row per instance and user) so every instance knows who is connected anywhere. Rows are
 * refreshed on a heartbeat; an instance that dies stops refreshing and its rows go stale. When
 * a user's last socket here closes, their row goes and their last-seen time is set: the
 * lost-agent grace period runs from then. Work runs on one promise chain, in order.
 */
export class ConnectionTracker {
  readonly instanceId = randomUUID();
  private readonly sockets = new Map<string, number>();
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly opts: ConnectionTrackerOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.enqueue(() => this.heartbeat()), this.opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.timer.unref();
  }

  /**
   * A socket of `user` said hello. Resolves once it is recorded: an agent who was offline is
   * available from then on (the panel of an agent who comes back is ready for offers).
   */
  attach(user: User): Promise<void> {
    this.sockets.set(user.id, (this.sockets.get(user.id) ?? 0) + 1);
    return this.enqueue(() => this.recordAttach(user));
  }

  /** A socket of the user closed. */
  detach(userId: string): Promise<void> {
    const left = (this.sockets.get(userId) ?? 1) - 1;
    if (left > 0) this.sockets.set(userId, left);
    else this.sockets.delete(userId);
    return this.enqueue(() => this.recordDetach(userId));
  }

  /** Resolves when everything recorded so far is in the database. */
  settled(): Promise<void> {
    return this.chain;
  }

  /** Forgets this instance's connections; their users' grace periods start now. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.chain;
    this.stopped = true;
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ user_id: string }>('DELETE FROM staff_connections WHERE instance_id = $1 RETURNING user_id', [this.instanceId]);
      await touchLastSeen(tx, rows.map((r) => r.user_id));
    });
    this.sockets.clear();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain
      .then(() => (this.stopped ? undefined : work()))
      .catch((err) => console.error('connection tracking:', err));
    return this.chain;
  }

  private async recordAttach(user: User): Promise<void> {
    const count = this.sockets.get(user.id) ?? 0;
    // Closed again before this ran: the detach that follows records it.
    if (count === 0) return;
    const becameAvailable = await this.db.transaction(async (tx) => {
      // A presence change must not interleave with an offer decision about this agent.
      if (user.role === 'agent') await lockRouting(tx);
      await tx.query(
        `INSERT INTO staff_connections (instance_id, user_id, sockets, seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (instance_id, user_id) DO UPDATE SET sockets = EXCLUDED.sockets, seen_at = now()`,
        [this.instanceId, user.id, count],
      );
      if (user.role !== 'agent') return false;
      const current = await lockPresence(tx, user.id);
      await touchLastSeen(tx, [user.id]);
      // Connecting brings an offline agent back as available; a chosen busy or away stays.
      if (current?.presence.state !== 'offline') return false;
      await changePresence(tx, current.agent, { state: 'available', reason: null, resetMissedOffers: true });
      return true;
    });
    if (becameAvailable) this.opts.onAvailable();
  }

  private async recordDetach(userId: string): Promise<void> {
    const count = this.sockets.get(userId) ?? 0;
    await this.db.transaction(async (tx) => {
      if (count > 0) {
        await tx.query('UPDATE staff_connections SET sockets = $3, seen_at = now() WHERE instance_id = $1 AND user_id = $2', [
          this.instanceId,
          userId,
          count,
        ]);
      } else {
        await tx.query('DELETE FROM staff_connections WHERE instance_id = $1 AND user_id = $2', [this.instanceId, userId]);
      }
      await touchLastSeen(tx, [userId]);
    });
  }

  private async heartbeat(): Promise<void> {
    if (this.sockets.size === 0) return;
    // Upserted rather than updated: a row removed while this instance was stalled comes back.
    await this.db.query(
      `INSERT INTO staff_connections (instance_id, user_id, sockets, seen_at)
       SELECT $1, u, s, now() FROM unnest($2::uuid[], $3::int[]) AS t(u, s)
       ON CONFLICT (instance_id, user_id) DO UPDATE SET sockets = EXCLUDED.sockets, seen_at = now()`,
      [this.instanceId, [...this.sockets.keys()], [...this.sockets.values()]],
    );
  }
}
