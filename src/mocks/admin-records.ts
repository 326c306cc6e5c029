import type { AdminAuditEntry } from '../contract/admin';
import type { User } from '../contract/auth';
import { mockData, type AdminRecords } from './data';

/** The admin pages' records (disabled users, creation times, the audit), kept in mockData so a reset forgets them too. */
export const adminRecords = (): AdminRecords => mockData.admin;

/** Whether an admin disabled the user: they cannot log in, and their sessions are gone. */
export const isDisabled = (userId: string) => adminRecords().disabled.has(userId);

/** Records a change to the workspace in the admins' audit list, as the server's recordAdminAction. */
export function recordAdminAction(actor: User, action: string, target: AdminAuditEntry['target'], summary: string) {
  adminRecords().audit.push({ id: crypto.randomUUID(), at: new Date().toISOString(), actor: { id: actor.id, displayName: actor.displayName }, action, target, summary });
}
