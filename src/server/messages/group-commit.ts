import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { Message } from '../../contract/messages';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Conversations } from '../db/schema.gen';
import { noteStoredMessage } from '../observability/stored-messages';
import { appendEvents, type EventScope } from '../realtime/event-log';
import { messageFromRow, type MessageRow } from './message-store';

/*
 * Group commit for message sends on PGlite (issue 11). PGlite has one connection and runs every
 * statement on the server's own thread, and what a statement costs there is mostly the statement
 * itself (its protocol round trips through WebAssembly, parse and plan), not the rows: a
 * 16-row INSERT costs about what four single-row ones do. So sends that arrive together are
 * stored together: one transaction, one statement that locks, checks and inserts every message,
 * one that appends their events. Each send keeps its own checks and answer: a message the batch
 * does not store (refused, a retry, an unknown conversation) is left to the caller's careful
 * path, and a batch that fails as a whole is retried one send at a time, so one bad message fails
 * only itself.
 *
 * Why it keeps the send's guarantees:
 * - A batch holds at most one send per conversation (later ones wait for the next batch), so
 *   each conversation's messages take their seqs, and their events their ids, in arrival order.
 * - Idempotency: on one connection nothing else runs inside the batch's transaction, so the
 *   statement's own check that the client id is unused is race-free; a retry is not stored and
 *   takes the careful path, which answers with the stored message.
 * - Events commit with their messages and are numbered after commit by the sequencer, as any
 *   writer's.
 *
 * PostgreSQL does not need this: its pool runs sends in parallel on other cores, and a batch
 * there would hold many conversations' row locks across two instances' batches.
 */

/** One send as the batch statement takes it. */
export interface BatchedSend {
  conversationId: string;
  clientMessageId: string;
  authorKind: 'agent' | 'customer';
  authorId: string;
  /** Null for a customer: their name is read from the conversation under the lock. */
  authorName: string | null;
  text: string;
  /** The agent who must hold the conversation (a staff send); null for the customer's own. */
  holderRequired: string | null;
}

/** What the caller answers with and its event was written for. */
export interface StoredSend {
  message: Message;
  holderId: string | null;
  scope: EventScope;
}

/**
 * Whether the sender may write, on a conversation row `c`, where `requiredHolder` is the agent who
 * must hold it (NULL for the customer): an agent only into what they hold (which they can also
 * see), a customer into their chat until it ends. The same rule as `refusal` in send-message.ts,
 * which explains a refusal.
 */
export const mayWriteSql = (requiredHolder: RawBuilder<string | null>) =>
  sql<boolean>`CASE WHEN ${requiredHolder} IS NULL THEN c.state <> 'ended' ELSE c.state = 'picked' AND c.agent_id = ${requiredHolder} END`;

/** What a stored send's row brings besides the message: where its event goes. */
export type SendScopeColumns = Pick<Selectable<Conversations>, 'queue_id' | 'reserved_for_agent_id'> & {
  holder_id: Selectable<Conversations>['agent_id'];
};

/** More would only make one statement, and the event loop it blocks, longer. */
export const GROUP_COMMIT_MAX = 64;

const mayWriteInBatch = mayWriteSql(sql.raw('i.holder_required'));

/**
 * Stores the sends that may go ahead, and their events, inside `tx`; for each send, what was
 * stored, or null when it was not (its caller finds out why). The sends must name distinct
 * conversations, and `tx` must be the only work on the database while it runs (PGlite).
 */
export async function storeBatch(tx: Sql, sends: BatchedSend[]): Promise<(StoredSend | null)[]> {
  const column = <K extends keyof BatchedSend>(key: K) => sends.map((s) => s[key]);
  // One statement for the whole batch, its CTEs in order (as insertMessageOnce's): kept as written.
  const { rows } = await sql<MessageRow & SendScopeColumns & { ord: number }>`
    WITH input AS (
      SELECT * FROM unnest(${column('conversationId')}::uuid[], ${column('clientMessageId')}::uuid[], ${column('authorKind')}::text[],
        ${column('authorId')}::uuid[], ${column('authorName')}::text[], ${column('text')}::text[], ${column('holderRequired')}::uuid[]) WITH ORDINALITY
        AS i(conversation_id, client_message_id, author_kind, author_id, author_name, text, holder_required, ord)
    ), locked AS (
      UPDATE conversations c SET last_seq = c.last_seq + 1
      FROM input i, customers cu
      WHERE c.id = i.conversation_id AND cu.id = c.customer_id
        AND ${mayWriteInBatch}
        AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = i.conversation_id AND m.client_message_id = i.client_message_id)
      RETURNING i.ord, c.id AS conversation_id, c.last_seq, c.queue_id, c.agent_id, c.reserved_for_agent_id, cu.name AS customer_name
    ), inserted AS (
      INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
      SELECT i.conversation_id, l.last_seq, i.client_message_id, i.author_kind, i.author_id, COALESCE(i.author_name, l.customer_name), i.text
      FROM locked l JOIN input i ON i.ord = l.ord
      ORDER BY l.ord
      RETURNING *
    )
    SELECT n.*, l.ord::int AS ord, l.queue_id, l.agent_id AS holder_id, l.reserved_for_agent_id
    FROM inserted n JOIN locked l ON l.conversation_id = n.conversation_id
    ORDER BY l.ord`.execute(typed(tx));
  const results: (StoredSend | null)[] = sends.map(() => null);
  for (const row of rows) {
    const message = messageFromRow(row);
    noteStoredMessage(tx, message.authorKind);
    // While reserved after a transfer, the agent it waits for follows it (as in send-message.ts).
    const scope = { conversationId: message.conversationId, queueId: row.queue_id, agentId: row.holder_id ?? row.reserved_for_agent_id };
    results[row.ord - 1] = { message, holderId: row.holder_id, scope };
  }
  const stored = results.filter((r): r is StoredSend => r !== null);
  await appendEvents(
    tx,
    stored.map((s) => ({ scope: s.scope, event: { type: 'message.created', message: s.message, holderId: s.holderId } })),
  );
  return results;
}

/** The batch a send was in failed as a whole: the send should be retried on its own. */
export class GroupCommitFailed extends Error {
  constructor(readonly reason: unknown) {
    super('The group commit failed; send alone.');
  }
}

interface Waiting {
  send: BatchedSend;
  resolve(stored: StoredSend | null): void;
  reject(err: unknown): void;
}

/**
 * Collects the sends that arrive while the database is busy and commits them together. A send
 * that finds it idle waits only for the current turn of the event loop (so requests read in the
 * same turn share its batch); under load, each batch is whatever queued during the last one.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Database) {}

  /** Resolves with what was stored, or null when this send was not (see storeBatch). */
  send(send: BatchedSend): Promise<StoredSend | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ send, resolve, reject });
      if (this.running) return;
      this.running = true;
      setImmediate(() => void this.run());
    });
  }

  private async run(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.take());
    } finally {
      this.running = false;
    }
  }

  /** The next batch: the oldest sends, one per conversation; the others keep their order. */
  private take(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const conversations = new Set<string>();
    for (const waiting of this.queue) {
      if (batch.length < GROUP_COMMIT_MAX && !conversations.has(waiting.send.conversationId)) {
        conversations.add(waiting.send.conversationId);
        batch.push(waiting);
      } else rest.push(waiting);
    }
    this.queue = rest;
    return batch;
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let results: (StoredSend | null)[];
    try {
      results = await this.db.transaction((tx) => storeBatch(tx, batch.map((w) => w.send)));
    } catch (err) {
      // Alone, the send's own error is the answer; in company, each send tries again on its own.
      for (const waiting of batch) waiting.reject(batch.length === 1 ? err : new GroupCommitFailed(err));
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]!));
  }
}

const groupCommits = new WeakMap<Database, GroupCommit>();

/** The database's group commit, on PGlite; null on PostgreSQL, where sends commit one by one. */
export function groupCommitFor(db: Database): GroupCommit | null {
  if (db.kind !== 'pglite') return null;
  let group = groupCommits.get(db);
  if (!group) groupCommits.set(db, (group = new GroupCommit(db)));
  return group;
}
