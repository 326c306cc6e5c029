import { randomUUID } from 'node:crypto';
import type { User } from '../../contract/auth';
import type { Conversation, Transfer } from '../../contract/conversations';
import type { TransferTarget } from '../../contract/transfers';
import { reload, requireAgent, systemMessage, viewConversation } from '../conversations/conversation-service';
import { lockConversation, requeue } from '../conversations/conversation-store';
import type { Database, Sql } from '../db/database';
import { ApiError } from '../http/api-error';
import { insertMessage } from '../messages/message-store';
import { insertNote } from '../notes/note-store';
import { appendEvent } from '../realtime/event-log';
import type { Queue } from '../../contract/queues';
import { findQueue } from '../queues/queue-store';
import { findCandidate, insertTransfer } from './transfer-store';

import { postPrompt } from '../prompts/post-prompt';
import { UUID_PATTERN as UUID } from '../../domain/ids';

/** Where the conversation will wait: a queue, and for agent transfers the one agent it is reserved for. */
export interface Destination {
  queue: Queue;
  agent: { id: string; displayName: string } | null;
}

export const invalidTarget = (field: 'queueId' | 'agentId', message: string, fieldMessage = message) =>
  new ApiError(400, 'invalid_request', message, { fields: { [`target.${field}`]: fieldMessage } });

/** Why `user` may not transfer `c`, or null when they hold it. The same answers as ending it. */
function holderProblem(user: User, c: Conversation): ApiError | null {
  if (c.state === 'ended') return new ApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (c.state === 'picked' && c.agent?.id === user.id) return null;
  if (c.state === 'picked' && c.agent) {
    return new ApiError(409, 'not_holder', `${c.agent.displayName} holds this conversation.`, { holder: c.agent });
  }
  return new ApiError(409, 'not_holder', 'Pick this conversation before transferring it.');
}

/**
 * The target as a destination; a 400 naming the field when it is unknown or cannot receive.
 * `senderId`: the agent handing it over, who cannot be its target (reassigning supervisors omit it).
 */
export async function resolveTarget(sql: Sql, current: Conversation, target: TransferTarget, senderId?: string): Promise<Destination> {
  if (target.kind === 'queue') {
    const queue = UUID.test(target.queueId) ? await findQueue(sql, target.queueId) : null;
    if (!queue) throw invalidTarget('queueId', 'This queue does not exist. Choose another one.', 'Unknown queue');
    return { queue, agent: null };
  }
  if (senderId && target.agentId.toLowerCase() === senderId.toLowerCase()) {
    throw invalidTarget('agentId', 'You cannot transfer a conversation to yourself. Choose another agent.');
  }
  const agent = UUID.test(target.agentId) ? await findCandidate(sql, target.agentId) : null;
  if (!agent) throw invalidTarget('agentId', 'This agent does not exist. Choose another one.', 'Unknown agent');
  if (agent.role !== 'agent') throw invalidTarget('agentId', `${agent.displayName} is not an agent. Choose an agent.`);
  if (agent.disabled) throw invalidTarget('agentId', `${agent.displayName} can no longer take conversations. Choose another agent.`);
  if (!agent.loggedIn) throw invalidTarget('agentId', `${agent.displayName} is not logged in. Choose an agent who is.`);
  const queue = await findQueue(sql, current.queue.id);
  return { queue: queue!, agent: { id: agent.id, displayName: agent.displayName } };
}

/**
 * Hands a conversation the user holds to a queue or to one agent. In one transaction: it waits
 * again (in the target queue, or in its queue reserved for the target agent), the transfer is
 * recorded, the customer is told in a system message, the note becomes an internal note, and the
 * events go out. The row lock makes it exactly one of transfer and a concurrent end (or a second
 * transfer) that wins; the other is answered like any non-holder. It starts a new offer round:
 * agents who declined it before may be offered it again.
 */
export async function transfer(
  db: Database,
  user: User,
  id: string,
  input: { target: TransferTarget; note?: string },
): Promise<{ conversation: Conversation; transfer: Transfer }> {
  requireAgent(user);
  const visible = await viewConversation(db, user, id);
  const refused = holderProblem(user, visible);
  if (refused) throw refused;
  const destination = await resolveTarget(db, visible, input.target, user.id);
  const note = input.note?.trim() || null;

  return db.transaction(async (tx) => {
    const row = await lockConversation(tx, id);
    if (!row || row.state !== 'picked' || row.agent_id !== user.id) throw holderProblem(user, await reload(tx, id))!;
    return handOver(tx, { conversationId: id, by: user, fromQueueId: row.queue_id, destination, note, previousAgentId: user.id, holderId: user.id });
  });
}

/**
 * The hand-over itself, inside the caller's transaction with the conversation row locked: it
 * waits again where it was sent (a new offer round: agents who declined it before may be offered
 * it again), the transfer is recorded, the customer is told where they go (never who sent them or
 * why), the note becomes an internal note, and the events go to the target queue's agents, the
 * target agent and `previousAgentId`, the agent it leaves.
 */
export async function handOver(
  tx: Sql,
  h: {
    conversationId: string;
    by: User;
    fromQueueId: string;
    destination: Destination;
    note: string | null;
    previousAgentId: string | null;
    /** The agent holding it until now (null: it was waiting or offered). */
    holderId: string | null;
    /** A supervisor or admin moved it, not the agent holding it. */
    reassigned?: boolean;
  },
): Promise<{ conversation: Conversation; transfer: Transfer }> {
  const { conversationId: id, destination, note } = h;
  await requeue(tx, id, {
    reserved_for_agent_id: destination.agent?.id ?? null,
    queue_id: destination.queue.id,
    destination: destination.queue.address,
    returned_at: null,
  });
  const transfer = await insertTransfer(tx, {
    conversationId: id,
    fromAgentId: h.by.id,
    fromQueueId: h.fromQueueId,
    toQueueId: destination.agent ? null : destination.queue.id,
    toAgentId: destination.agent?.id ?? null,
    note,
    reassigned: h.reassigned ?? false,
  });
  const scope = { conversationId: id, queueId: destination.queue.id, agentId: destination.agent?.id ?? null, previousAgentId: h.previousAgentId };
  // To an agent: a fixed line; to a queue: that queue's "transferred" prompt (if switched on).
  if (destination.agent) {
    const message = await insertMessage(tx, systemMessage(id, 'You are being transferred to another agent.'));
    await appendEvent(tx, scope, { type: 'message.created', message });
  } else {
    await postPrompt(tx, id, 'transferred', {}, { previousAgentId: h.previousAgentId });
  }
  const internalNote = note
    ? await insertNote(tx, { conversationId: id, clientNoteId: randomUUID(), authorId: h.by.id, authorName: h.by.displayName, text: note })
    : null;
  const conversation = await reload(tx, id);
  if (internalNote) await appendEvent(tx, scope, { type: 'note.created', note: internalNote });
  await appendEvent(tx, scope, { type: 'conversation.transferred', conversation, transfer, previousHolderId: h.holderId });
  return { conversation, transfer };
}
