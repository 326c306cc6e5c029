import {
  AttachmentPolicySchema,
  DEFAULT_ATTACHMENT_POLICY,
  FILE_TYPE_NAMES,
  type AttachmentPolicy,
} from '../../contract/attachments';
import type { Settings, UpdateSettingsRequest } from '../../contract/settings';
import type { User } from '../../contract/auth';
import type { Database, Sql } from '../db/database';
import { appendWorkspaceEvent } from '../realtime/event-log';

interface SettingsRow {
  agent_uploads: unknown;
  customer_uploads: unknown;
  updated_at: Date | string;
  updated_by: string | null;
  updated_by_name: string | null;
}

/** A stored policy; file types this version no longer knows are dropped rather than failing every read. */
function policyFrom(stored: unknown): AttachmentPolicy {
  const raw = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<AttachmentPolicy> | null;
  const parsed = AttachmentPolicySchema.safeParse({
    ...raw,
    allowedTypes: (raw?.allowedTypes ?? []).filter((t) => (FILE_TYPE_NAMES as readonly string[]).includes(t)),
  });
  return parsed.success ? parsed.data : structuredClone(DEFAULT_ATTACHMENT_POLICY);
}

/** The workspace settings; the contract's defaults until an admin first saves them. */
export async function getSettings(sql: Sql): Promise<Settings> {
  const [row] = await sql.query<SettingsRow>(
    `SELECT s.agent_uploads, s.customer_uploads, s.updated_at, s.updated_by, u.display_name AS updated_by_name
     FROM settings s LEFT JOIN users u ON u.id = s.updated_by`,
  );
  if (!row) {
    return {
      agentUploads: structuredClone(DEFAULT_ATTACHMENT_POLICY),
      customerUploads: structuredClone(DEFAULT_ATTACHMENT_POLICY),
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    agentUploads: policyFrom(row.agent_uploads),
    customerUploads: policyFrom(row.customer_uploads),
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by ? { id: row.updated_by, displayName: row.updated_by_name ?? 'Unknown user' } : null,
  };
}

/** Saves both policies and tells every staff socket, in one transaction. */
export async function saveSettings(db: Database, admin: User, update: UpdateSettingsRequest): Promise<Settings> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO settings (id, agent_uploads, customer_uploads, updated_at, updated_by) VALUES (true, $1, $2, now(), $3)
       ON CONFLICT (id) DO UPDATE SET agent_uploads = $1, customer_uploads = $2, updated_at = now(), updated_by = $3`,
      [JSON.stringify(update.agentUploads), JSON.stringify(update.customerUploads), admin.id],
    );
    const settings = await getSettings(tx);
    await appendWorkspaceEvent(tx, { type: 'settings.updated', settings });
    return settings;
  });
}
