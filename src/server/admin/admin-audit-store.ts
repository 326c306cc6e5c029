import type { AdminAuditEntry } from '../../contract/admin';
import type { PersonRef } from '../../contract/conversations';
import { sql } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

/** How many of the newest entries the audit list shows. */
export const ADMIN_AUDIT_LIST_LIMIT = 500;

export interface AdminAction {
  actor: PersonRef;
  /** `queue.created`, `user.disabled`, `settings.updated`, `canned-response.deleted`, … */
  action: string;
  target: { kind: AdminAuditEntry['target']['kind']; id: string | null; name: string };
  summary: string;
}

/** Records what an admin changed; call it inside the change's own transaction, so both or neither stay. */
export async function recordAdminAction(tx: Sql, a: AdminAction): Promise<void> {
  await typed(tx)
    .insertInto('admin_audit')
    .values({
      actor_id: a.actor.id,
      actor_name: a.actor.displayName,
      action: a.action,
      target_kind: a.target.kind,
      target_id: a.target.id,
      target_name: a.target.name,
      summary: a.summary,
      // The moment of the change, not of the transaction's start: several changes in one
      // transaction keep their order.
      created_at: sql`clock_timestamp()`,
    })
    .execute();
}

/** Newest first. */
export async function listAdminAudit(db: Sql, limit = ADMIN_AUDIT_LIST_LIMIT): Promise<AdminAuditEntry[]> {
  const rows = await typed(db)
    .selectFrom('admin_audit')
    .select(['id', 'created_at', 'actor_id', 'actor_name', 'action', 'target_kind', 'target_id', 'target_name', 'summary'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.created_at.toISOString(),
    actor: { id: r.actor_id, displayName: r.actor_name },
    action: r.action,
    target: { kind: r.target_kind as AdminAction['target']['kind'], id: r.target_id, name: r.target_name },
    summary: r.summary,
  }));
}
