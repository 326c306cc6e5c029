import type { User } from '../../contract/auth';
import type { ConversationState } from '../../contract/conversations';
import type { Message } from '../../contract/messages';
import { agentMayWrite, visibilityFor } from '../conversations/conversation-service';
import { visibleSql } from '../conversations/conversation-store';
import type { Database, Sql } from '../db/database';
import { ApiError, notFound } from '../http/api-error';
import { appendEvent } from '../realtime/event-log';
import { insertMessageOnce } from './message-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who writes: a staff member (only an agent holding the conversation may), or the chat's customer. */
export type Sender = { kind: 'staff'; user: User } | { kind: 'customer'; customerId: string };

export interface OutgoingMessage {
  clientMessageId: string;
  text: string;
  attachmentIds?: string[];
}

interface LockedRow {
  queue_id: string;
  state: ConversationState;
  agent_id: string | null;
  reserved_for_agent_id: string | null;
  customer_name: string;
  visible: boolean;
}

/**
 * Locks the conversation row and reads just what a send needs, in one statement: the rights
 * (state, holder, and whether a staff sender may see it at all, by the same rule as the lists)
 * and the customer's name for their own messages. Loading the whole conversation (last messages,
 * transfers, names) for every send cost more than the insert itself.
 */
async function lockForSend(tx: Sql, conversationId: string, sender: Sender): Promise<LockedRow | null> {
  const visibility = sender.kind === 'staff' ? visibilityFor(sender.user) : null;
  const [row] = await tx.query<LockedRow>(
    `SELECT c.queue_id, c.state, c.agent_id, c.reserved_for_agent_id, cu.name AS customer_name,
       ${visibleSql(2, 3)} AS visible
     FROM conversations c JOIN customers cu ON cu.id = c.customer_id
     WHERE c.id = $1
     FOR UPDATE OF c`,
    [conversationId, visibility?.queueIds ?? null, visibility?.agentId ?? null],
  );
  return row ?? null;
}

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

/**
 * Appends a message once per client id: a retry returns the first result (even after the chat
 * ended, so a client that lost the answer learns it was stored). Two statements besides the
 * event: the lock with the rights, then the idempotent insert.
 */
export async function sendMessage(
  db: Database,
  conversationId: string,
  sender: Sender,
  input: OutgoingMessage,
): Promise<{ message: Message; created: boolean }> {
  const what = sender.kind === 'customer' ? 'This chat' : 'This conversation';
  // A malformed id would fail in the database with a 500; it names no conversation.
  if (!UUID.test(conversationId)) throw notFound(what);
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
    await appendEvent(
      tx,
      // While reserved after a transfer, the agent it waits for follows it (they may not serve its queue).
      { conversationId, queueId: row.queue_id, agentId: row.agent_id ?? row.reserved_for_agent_id },
      { type: 'message.created', message: stored.message },
    );
    return stored;
  });
}
