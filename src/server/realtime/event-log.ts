import type { ConversationEvent, UserEvent, WorkspaceEvent } from '../../contract/events';
import { attachmentsIn, refreshAttachmentLinks, signAttachmentsIn } from '../attachments/attachment-links';
import type { Database, Sql } from '../db/database';
import { sequenceEvents } from './sequencer';

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
 * It takes no shared lock: the row gets its seq after commit, from the sequencer (sequencer.ts),
 * which this instance's hub runs when the transaction's EVENTS_APPENDED signal arrives. Callers
 * hold the rows they change (the conversation's row) before appending, so events of one
 * conversation are inserted, and therefore numbered, in the order their transactions commit.
 */
export async function appendEvent(tx: Sql, scope: EventScope, event: NewEvent): Promise<void> {
  return insertEvent(tx, scope, event);
}

/** Appends a workspace-wide event inside the caller's transaction. */
export async function appendWorkspaceEvent(tx: Sql, event: NewWorkspaceEvent): Promise<void> {
  return insertEvent(tx, null, event);
}

/** Appends an event for `userId`'s sockets only, inside the caller's transaction. */
export async function appendUserEvent(tx: Sql, userId: string, event: NewUserEvent): Promise<void> {
  return insertEvent(tx, { userId }, event);
}

/** Raised (in-process) when a transaction that appended events has committed. */
export const EVENTS_APPENDED = 'events-appended';

type AnyScope = EventScope | { userId: string } | null;

async function insertEvent(tx: Sql, scope: AnyScope, event: NewEvent | NewWorkspaceEvent | NewUserEvent): Promise<void> {
  const conversationScope = scope && 'conversationId' in scope ? scope : null;
  const attachmentIds = [...new Set(attachmentsIn([event]).map((a) => a.id))];
  // The files' link keys travel with the row, so delivery signs links without a query.
  const linkKeys = attachmentIds.length === 0 ? 'NULL' : '(SELECT jsonb_object_agg(id, url_key) FROM attachments WHERE id = ANY($8::uuid[]))';
  await tx.query(
    `INSERT INTO events (type, conversation_id, queue_id, agent_id, previous_agent_id, user_id, payload, link_keys)
     VALUES ($1, $2, $3, $4, $5, $6, $7, ${linkKeys})`,
    [
      event.type,
      conversationScope?.conversationId ?? null,
      conversationScope?.queueId ?? null,
      conversationScope?.agentId ?? null,
      conversationScope?.previousAgentId ?? null,
      scope && 'userId' in scope ? scope.userId : null,
      JSON.stringify(event),
      ...(attachmentIds.length === 0 ? [] : [attachmentIds]),
    ],
  );
  tx.signalAfterCommit?.(EVENTS_APPENDED);
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
  link_keys: Record<string, string> | string | null;
}

export async function readEventsAfter(sql: Sql, after: number, upTo: number | null, limit: number): Promise<LoggedEvent[]> {
  const rows = await sql.query<EventRow>(
    `SELECT seq, created_at, conversation_id, queue_id, agent_id, previous_agent_id, user_id, payload, link_keys FROM events
     WHERE seq > $1 AND ($2::bigint IS NULL OR seq <= $2) ORDER BY seq LIMIT $3`,
    [after, upTo, limit],
  );
  const now = Date.now();
  const unkeyed: object[] = [];
  const events = rows.map((row): LoggedEvent => {
    const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as NewEvent | NewWorkspaceEvent | NewUserEvent) : row.payload;
    // File links in stored messages were signed when the event was written; sign them afresh.
    const keys = typeof row.link_keys === 'string' ? (JSON.parse(row.link_keys) as Record<string, string>) : row.link_keys;
    if (keys) signAttachmentsIn(payload, keys, now);
    else if (attachmentsIn([payload]).length > 0) unkeyed.push(payload);
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
  // Only events written before their rows carried link keys (migration 12) need the query.
  if (unkeyed.length > 0) await refreshAttachmentLinks(sql, unkeyed, now);
  return events;
}

/**
 * The seq of the last event committed: numbers whatever is committed and not yet numbered
 * (waiting for another instance's sequencer if need be), then reads the counter. For tests and
 * tools that must see their own writes in the log; the hub does not wait like this.
 */
export async function currentEventSeq(db: Database): Promise<number> {
  await sequenceEvents(db, EVENTS_CHANNEL, { wait: true });
  const [row] = await db.query<{ value: string | number }>('SELECT value FROM event_counter');
  return Number(row?.value ?? 0);
}
