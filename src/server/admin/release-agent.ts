import type { PersonRef } from '../../contract/conversations';
import type { Sql } from '../db/database';
import { changePresence, lockPresence } from '../presence/presence-store';
import { endOffer, LOST_RESERVED_AGENT_MESSAGE, offerConversation, returnToQueue } from '../routing/offers';
import { lockConversationsOf, personRef } from '../routing/routing-store';
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
    if (row.state === 'offered') await endOffer(tx, row, 'withdrawn');
    else await returnToQueue(tx, row, agent, { text: row.state === 'picked' ? AGENT_REMOVED_MESSAGE : LOST_RESERVED_AGENT_MESSAGE });
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
