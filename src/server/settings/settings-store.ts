import {
  AttachmentPolicySchema,
  DEFAULT_ATTACHMENT_POLICY,
  FILE_TYPE_NAMES,
  type AttachmentPolicy,
} from '../../contract/attachments';
import {
  DEFAULT_ROUTING_SETTINGS,
  DEFAULT_SECURITY_SETTINGS,
  defaultSettings,
  RoutingSettingsSchema,
  SecuritySettingsSchema,
  type RoutingSettings,
  type SecuritySettings,
  type Settings,
  type UpdateSettingsRequest,
} from '../../contract/settings';
import type { User } from '../../contract/auth';
import { CustomerChatSettingsSchema, DEFAULT_CUSTOMER_CHAT_SETTINGS, type CustomerChatSettings } from '../../contract/customer-chat';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { recordAdminAction } from '../admin/admin-audit-store';
import { appendWorkspaceEvent } from '../realtime/event-log';

/** A stored policy; file types this version no longer knows are dropped rather than failing every read. */
function policyFrom(stored: unknown): AttachmentPolicy {
  const raw = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<AttachmentPolicy> | null;
  const parsed = AttachmentPolicySchema.safeParse({
    ...raw,
    allowedTypes: (raw?.allowedTypes ?? []).filter((t) => (FILE_TYPE_NAMES as readonly string[]).includes(t)),
  });
  return parsed.success ? parsed.data : structuredClone(DEFAULT_ATTACHMENT_POLICY);
}

/** Stored routing settings, each missing or invalid field replaced by its default. */
function routingFrom(stored: unknown): RoutingSettings {
  const raw = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<RoutingSettings> | null;
  const merged = { ...DEFAULT_ROUTING_SETTINGS };
  for (const key of Object.keys(merged) as (keyof RoutingSettings)[]) {
    const field = RoutingSettingsSchema.shape[key].safeParse(raw?.[key]);
    if (field.success) merged[key] = field.data;
  }
  return merged;
}

/** Stored security settings, each missing or invalid field replaced by its default. */
export function securityFrom(stored: unknown): SecuritySettings {
  const raw = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<SecuritySettings> | null;
  const merged = { ...DEFAULT_SECURITY_SETTINGS };
  for (const key of Object.keys(merged) as (keyof SecuritySettings)[]) {
    const field = SecuritySettingsSchema.shape[key].safeParse(raw?.[key]);
    if (field.success) merged[key] = field.data;
  }
  return merged;
}

/** Stored web-chat settings, each missing or invalid field replaced by its default. */
function customerChatFrom(stored: unknown): CustomerChatSettings {
  const raw = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<CustomerChatSettings> | null;
  const merged = { ...DEFAULT_CUSTOMER_CHAT_SETTINGS };
  for (const key of Object.keys(merged) as (keyof CustomerChatSettings)[]) {
    const field = CustomerChatSettingsSchema.shape[key].safeParse(raw?.[key]);
    // Each key keeps its own type; the cast only joins them.
    if (field.success) (merged as Record<string, unknown>)[key] = field.data;
  }
  return merged;
}

/** The web-chat settings alone: the start form, the survey and the inactivity sweeper read them. */
export async function getCustomerChatSettings(db: Sql): Promise<CustomerChatSettings> {
  const row = await typed(db).selectFrom('settings').select('customer_chat').executeTakeFirst();
  return customerChatFrom(row?.customer_chat ?? null);
}

/** The security settings alone: every login reads them. */
export async function getSecuritySettings(db: Sql): Promise<SecuritySettings> {
  const row = await typed(db).selectFrom('settings').select('security').executeTakeFirst();
  return securityFrom(row?.security ?? null);
}

/** The workspace settings; the contract's defaults until an admin first saves them. */
export async function getSettings(db: Sql): Promise<Settings> {
  const row = await typed(db)
    .selectFrom('settings as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select(['s.agent_uploads', 's.customer_uploads', 's.routing', 's.security', 's.customer_chat', 's.updated_at', 's.updated_by', 'u.display_name as updated_by_name'])
    .executeTakeFirst();
  if (!row) return defaultSettings();
  return {
    agentUploads: policyFrom(row.agent_uploads),
    customerUploads: policyFrom(row.customer_uploads),
    routing: routingFrom(row.routing),
    security: securityFrom(row.security),
    customerChat: customerChatFrom(row.customer_chat),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by ? { id: row.updated_by, displayName: row.updated_by_name ?? 'Unknown user' } : null,
  };
}

/** The routing settings alone: the sweeper and routing read them often. */
export async function getRoutingSettings(db: Sql): Promise<RoutingSettings> {
  const row = await typed(db).selectFrom('settings').select('routing').executeTakeFirst();
  return routingFrom(row?.routing ?? null);
}

/**
 * Saves both policies, and the routing settings when the update has them (kept otherwise), and
 * tells every staff socket, in one transaction.
 */
export async function saveSettings(db: Database, admin: User, update: UpdateSettingsRequest): Promise<Settings> {
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    // A client that predates a routing setting leaves it out: it keeps its stored value.
    const routing: RoutingSettings = update.routing
      ? { ...update.routing, pushKeepChatsMinutes: update.routing.pushKeepChatsMinutes ?? before.routing.pushKeepChatsMinutes }
      : before.routing;
    const security = update.security ?? before.security;
    const customerChat = update.customerChat ?? before.customerChat;
    // The one settings row (id is always true): created by the first save, replaced by later ones.
    await typed(tx)
      .insertInto('settings')
      .values({
        id: true,
        agent_uploads: JSON.stringify(update.agentUploads),
        customer_uploads: JSON.stringify(update.customerUploads),
        routing: JSON.stringify(routing),
        security: JSON.stringify(security),
        customer_chat: JSON.stringify(customerChat),
        updated_at: sql`now()`,
        updated_by: admin.id,
      })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          agent_uploads: eb.ref('excluded.agent_uploads'),
          customer_uploads: eb.ref('excluded.customer_uploads'),
          routing: eb.ref('excluded.routing'),
          security: eb.ref('excluded.security'),
          customer_chat: eb.ref('excluded.customer_chat'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
    const settings = await getSettings(tx);
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'settings.updated',
      target: { kind: 'settings', id: null, name: 'Workspace settings' },
      summary: settingsChangeSummary(before, settings),
    });
    await appendWorkspaceEvent(tx, { type: 'settings.updated', settings });
    return settings;
  });
}

/** For the admins' audit trail: which parts of the settings a save changed. */
function settingsChangeSummary(before: Settings, after: Settings): string {
  const changed = [
    ['agent uploads', before.agentUploads, after.agentUploads],
    ['customer uploads', before.customerUploads, after.customerUploads],
    ['routing', before.routing, after.routing],
    ['session timeouts', before.security, after.security],
    ['web chat', before.customerChat, after.customerChat],
  ]
    .filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b))
    .map(([name]) => name as string);
  return changed.length > 0 ? `Changed the settings: ${changed.join(', ')}` : 'Saved the settings without changes';
}
