import type { PersonRef } from '../../contract/conversations';
import type { MyPresenceResponse, Presence, PresenceReason, PresenceState } from '../../contract/presence';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { DB, Users } from '../db/schema.gen';
import { appendWorkspaceEvent } from '../realtime/event-log';

const PRESENCE_COLUMNS = ['id', 'display_name', 'role', 'presence', 'presence_since', 'presence_reason'] as const;
type PresenceRow = Pick<Selectable<Users>, (typeof PRESENCE_COLUMNS)[number]>;

export interface AgentPresenceRow {
  agent: PersonRef;
  role: string;
  presence: Presence;
}

const fromRow = (row: PresenceRow): AgentPresenceRow => ({
  agent: { id: row.id, displayName: row.display_name },
  role: row.role,
  presence: {
    state: row.presence as PresenceState,
    since: row.presence_since.toISOString(),
    reason: row.presence_reason as PresenceReason | null,
  },
});

/** How many conversations user `u` holds plus those offered to them now: what their capacity limits. */
export const agentLoad = (eb: ExpressionBuilder<DB & { u: Users }, 'u'>) =>
  eb
    .selectFrom('conversations as c')
    .select(sql<number>`count(*)::int`.as('n'))
    .where((w) =>
      w.or([
        w.and([w('c.state', '=', 'picked'), w('c.agent_id', '=', w.ref('u.id'))]),
        w.and([w('c.state', '=', 'offered'), w('c.offered_to_agent_id', '=', w.ref('u.id'))]),
      ]),
    );

/** The user's presence, capacity and load: conversations held plus those offered to them now. */
export async function getMyPresence(db: Sql, userId: string): Promise<MyPresenceResponse> {
  const row = await typed(db)
    .selectFrom('users as u')
    .select(PRESENCE_COLUMNS.map((c) => `u.${c}` as const))
    .select('u.capacity')
    .select((eb) => agentLoad(eb).as('load'))
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new Error(`user ${userId} vanished`);
  return { presence: fromRow(row).presence, capacity: row.capacity, load: row.load ?? 0 };
}

/** Reads the user's presence and locks their row for the rest of the transaction. */
export async function lockPresence(tx: Sql, userId: string): Promise<AgentPresenceRow | null> {
  const row = await typed(tx).selectFrom('users').select(PRESENCE_COLUMNS).where('id', '=', userId).forUpdate().executeTakeFirst();
  return row ? fromRow(row) : null;
}

/**
 * Sets an agent's presence and tells every staff socket (`presence.changed`), inside the caller's
 * transaction. Becoming available starts the agent's idle time, which orders offers; a reason
 * says why the server, not the agent, changed it. `resetMissedOffers` when the agent chose.
 */
export async function changePresence(
  tx: Sql,
  agent: PersonRef,
  next: { state: PresenceState; reason: PresenceReason | null; resetMissedOffers: boolean },
): Promise<Presence> {
  const row = await typed(tx)
    .updateTable('users')
    .set({
      presence: next.state,
      presence_reason: next.reason,
      presence_since: sql`now()`,
      // SET expressions read the row's old values: idle time restarts only on becoming available.
      ...(next.state === 'available' ? { idle_since: sql`CASE WHEN presence <> 'available' THEN now() ELSE idle_since END` } : {}),
      ...(next.resetMissedOffers ? { missed_offers: 0 } : {}),
    })
    .where('id', '=', agent.id)
    .returning('presence_since')
    .executeTakeFirstOrThrow();
  const presence: Presence = { state: next.state, since: row.presence_since.toISOString(), reason: next.reason };
  await appendWorkspaceEvent(tx, { type: 'presence.changed', agent, presence });
  return presence;
}

/** Counts as a sign of life: a user's lost-connection grace period runs from their last one. */
export async function touchLastSeen(tx: Sql, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await typed(tx)
    .updateTable('users')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', (eb) => eb.fn.any(eb.val(userIds)))
    .execute();
}

/**
 * A connection row is live while its server instance keeps refreshing it (every few seconds);
 * the rows of an instance that died stop being refreshed and go stale after this long.
 */
export const CONNECTION_STALE_SECONDS = 45;

/** The user in `userColumn` (a fixed column name, e.g. `u.id`) has a live realtime connection on some instance. */
export const hasLiveConnection = (userColumn: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM staff_connections sc WHERE sc.user_id = ${sql.ref(userColumn)}
    AND sc.seen_at > now() - make_interval(secs => ${sql.lit(CONNECTION_STALE_SECONDS)}))`;
