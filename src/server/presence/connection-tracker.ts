import { randomUUID } from 'node:crypto';
import type { User } from '../../contract/auth';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
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
      const rows = await typed(tx).deleteFrom('staff_connections').where('instance_id', '=', this.instanceId).returning('user_id').execute();
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
      await upsertConnections(tx, this.instanceId, [user.id], [count]);
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
        await typed(tx)
          .updateTable('staff_connections')
          .set({ sockets: count, seen_at: sql`now()` })
          .where('instance_id', '=', this.instanceId)
          .where('user_id', '=', userId)
          .execute();
      } else {
        await typed(tx).deleteFrom('staff_connections').where('instance_id', '=', this.instanceId).where('user_id', '=', userId).execute();
      }
      await touchLastSeen(tx, [userId]);
    });
  }

  private async heartbeat(): Promise<void> {
    if (this.sockets.size === 0) return;
    // Upserted rather than updated: a row removed while this instance was stalled comes back.
    await upsertConnections(this.db, this.instanceId, [...this.sockets.keys()], [...this.sockets.values()]);
  }
}

/** Sets the socket counts of these users on this instance, in one statement however many they are. */
async function upsertConnections(db: Sql, instanceId: string, userIds: string[], sockets: number[]): Promise<void> {
  await typed(db)
    .insertInto('staff_connections')
    .columns(['instance_id', 'user_id', 'sockets', 'seen_at'])
    .expression(sql`SELECT ${instanceId}::text, u, s, now() FROM unnest(${userIds}::uuid[], ${sockets}::int[]) AS t(u, s)`)
    .onConflict((oc) => oc.columns(['instance_id', 'user_id']).doUpdateSet((eb) => ({ sockets: eb.ref('excluded.sockets'), seen_at: sql`now()` })))
    .execute();
}
