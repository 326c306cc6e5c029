import type { ConversationEvent, UserEvent, WorkspaceEvent } from '../../contract/events';
import { refreshAttachmentLinks } from '../attachments/attachment-links';
import type { Sql } from '../db/database';

export const EVENTS_CHANNEL = 'cp_events';
export const REVOCATIONS_CHANNEL = 'cp_revocations';

/**
 * A session that ended, or a user whose every session ended; their sockets close on every instance.
 * `access`: the user may still log in, but their role or queues changed: their sockets close with
 * a code that tells clients to reconnect (and so be judged afresh), not to log in again.
 */
export type Revocation = { sessionHash?: string; userId?: string; kind?: 'ended' | 'access' };

/** Tells every server instance to close the sockets of the revoked session or user. */
export async function announceRevocation(sql: Sql, revocation: Revocation): Promise<void> {
  await sql.query('SELECT pg_notify($1, $2)', [REVOCATIONS_CHANNEL, JSON.stringify(revocation)]);
}

/** What gets stored; seq and time are assigned by the log. */
export type NewEvent = DistributiveOmit<ConversationEvent, 'seq' | 'at'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Who an event concerns, for deciding which sockets receive it. */
export interface EventScope {
  conversationId: string;
  queueId: string;
  agentId: string | null;
  /**
   * The agent who just gave the conversation away (transfers), so they learn it left them even
   * when they do not serve its queue. Absent for every other event.
   */
  previousAgentId?: string | null;
}

export interface StoredEvent {
  event: ConversationEvent;
  scope: EventScope;
}

/** Workspace-wide events (settings) concern no conversation: every staff socket receives them. */
export type NewWorkspaceEvent = DistributiveOmit<WorkspaceEvent, 'seq' | 'at'>;
export interface StoredWorkspaceEvent {
  event: WorkspaceEvent;
  scope: null;
}

/** Events for one user's own devices (read markers, preferences): nobody else receives them. */
export type NewUserEvent = DistributiveOmit<UserEvent, 'seq' | 'at'>;
export interface StoredUserEvent {
  event: UserEvent;
  scope: { userId: string };
}

/** Any entry of the log. */
export type LoggedEvent = StoredEvent | StoredWorkspaceEvent | StoredUserEvent;

/**
 * Appends an event inside the caller's transaction, so the change and its event commit together.
 * Taking the next number from the single counter row holds that row's lock until commit, so
 * events become visible strictly in seq order — a reader never sees N+1 before N.
 */
export async function appendEvent(tx: Sql, scope: EventScope, event: NewEvent): Promise<number> {
  return insertEvent(tx, scope, event);
}

/** Appends a workspace-wide event inside the caller's transaction. */
export async function appendWorkspaceEvent(tx: Sql, event: NewWorkspaceEvent): Promise<number> {
  return insertEvent(tx, null, event);
}

/** Appends an event for `userId`'s sockets only, inside the caller's transaction. */
export async function appendUserEvent(tx: Sql, userId: string, event: NewUserEvent): Promise<number> {
  return insertEvent(tx, { userId }, event);
}

type AnyScope = EventScope | { userId: string } | null;

async function insertEvent(tx: Sql, scope: AnyScope, event: NewEvent | NewWorkspaceEvent | NewUserEvent): Promise<number> {
  const conversationScope = scope && 'conversationId' in scope ? scope : null;
  const [counter] = await tx.query<{ value: string | number }>(
    'UPDATE event_counter SET value = value + 1 RETURNING value',
  );
  const seq = Number(counter!.value);
  await tx.query(
    `INSERT INTO events (seq, type, conversation_id, queue_id, agent_id, previous_agent_id, user_id, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      seq,
      event.type,
      conversationScope?.conversationId ?? null,
      conversationScope?.queueId ?? null,
      conversationScope?.agentId ?? null,
      conversationScope?.previousAgentId ?? null,
      scope && 'userId' in scope ? scope.userId : null,
      JSON.stringify(event),
    ],
  );
  // Delivered at commit to every server instance listening, including this one.
  await tx.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, String(seq)]);
  return seq;
}

interface EventRow {
  seq: string | number;
  created_at: Date | string;
  /** Null for workspace and user events. */
  conversation_id: string | null;
  /** Set for user events only. */
  user_id: string | null;
  queue_id: string;
  agent_id: string | null;
  previous_agent_id: string | null;
  payload: NewEvent | NewWorkspaceEvent | NewUserEvent | string;
}

export async function readEventsAfter(sql: Sql, after: number, upTo: number | null, limit: number): Promise<LoggedEvent[]> {
  const rows = await sql.query<EventRow>(
    `SELECT seq, created_at, conversation_id, queue_id, agent_id, previous_agent_id, user_id, payload FROM events
     WHERE seq > $1 AND ($2::bigint IS NULL OR seq <= $2) ORDER BY seq LIMIT $3`,
    [after, upTo, limit],
  );
  const events = rows.map((row): LoggedEvent => {
    const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as NewEvent | NewWorkspaceEvent | NewUserEvent) : row.payload;
    const meta = { seq: Number(row.seq), at: new Date(row.created_at).toISOString() };
    if (row.user_id !== null) return { event: { ...payload, ...meta } as UserEvent, scope: { userId: row.user_id } };
    if (row.conversation_id === null) return { event: { ...payload, ...meta } as WorkspaceEvent, scope: null };
    return {
      event: { ...payload, ...meta } as ConversationEvent,
      scope: {
        conversationId: row.conversation_id,
        queueId: row.queue_id,
        agentId: row.agent_id,
        previousAgentId: row.previous_agent_id,
      },
    };
  });
  // File links in stored messages were signed when the event was written; sign them afresh.
  await refreshAttachmentLinks(sql, events.map((e) => e.event));
  return events;
}

export async function currentEventSeq(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ value: string | number }>('SELECT value FROM event_counter');
  return Number(row?.value ?? 0);
}
