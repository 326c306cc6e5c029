import type { User } from '../../contract/auth';
import type { Conversation, Transfer } from '../../contract/conversations';
import type { TransferTarget } from '../../contract/transfers';
import { getConversation } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { ApiError, notFound } from '../http/api-error';
import { lockRouting } from '../routing/routing-lock';
import { endOffer } from '../routing/offers';
import { lockRoutedConversation } from '../routing/routing-store';
import { handOver, invalidTarget, resolveTarget, type Destination } from '../transfers/transfer-service';

const ended = () => new ApiError(409, 'conversation_ended', 'This conversation has already ended.');

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
  const visible = await getConversation(db, id);
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

    // The offered agent learns the offer is gone, as when any offer is withdrawn.
    if (row.state === 'offered' && row.offered_to_agent_id) await endOffer(tx, row, 'withdrawn');
    const holderId = row.state === 'picked' ? row.agent_id : null;
    return handOver(tx, { conversationId: id, by: user, fromQueueId: row.queue_id, destination, note, previousAgentId, holderId, reassigned: true });
  });
}
