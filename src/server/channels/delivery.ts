import type { DeliveryStatus } from '../../contract/messages';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { appendEvent } from '../realtime/event-log';

/*
 * How far an agent's message got, on the message row (messages.delivery_status) and live in the
 * panel (a message.delivery event). Reports can arrive late, twice or out of order: the status
 * only moves forward (sent → delivered → read), and a failure counts only before delivery.
 */

const RANK: Record<DeliveryStatus, number> = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 1 };

/** Whether a message at `from` moves to `to`. */
export function advances(from: DeliveryStatus | null, to: DeliveryStatus): boolean {
  if (from === null) return true;
  if (to === 'failed') return from === 'pending' || from === 'sent';
  if (from === 'failed') return to !== 'pending' && to !== 'sent';
  return RANK[to] > RANK[from];
}

/**
 * Sets the message's status (if it moves forward) and tells the panels. `force` sets it whatever
 * it was (an agent's Retry puts a failed message back to pending). False when the message is not there.
 */
export async function setDelivery(tx: Sql, messageId: string, status: DeliveryStatus, error: string | null, force = false): Promise<boolean> {
  const row = await typed(tx)
    .selectFrom('messages as m')
    .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.delivery_status', 'm.conversation_id', 'c.queue_id', 'c.agent_id', 'c.reserved_for_agent_id'])
    .where('m.id', '=', messageId)
    .forUpdate('m')
    .executeTakeFirst();
  if (!row) return false;
  // A CHECK constraint (migration 21) holds delivery_status to the contract's states.
  if (!force && !advances(row.delivery_status as DeliveryStatus | null, status)) return true;
  await typed(tx).updateTable('messages').set({ delivery_status: status, delivery_error: error }).where('id', '=', messageId).execute();
  await appendEvent(
    tx,
    { conversationId: row.conversation_id, queueId: row.queue_id, agentId: row.agent_id ?? row.reserved_for_agent_id },
    { type: 'message.delivery', conversationId: row.conversation_id, messageId, delivery: { status, error } },
  );
  return true;
}

/**
 * A delivery report: finds the outbox entry by the metadata we sent with it (its id) or by the
 * API's message id. False when neither is known (yet).
 */
export async function applyDelivery(
  tx: Sql,
  ref: { channelId: string; metadata: string | null; providerMessageId: string },
  status: DeliveryStatus,
  error: string | null,
): Promise<boolean> {
  const byMetadata = ref.metadata && /^[0-9a-f-]{36}$/i.test(ref.metadata) ? ref.metadata : null;
  const entry = await typed(tx)
    .selectFrom('channel_outbox')
    .select('message_id')
    .where('channel_id', '=', ref.channelId)
    .where((eb) => eb.or([eb('provider_message_id', '=', ref.providerMessageId), ...(byMetadata ? [eb('id', '=', byMetadata)] : [])]))
    .limit(1)
    .executeTakeFirst();
  if (!entry) return false;
  // A closing message has no message in the thread to mark.
  if (entry.message_id === null) return true;
  return setDelivery(tx, entry.message_id, status, error);
}
