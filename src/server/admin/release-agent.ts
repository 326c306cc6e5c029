import type { PersonRef } from '../../contract/conversations';
import { reload, systemMessage } from '../conversations/conversation-service';
import type { Sql } from '../db/database';
import { insertMessage } from '../messages/message-store';
import { changePresence, lockPresence } from '../presence/presence-store';
import { appendEvent } from '../realtime/event-log';
import { LOST_RESERVED_AGENT_MESSAGE, offerConversation } from '../routing/offers';
import { closeOffer, lockConversationsOf, personRef } from '../routing/routing-store';
import { getRoutingSettings } from '../settings/settings-store';

/** What the customer reads when an admin takes their agent off duty (disabled, or no longer an agent). */
export const AGENT_REMOVED_MESSAGE = 'Your agent is no longer available. The next available agent will continue with you.';

/**
 * An agent who may no longer take conversations (disabled, or no longer an agent): every offer to
 * them is withdrawn, and what they hold or what was transferred to them goes back to the top of
 * its queue, the customer told in a system message — as when an agent's connection is lost, but
 * at once and whatever their connections. They are set offline. The caller holds the routing lock
 * (taken first in its transaction) and has not yet locked the agent's user row (lock order:
 * conversation rows before user rows). Returns the conversations released, for offerReleased
 * once the caller has changed the user, so that none is offered straight back to them.
 */
export async function releaseAgentWork(tx: Sql, agentId: string): Promise<string[]> {
  const rows = await lockConversationsOf(tx, agentId);
  const current = await lockPresence(tx, agentId);
  const agent: PersonRef = current?.agent ?? (await personRef(tx, agentId));
  for (const row of rows) {
    const scope = { conversationId: row.id, queueId: row.queue_id, agentId: null, previousAgentId: agentId };
    if (row.state === 'offered') {
      await tx.query(`UPDATE conversations SET state = 'queued', offered_to_agent_id = NULL, offer_expires_at = NULL WHERE id = $1`, [row.id]);
      await closeOffer(tx, row.id, agentId, 'withdrawn');
      const conversation = await reload(tx, row.id);
      await appendEvent(tx, scope, { type: 'conversation.offer-declined', conversation, agent, outcome: 'withdrawn' });
      continue;
    }
    // A new round: agents who declined it before may be offered it again.
    await tx.query(
      `UPDATE conversations SET state = 'queued', agent_id = NULL, picked_at = NULL, reserved_for_agent_id = NULL,
         returned_at = now(), offer_round = offer_round + 1
       WHERE id = $1`,
      [row.id],
    );
    const message = await insertMessage(tx, systemMessage(row.id, row.state === 'picked' ? AGENT_REMOVED_MESSAGE : LOST_RESERVED_AGENT_MESSAGE));
    const conversation = await reload(tx, row.id);
    await appendEvent(tx, scope, { type: 'message.created', message });
    await appendEvent(tx, scope, { type: 'conversation.returned', conversation, agent });
  }
  if (current && current.presence.state !== 'offline') {
    await changePresence(tx, agent, { state: 'offline', reason: null, resetMissedOffers: true });
  }
  return rows.map((r) => r.id);
}

/** Offers released conversations to the next agent where their queue offers; the others wait in the picklist. */
export async function offerReleased(tx: Sql, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const settings = await getRoutingSettings(tx);
  for (const id of ids) await offerConversation(tx, id, settings);
}
