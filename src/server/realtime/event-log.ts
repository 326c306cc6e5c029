import type { ConversationEvent, UserEvent, WorkspaceEvent } from '../../contract/events';
import { attachmentsIn, refreshAttachmentLinks, signAttachmentsIn } from '../attachments/attachment-links';
import { sql, type Insertable, type RawBuilder, type Selectable } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Events } from '../db/schema.gen';
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
export async function announceRevocation(db: Sql, revocation: Revocation): Promise<void> {
  await sql`SELECT pg_notify(${REVOCATIONS_CHANNEL}, ${JSON.stringify(revocation)})`.execute(typed(db));
}

// The log's entry types live in the domain, which decides who receives each (event-visibility.ts).
import type { EventScope, LoggedEvent, NewEvent, NewUserEvent, NewWorkspaceEvent } from '../../domain/event-visibility';
export type { EventScope, LoggedEvent, NewEvent, NewUserEvent, NewWorkspaceEvent, StoredEvent, StoredUserEvent, StoredWorkspaceEvent } from '../../domain/event-visibility';

/**
 * Appends an event inside the caller's transaction, so the change and its event commit together.
 * It takes no shared lock: the row gets its seq after commit, from the sequencer (sequencer.ts),
 * which this instance's hub runs when the transaction's EVENTS_APPENDED signal arrives (on a
 * sole writer it is numbered at once instead: seqsFor). Callers
 * hold the rows they change (the conversation's row) before appending, so events of one
 * conversation are inserted, and therefore numbered, in the order their transactions commit.
 */
export async function appendEvent(tx: Sql, scope: EventScope, event: NewEvent): Promise<void> {
  return insertEvent(tx, scope, event);
}

/**
 * Appends several conversation events inside the caller's transaction in one statement, in this
 * order (a group commit's: see messages/group-commit.ts). Events that carry files take the
 * one-by-one path, which stores their link keys.
 */
export async function appendEvents(tx: Sql, events: { scope: EventScope; event: NewEvent }[]): Promise<void> {
  if (events.length === 0) return;
  if (attachmentsIn(events.map((e) => e.event)).length > 0) {
    for (const { scope, event } of events) await insertEvent(tx, scope, event);
    return;
  }
  const column = (pick: (e: { scope: EventScope; event: NewEvent }) => unknown) => events.map(pick);
  const numbering = seqsFor(tx, events.length);
  // Rows in the given order from arrays (unnest WITH ORDINALITY): a template, as insertEvent's.
  await sql`${numbering.before}INSERT INTO events (seq, type, conversation_id, queue_id, agent_id, previous_agent_id, payload)
     SELECT ${numbering.seq(sql`e.ord`)}, type, conversation_id, queue_id, agent_id, previous_agent_id, payload::jsonb
     FROM unnest(${column((e) => e.event.type)}::text[], ${column((e) => e.scope.conversationId)}::uuid[], ${column((e) => e.scope.queueId)}::uuid[],
       ${column((e) => e.scope.agentId)}::uuid[], ${column((e) => e.scope.previousAgentId ?? null)}::uuid[], ${column((e) => JSON.stringify(e.event))}::text[])
       WITH ORDINALITY AS e(type, conversation_id, queue_id, agent_id, previous_agent_id, payload, ord)${numbering.join}
     ORDER BY e.ord${numbering.after}`.execute(typed(tx));
  tx.signalAfterCommit?.(numbering.signal);
}

/** Appends a workspace-wide event inside the caller's transaction. */
export async function appendWorkspaceEvent(tx: Sql, event: NewWorkspaceEvent): Promise<void> {
  return insertEvent(tx, null, event);
}

/** Appends an event for `userId`'s sockets only, inside the caller's transaction. */
export async function appendUserEvent(tx: Sql, userId: string, event: NewUserEvent): Promise<void> {
  return insertEvent(tx, { userId }, event);
}

/** Raised (in-process) when a transaction that appended events for the sequencer to number has committed. */
export const EVENTS_APPENDED = 'events-appended';
/** Raised (in-process) when a transaction that appended events numbered at once (see seqsFor) has committed; its NOTIFY tells the hub. */
export const EVENTS_NUMBERED = 'events-numbered';

/** Calls `fn` whenever events written on this instance have committed, numbered or not; returns the unsubscriber. */
export function onEventsCommitted(db: Database, fn: () => void): () => void {
  const offs = [db.onCommitSignal(EVENTS_APPENDED, fn), db.onCommitSignal(EVENTS_NUMBERED, fn)];
  return () => offs.forEach((off) => off());
}

/**
 * How `count` events about to be inserted by `tx` get their seqs. Usually NULL: the sequencer
 * numbers committed rows, so writers share no lock (sequencer.ts). Where no two transactions can
 * overlap (a sole writer: PGlite), nobody can wait on the counter's row, so the insert takes its
 * seqs from it at once: they commit with the rows, in commit order, without a gap (a rollback
 * takes its seqs back), and the statement NOTIFYs EVENTS_CHANNEL with the last, as a sequencer
 * pass does, so hubs and push read them without a numbering pass first.
 * The INSERT goes between `before` and `after`; `join` after its FROM; `seq(ord)` for the row
 * at 1-based `ord`.
 */
function seqsFor(tx: Sql, count: number) {
  if (!tx.soleWriter) {
    return { before: sql``, after: sql``, join: sql``, seq: (_ord: RawBuilder<unknown>) => sql`NULL::bigint`, signal: EVENTS_APPENDED };
  }
  return {
    before: sql`WITH counter AS (UPDATE event_counter SET value = value + ${count}::int RETURNING value - ${count}::int AS base), inserted AS (`,
    after: sql` RETURNING seq) SELECT pg_notify(${EVENTS_CHANNEL}, max(seq)::text) FROM inserted`,
    join: sql` CROSS JOIN counter`,
    seq: (ord: RawBuilder<unknown>) => sql`counter.base + ${ord}`,
    signal: EVENTS_NUMBERED,
  };
}

type AnyScope = EventScope | { userId: string } | null;

async function insertEvent(tx: Sql, scope: AnyScope, event: NewEvent | NewWorkspaceEvent | NewUserEvent): Promise<void> {
  const conversationScope = scope && 'conversationId' in scope ? scope : null;
  const attachmentIds = [...new Set(attachmentsIn([event]).map((a) => a.id))];
  // The files' link keys travel with the row, so delivery signs links without a query.
  const linkKeys =
    attachmentIds.length === 0 ? sql<null>`NULL::jsonb` : sql<string>`(SELECT jsonb_object_agg(id, url_key) FROM attachments WHERE id = ANY(${attachmentIds}::uuid[]))`;
  // On every send's path: a template compiles in a fraction of a builder's time. Its seq: seqsFor.
  const row: Omit<Insertable<Events>, 'link_keys'> = {
    type: event.type,
    conversation_id: conversationScope?.conversationId ?? null,
    queue_id: conversationScope?.queueId ?? null,
    agent_id: conversationScope?.agentId ?? null,
    previous_agent_id: conversationScope?.previousAgentId ?? null,
    user_id: scope && 'userId' in scope ? scope.userId : null,
    payload: JSON.stringify(event),
  };
  const numbering = seqsFor(tx, 1);
  await sql`${numbering.before}INSERT INTO events (seq, type, conversation_id, queue_id, agent_id, previous_agent_id, user_id, payload, link_keys)
     SELECT ${numbering.seq(sql`1`)}, ${row.type}, ${row.conversation_id}::uuid, ${row.queue_id}::uuid, ${row.agent_id}::uuid, ${row.previous_agent_id}::uuid,
       ${row.user_id}::uuid, ${row.payload}::jsonb, ${linkKeys} FROM (VALUES (1)) AS one${numbering.join}${numbering.after}`.execute(typed(tx));
  tx.signalAfterCommit?.(numbering.signal);
}

/** jsonb comes back parsed from pg, as text from PGlite in some paths: read both. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

export async function readEventsAfter(db: Sql, after: number, upTo: number | null, limit: number): Promise<LoggedEvent[]> {
  const rows: Pick<Selectable<Events>, 'seq' | 'created_at' | 'conversation_id' | 'queue_id' | 'agent_id' | 'previous_agent_id' | 'user_id' | 'payload' | 'link_keys'>[] =
    await typed(db)
      .selectFrom('events')
      .select(['seq', 'created_at', 'conversation_id', 'queue_id', 'agent_id', 'previous_agent_id', 'user_id', 'payload', 'link_keys'])
      .where('seq', '>', after)
      .where(sql<boolean>`(${upTo}::bigint IS NULL OR seq <= ${upTo})`)
      .orderBy('seq')
      .limit(limit)
      .execute();
  const now = Date.now();
  const unkeyed: object[] = [];
  const events = rows.map((row): LoggedEvent => {
    const payload = fromJson<NewEvent | NewWorkspaceEvent | NewUserEvent>(row.payload);
    // File links in stored messages were signed when the event was written; sign them afresh.
    const keys = fromJson<Record<string, string> | null>(row.link_keys);
    if (keys) signAttachmentsIn(payload, keys, now);
    else if (attachmentsIn([payload]).length > 0) unkeyed.push(payload);
    const meta = { seq: Number(row.seq), at: new Date(row.created_at).toISOString() };
    if (row.user_id !== null) return { event: { ...payload, ...meta } as UserEvent, scope: { userId: row.user_id } };
    if (row.conversation_id === null) return { event: { ...payload, ...meta } as WorkspaceEvent, scope: null };
    return {
      event: { ...payload, ...meta } as ConversationEvent,
      scope: {
        conversationId: row.conversation_id,
        // Conversation events always carry their queue (insertEvent).
        queueId: row.queue_id!,
        agentId: row.agent_id,
        previousAgentId: row.previous_agent_id,
      },
    };
  });
  // Only events written before their rows carried link keys (migration 12) need the query.
  if (unkeyed.length > 0) await refreshAttachmentLinks(db, unkeyed, now);
  return events;
}

/**
 * The seq of the last event committed: numbers whatever is committed and not yet numbered
 * (waiting for another instance's sequencer if need be), then reads the counter. For tests and
 * tools that must see their own writes in the log; the hub does not wait like this.
 */
export async function currentEventSeq(db: Database): Promise<number> {
  await sequenceEvents(db, EVENTS_CHANNEL, { wait: true });
  const row = await typed(db).selectFrom('event_counter').select('value').executeTakeFirst();
  return Number(row?.value ?? 0);
}
