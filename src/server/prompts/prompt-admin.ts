import type { User } from '../../contract/auth';
import type { QueuePrompts } from '../../contract/prompts';
import type { RoutingMode } from '../../contract/queues';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { notFound } from '../http/api-error';
import { recordAdminAction } from '../admin/admin-audit-store';
import { lockAsAdmin } from '../admin/admin-guard';
import { appendWorkspaceEvent } from '../realtime/event-log';
import { promptChanges } from '../../domain/prompt-changes';
import { getQueuePrompts, saveQueuePrompts } from './prompt-store';

/**
 * An admin replaces a queue's prompts: saved, audited with what changed, and announced as the
 * queue's `queue.updated` (admin screens open elsewhere refetch on it). Saving the same prompts
 * again changes nothing and records nothing.
 */
export async function updateQueuePrompts(db: Database, admin: User, queueId: string, prompts: QueuePrompts): Promise<QueuePrompts> {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const queue = await typed(tx).selectFrom('queues').select(['id', 'name', 'address', 'routing_mode']).where('id', '=', queueId).executeTakeFirst();
    if (!queue) throw notFound('This queue');
    const before = await getQueuePrompts(tx, queueId);
    const changes = promptChanges(before, prompts);
    if (changes.length === 0) return before;
    await saveQueuePrompts(tx, queueId, prompts);
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'queue.prompts_updated',
      target: { kind: 'queue', id: queueId, name: queue.name },
      summary: `Changed the chat prompts of ${queue.name}: ${changes.join('; ')}`,
    });
    await appendWorkspaceEvent(tx, {
      type: 'queue.updated',
      // A CHECK constraint holds routing_mode to the contract's modes.
      queue: { id: queue.id, name: queue.name, address: queue.address, routingMode: queue.routing_mode as RoutingMode },
    });
    return getQueuePrompts(tx, queueId);
  });
}

/** The prompts of a queue for the admin editor; 404 for an unknown queue. */
export async function readQueuePrompts(db: Database, queueId: string): Promise<QueuePrompts> {
  const queue = await typed(db).selectFrom('queues').select('id').where('id', '=', queueId).executeTakeFirst();
  if (!queue) throw notFound('This queue');
  return getQueuePrompts(db, queueId);
}
