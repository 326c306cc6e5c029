import { sql } from 'kysely';
import type { User } from '../../contract/auth';
import type { Message } from '../../contract/messages';
import { agentMayWrite, visibilityFor } from '../conversations/conversation-service';
import { visibleSql } from '../conversations/conversation-store';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError, notFound } from '../http/api-error';
import { appendEvent } from '../realtime/event-log';
import { bindAttachments } from '../attachments/attachment-store';
import { noteStoredMessage } from '../observability/stored-messages';
import { GroupCommitFailed, groupCommitFor, mayWriteSql, type BatchedSend, type SendScopeColumns } from './group-commit';
import { insertMessageOnce, messageFromRow, type MessageRow } from './message-store';


/** Who writes: a staff member (only an agent holding the conversation may), or the chat's customer. */
export type Sender = { kind: 'staff'; user: User } | { kind: 'customer'; customerId: string };

export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  attachmentIds?: string[];
}

/**
 * Locks the conversation row and reads just what a send needs, in one statement: the rights
 * (state, holder, and whether a staff sender may see it at all, by the same rule as the lists)
 * and the customer's name for their own messages. Loading the whole conversation (last messages,
 * transfers, names) for this was over a third of a send's time on PostgreSQL (issue 11).
 */
async function lockForSend(tx: Sql, conversationId: string, sender: Sender) {
  const visibility = sender.kind === 'staff' ? visibilityFor(sender.user) : null;
  const row = await typed(tx)
    .selectFrom('conversations as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.queue_id', 'c.state', 'c.agent_id', 'c.reserved_for_agent_id', 'cu.name as customer_name', visibleSql(visibility).as('visible')])
    .where('c.id', '=', conversationId)
    .forUpdate('c')
    .executeTakeFirst();
  return row ?? null;
}

type LockedRow = NonNullable<Awaited<ReturnType<typeof lockForSend>>>;

/** Why this sender may not write now (checked under the row lock), or null when they may. */
function refusal(sender: Sender, row: LockedRow): ApiError | null {
  if (sender.kind === 'customer') {
    return row.state === 'ended' ? new ApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to write again.') : null;
  }
  try {
    agentMayWrite(sender.user)(row);
    return null;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
}

/** The send as the one-statement store takes it, alone or in a group commit. */
function asBatched(conversationId: string, sender: Sender, input: OutgoingMessage): BatchedSend {
  const base = { conversationId, clientMessageId: input.clientMessageId, text: input.text };
  return sender.kind === 'staff'
    ? { ...base, authorKind: 'agent', authorId: sender.user.id, authorName: sender.user.displayName, holderRequired: sender.user.id }
    : { ...base, authorKind: 'customer', authorId: sender.customerId, authorName: null, holderRequired: null };
}

/** Thrown inside the fast path's transaction to roll it back (see sendMessage). */
class NotStoredOnFastPath extends Error {}

/**
 * The common case in one statement: the conditional update both takes the row lock and checks
 * the rights, by the same rules as `refusal` (an agent writes only into what they hold, which they
 * can also see; a customer into their chat until it ends), and the insert takes its seq. Null
 * when it stored nothing: the rights failed, the conversation is not there, or the client id was
 * already used (a retry) — that case has bumped the seq, so the caller must roll back.
 */
async function storeIfAllowed(tx: Sql, conversationId: string, sender: Sender, input: OutgoingMessage) {
  const send = asBatched(conversationId, sender, input);
  // The send path's one statement, its CTEs in order: kept as written.
  const { rows: [row] } = await sql<MessageRow & SendScopeColumns>`
    WITH locked AS (
       UPDATE conversations c SET last_seq = c.last_seq + 1
       FROM customers cu
       WHERE c.id = ${conversationId} AND cu.id = c.customer_id
         AND ${mayWriteSql(sql`${send.holderRequired}::uuid`)}
       RETURNING c.last_seq, c.queue_id, c.agent_id, c.reserved_for_agent_id, cu.name AS customer_name
     ), inserted AS (
       INSERT INTO messages (conversation_id, seq, client_message_id, author_kind, author_id, author_name, text)
       SELECT ${conversationId}, l.last_seq, ${send.clientMessageId}, ${send.authorKind}, ${send.authorId}, COALESCE(${send.authorName}, l.customer_name), ${send.text}
       FROM locked l
       ON CONFLICT (conversation_id, client_message_id) DO NOTHING
       RETURNING *
     )
     SELECT i.*, l.queue_id, l.agent_id AS holder_id, l.reserved_for_agent_id FROM inserted i CROSS JOIN locked l`.execute(typed(tx));
  if (!row) return null;
  const message = messageFromRow(row);
  noteStoredMessage(tx, message.authorKind);
  if (input.attachmentIds?.length) message.attachments = await bindAttachments(tx, message, input.attachmentIds);
  return { message, holderId: row.holder_id, scope: { conversationId, queueId: row.queue_id, agentId: row.holder_id ?? row.reserved_for_agent_id } };
}

/**
 * Everything else, with the reasons: lock and read the rights, then store once per client id —
 * or answer a retry with the message already stored (even after the chat ended, so a client that
 * lost the answer learns it was stored), or refuse.
 */
async function sendCarefully(db: Database, conversationId: string, sender: Sender, input: OutgoingMessage) {
  const what = sender.kind === 'customer' ? 'This chat' : 'This conversation';
  return db.transaction(async (tx) => {
    const row = await lockForSend(tx, conversationId, sender);
    // Not seen and not there answer alike, so existence is not revealed.
    if (!row || !row.visible) throw notFound(what);
    const refused = refusal(sender, row);
    const authorKind = sender.kind === 'staff' ? 'agent' : 'customer';
    const authorId = sender.kind === 'staff' ? sender.user.id : sender.customerId;
    const stored = await insertMessageOnce(
      tx,
      {
        conversationId,
        clientMessageId: input.clientMessageId,
        authorKind,
        authorId,
        authorName: sender.kind === 'staff' ? sender.user.displayName : row.customer_name,
        text: input.text,
        attachmentIds: input.attachmentIds,
      },
      refused === null,
    );
    if (!stored) throw refused!;
    if (!stored.created) {
      if (stored.message.authorId !== authorId || stored.message.authorKind !== authorKind) {
        throw new ApiError(409, 'duplicate_client_id', 'This message id was already used by someone else.');
      }
      return stored;
    }
    await appendEvent(tx, scopeOf(conversationId, row), { type: 'message.created', message: stored.message, holderId: row.agent_id });
    return stored;
  });
}

// While reserved after a transfer, the agent it waits for follows it (they may not serve its queue).
const scopeOf = (conversationId: string, row: { queue_id: string; agent_id: string | null; reserved_for_agent_id: string | null }) => ({
  conversationId,
  queueId: row.queue_id,
  agentId: row.agent_id ?? row.reserved_for_agent_id,
});

/**
 * Appends a message once per client id. A send that may go ahead (nearly all of them) costs one
 * statement besides its event; a retry, a refusal or an unknown conversation rolls that back and
 * takes the careful path, which finds the stored message or the reason to refuse.
 */
export async function sendMessage(
  db: Database,
  conversationId: string,
  sender: Sender,
  input: OutgoingMessage,
): Promise<{ message: Message; created: boolean }> {
  // PGlite: sends that arrive together commit together (group-commit.ts); files go alone.
  const group = input.attachmentIds?.length ? null : groupCommitFor(db);
  if (group) {
    const stored = await group.send(asBatched(conversationId, sender, input)).catch((err: unknown) => {
      if (err instanceof GroupCommitFailed) return undefined;
      throw err;
    });
    if (stored) return { message: stored.message, created: true };
    if (stored === null) return sendCarefully(db, conversationId, sender, input);
    // undefined: its batch failed as a whole; it tries again alone, below.
  }
  try {
    return await db.transaction(async (tx) => {
      const stored = await storeIfAllowed(tx, conversationId, sender, input);
      if (!stored) throw new NotStoredOnFastPath();
      await appendEvent(tx, stored.scope, { type: 'message.created', message: stored.message, holderId: stored.holderId });
      return { message: stored.message, created: true };
    });
  } catch (err) {
    if (!(err instanceof NotStoredOnFastPath)) throw err;
  }
  return sendCarefully(db, conversationId, sender, input);
}
