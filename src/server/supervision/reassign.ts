import { randomUUID } from 'node:crypto';
import type { User } from '../../contract/auth';
import type { Conversation, PersonRef, Transfer } from '../../contract/conversations';
import type { Queue } from '../../contract/queues';
import type { TransferTarget } from '../../contract/transfers';
import { reload, systemMessage } from '../conversations/conversation-service';
import { getConversation } from '../conversations/conversation-store';
import type { Database, Sql } from '../db/database';
import { ApiError, notFound } from '../http/api-error';
import { insertMessage } from '../messages/message-store';
import { insertNote } from '../notes/note-store';
import { findQueue } from '../queues/queue-store';
import { appendEvent } from '../realtime/event-log';
import { lockRouting } from '../routing/routing-lock';
import { closeOffer, lockRoutedConversation, personRef } from '../routing/routing-store';
import { findCandidate, insertTransfer } from '../transfers/transfer-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the conversation will wait: a queue, and for agent targets the one agent it is reserved for. */
interface Destination {
  queue: Queue;
  agent: PersonRef | null;
}

const invalidTarget = (field: 'queueId' | 'agentId', message: string, fieldMessage = message) =>
  new ApiError(400, 'invalid_request', message, { fields: { [`target.${field}`]: fieldMessage } });

const ended = () => new ApiError(409, 'conversation_ended', 'This conversation has already ended.');

/** The target as a destination, by the rules of a transfer; a 400 naming the field when it cannot receive. */
async function resolveTarget(sql: Sql, current: Conversation, target: TransferTarget): Promise<Destination> {
  if (target.kind === 'queue') {
    const queue = UUID.test(target.queueId) ? await findQueue(sql, target.queueId) : null;
    if (!queue) throw invalidTarget('queueId', 'This queue does not exist. Choose another one.', 'Unknown queue');
    return { queue, agent: null };
  }
  const agent = UUID.test(target.agentId) ? await findCandidate(sql, target.agentId) : null;
  if (!agent) throw invalidTarget('agentId', 'This agent does not exist. Choose another one.', 'Unknown agent');
  if (agent.role !== 'agent') throw invalidTarget('agentId', `${agent.displayName} is not an agent. Choose an agent.`);
  if (agent.disabled) throw invalidTarget('agentId', `${agent.displayName} can no longer take conversations. Choose another agent.`);
  if (!agent.loggedIn) throw invalidTarget('agentId', `${agent.displayName} is not logged in. Choose an agent who is.`);
  const queue = await findQueue(sql, current.queue.id);
  return { queue: queue!, agent: { id: agent.id, displayName: agent.displayName } };
}

/** Why moving `c` to `to` would change nothing, or null when it is a real move. */
function samePlace(c: { state: string; queue_id: string; agent_id: string | null; reserved_for_agent_id: string | null }, to: Destination) {
  if (to.agent) {
    if (c.state === 'picked' && c.agent_id === to.agent.id) return invalidTarget('agentId', `${to.agent.displayName} already holds this conversation.`);
    if (c.state === 'queued' && c.reserved_for_agent_id === to.agent.id) {
      return invalidTarget('agentId', `This conversation already waits for ${to.agent.displayName}.`);
    }
    return null;
  }
  if (c.state === 'queued' && !c.reserved_for_agent_id && c.queue_id === to.queue.id) {
    return invalidTarget('queueId', `This conversation already waits in ${to.queue.name}.`);
  }
  return null;
}

/**
 * A supervisor or admin moves an open conversation — waiting, offered or held — to a queue or to
 * a logged-in agent, with the rules of a transfer. In one transaction under the routing lock: an
 * offer in progress is withdrawn, the conversation waits again where it was sent, the move is
 * recorded as a reassigning transfer by the supervisor, the customer is told in a system message,
 * the note becomes an internal note, and the events go out — also to the agent who had it (held,
 * offered or reserved for them), so their panel lets it go.
 */
export async function reassign(
  db: Database,
  user: User,
  id: string,
  input: { target: TransferTarget; note?: string },
): Promise<{ conversation: Conversation; transfer: Transfer }> {
  const visible = UUID.test(id) ? await getConversation(db, id) : null;
  if (!visible) throw notFound('This conversation');
  if (visible.state === 'ended') throw ended();
  const destination = await resolveTarget(db, visible, input.target);
  const note = input.note?.trim() || null;

  return db.transaction(async (tx) => {
    await lockRouting(tx);
    const row = await lockRoutedConversation(tx, id);
    if (!row) throw notFound('This conversation');
    if (row.state === 'ended') throw ended();
    const refused = samePlace(row, destination);
    if (refused) throw refused;
    const previousAgentId = row.agent_id ?? row.offered_to_agent_id ?? row.reserved_for_agent_id;

    if (row.state === 'offered' && row.offered_to_agent_id) {
      // The offered agent learns the offer is gone, as when any offer is withdrawn.
      await tx.query(`UPDATE conversations SET state = 'queued', offered_to_agent_id = NULL, offer_expires_at = NULL WHERE id = $1`, [id]);
      await closeOffer(tx, id, row.offered_to_agent_id, 'withdrawn');
      await appendEvent(
        tx,
        { conversationId: id, queueId: row.queue_id, agentId: null, previousAgentId: row.offered_to_agent_id },
        {
          type: 'conversation.offer-declined',
          conversation: await reload(tx, id),
          agent: await personRef(tx, row.offered_to_agent_id),
          outcome: 'withdrawn',
        },
      );
    }
    // A new round: agents who declined it before may be offered it again.
    await tx.query(
      `UPDATE conversations
       SET state = 'queued', agent_id = NULL, picked_at = NULL, reserved_for_agent_id = $2, queue_id = $3, destination = $4,
         offer_round = offer_round + 1, returned_at = NULL
       WHERE id = $1`,
      [id, destination.agent?.id ?? null, destination.queue.id, destination.queue.address],
    );
    const transfer = await insertTransfer(tx, {
      conversationId: id,
      fromAgentId: user.id,
      fromQueueId: row.queue_id,
      toQueueId: destination.agent ? null : destination.queue.id,
      toAgentId: destination.agent?.id ?? null,
      note,
      reassigned: true,
    });
    // The customer learns where they go, not who sent them or why.
    const message = await insertMessage(
      tx,
      systemMessage(
        id,
        destination.agent ? 'You are being transferred to another agent.' : `You are being transferred to the ${destination.queue.name} team.`,
      ),
    );
    const internalNote = note
      ? await insertNote(tx, { conversationId: id, clientNoteId: randomUUID(), authorId: user.id, authorName: user.displayName, text: note })
      : null;
    const conversation = await reload(tx, id);
    const scope = { conversationId: id, queueId: destination.queue.id, agentId: destination.agent?.id ?? null, previousAgentId };
    await appendEvent(tx, scope, { type: 'message.created', message });
    if (internalNote) await appendEvent(tx, scope, { type: 'note.created', note: internalNote });
    await appendEvent(tx, scope, { type: 'conversation.transferred', conversation, transfer });
    return { conversation, transfer };
  });
}
