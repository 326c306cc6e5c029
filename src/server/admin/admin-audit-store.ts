import type { AdminAuditEntry } from '../../contract/admin';
import type { PersonRef } from '../../contract/conversations';
import type { Sql } from '../db/database';

/** How many of the newest entries the audit list shows. */
export const ADMIN_AUDIT_LIST_LIMIT = 500;

export interface AdminAction {
  actor: PersonRef;
  /** `queue.created`, `user.disabled`, `settings.updated`, … */
  action: string;
  target: { kind: 'queue' | 'user' | 'settings'; id: string | null; name: string };
  summary: string;
}

/** Records what an admin changed; call it inside the change's own transaction, so both or neither stay. */
export async function recordAdminAction(tx: Sql, a: AdminAction): Promise<void> {
  await tx.query(
    `INSERT INTO admin_audit (actor_id, actor_name, action, target_kind, target_id, target_name, summary, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())`,
    [a.actor.id, a.actor.displayName, a.action, a.target.kind, a.target.id, a.target.name, a.summary],
  );
}

interface AuditRow {
  id: string;
  created_at: Date | string;
  actor_id: string;
  actor_name: string;
  action: string;
  target_kind: 'queue' | 'user' | 'settings';
  target_id: string | null;
  target_name: string;
  summary: string;
}

/** Newest first. */
export async function listAdminAudit(sql: Sql, limit = ADMIN_AUDIT_LIST_LIMIT): Promise<AdminAuditEntry[]> {
  const rows = await sql.query<AuditRow>(
    `SELECT id, created_at, actor_id, actor_name, action, target_kind, target_id, target_name, summary
     FROM admin_audit ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    at: new Date(r.created_at).toISOString(),
    actor: { id: r.actor_id, displayName: r.actor_name },
    action: r.action,
    target: { kind: r.target_kind, id: r.target_id, name: r.target_name },
    summary: r.summary,
  }));
}
