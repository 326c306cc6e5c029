import type { PersonRef } from '../../contract/conversations';
import type { MyPresenceResponse, Presence, PresenceReason, PresenceState } from '../../contract/presence';
import type { Sql } from '../db/database';
import { appendWorkspaceEvent } from '../realtime/event-log';

interface PresenceRow {
  id: string;
  display_name: string;
  role: string;
  presence: PresenceState;
  presence_since: Date | string;
  presence_reason: PresenceReason | null;
}

export interface AgentPresenceRow {
  agent: PersonRef;
  role: string;
  presence: Presence;
}

const fromRow = (row: PresenceRow): AgentPresenceRow => ({
  agent: { id: row.id, displayName: row.display_name },
  role: row.role,
  presence: { state: row.presence, since: new Date(row.presence_since).toISOString(), reason: row.presence_reason },
});

/** The user's presence, capacity and load: conversations held plus those offered to them now. */
export async function getMyPresence(sql: Sql, userId: string): Promise<MyPresenceResponse> {
  const [row] = await sql.query<PresenceRow & { capacity: number; load: number }>(
    `SELECT u.id, u.display_name, u.role, u.presence, u.presence_since, u.presence_reason, u.capacity,
       (SELECT count(*)::int FROM conversations c
        WHERE (c.state = 'picked' AND c.agent_id = u.id) OR (c.state = 'offered' AND c.offered_to_agent_id = u.id)) AS load
     FROM users u WHERE u.id = $1`,
    [userId],
  );
  if (!row) throw new Error(`user ${userId} vanished`);
  return { presence: fromRow(row).presence, capacity: row.capacity, load: row.load };
}

/** Reads the user's presence and locks their row for the rest of the transaction. */
export async function lockPresence(tx: Sql, userId: string): Promise<AgentPresenceRow | null> {
  const [row] = await tx.query<PresenceRow>(
    'SELECT id, display_name, role, presence, presence_since, presence_reason FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  );
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
  // SET expressions read the row's old values: idle time restarts only on becoming available.
  const [row] = await tx.query<{ presence_since: Date | string }>(
    `UPDATE users SET presence = $2, presence_reason = $3, presence_since = now(),
       idle_since = CASE WHEN $2 = 'available' AND presence <> 'available' THEN now() ELSE idle_since END,
       missed_offers = CASE WHEN $4 THEN 0 ELSE missed_offers END
     WHERE id = $1 RETURNING presence_since`,
    [agent.id, next.state, next.reason, next.resetMissedOffers],
  );
  const presence: Presence = { state: next.state, since: new Date(row!.presence_since).toISOString(), reason: next.reason };
  await appendWorkspaceEvent(tx, { type: 'presence.changed', agent, presence });
  return presence;
}

/** Counts as a sign of life: a user's lost-connection grace period runs from their last one. */
export async function touchLastSeen(tx: Sql, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.query('UPDATE users SET last_seen_at = now() WHERE id = ANY($1::uuid[])', [userIds]);
}

/**
 * A connection row is live while its server instance keeps refreshing it (every few seconds);
 * the rows of an instance that died stop being refreshed and go stale after this long.
 */
export const CONNECTION_STALE_SECONDS = 45;

/** SQL: the user in `userColumn` has a live realtime connection on some instance. */
export const hasLiveConnectionSql = (userColumn: string) =>
  `EXISTS (SELECT 1 FROM staff_connections sc WHERE sc.user_id = ${userColumn}
    AND sc.seen_at > now() - make_interval(secs => ${CONNECTION_STALE_SECONDS}))`;
