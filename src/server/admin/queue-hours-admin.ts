import type { AdminQueue } from '../../contract/admin';
import { limitChanges } from '../../domain/queue-limits';
import type { Sql } from '../db/database';
import { rescheduleHeld } from '../queues/held-release';

/** The audit summary's words for a change of hours or limits (shared with the mocks). */
export const hoursChanges = limitChanges;

/** Left messages follow the queue's new hours (released now if it is open now). */
export async function releaseHeldConversations(tx: Sql, queue: AdminQueue): Promise<void> {
  await rescheduleHeld(tx, queue.id, queue.openingHours);
}
