import { DEFAULT_PREFERENCES, PreferencesSchema, type Preferences, type UpdatePreferencesRequest } from '../../contract/preferences';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { appendUserEvent } from '../realtime/event-log';

/** Stored preferences over the defaults; a field this version no longer understands falls back to its default. */
function preferencesFrom(stored: unknown): Preferences {
  const raw = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Partial<Preferences> | null;
  const sort = PreferencesSchema.shape.conversationSort.safeParse(raw?.conversationSort);
  const notifications = { ...DEFAULT_PREFERENCES.notifications };
  for (const key of Object.keys(notifications) as (keyof Preferences['notifications'])[]) {
    const value = raw?.notifications?.[key];
    if (typeof value === 'boolean') notifications[key] = value;
  }
  return { conversationSort: sort.success ? sort.data : DEFAULT_PREFERENCES.conversationSort, notifications };
}

export async function getPreferences(db: Sql, userId: string): Promise<Preferences> {
  const row = await typed(db).selectFrom('user_preferences').select('preferences').where('user_id', '=', userId).executeTakeFirst();
  return preferencesFrom(row?.preferences ?? null);
}

/** What a user chose, as stored: a sort order, switches, or nothing. */
type Chosen = UpdatePreferencesRequest;

/**
 * Applies what the update names, under a row lock so two devices saving at once both count. The
 * row keeps only what users chose, not the defaults, so a later change of a default reaches
 * those who never chose. (Rows saved before this held a full copy: every switch in them counts
 * as chosen.)
 */
export async function updatePreferences(db: Database, userId: string, update: UpdatePreferencesRequest): Promise<Preferences> {
  return db.transaction(async (tx) => {
    const db = typed(tx);
    await db
      .insertInto('user_preferences')
      .values({ user_id: userId, preferences: '{}' })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    const row = await db.selectFrom('user_preferences').select('preferences').where('user_id', '=', userId).forUpdate().executeTakeFirst();
    const stored = (typeof row?.preferences === 'string' ? JSON.parse(row.preferences) : (row?.preferences ?? {})) as Chosen;
    const sort = update.conversationSort ?? stored.conversationSort;
    const chosen: Chosen = {
      ...(sort ? { conversationSort: sort } : {}),
      notifications: { ...stored.notifications, ...stripUndefined(update.notifications ?? {}) },
    };
    const next = preferencesFrom(chosen);
    await db
      .updateTable('user_preferences')
      .set({ preferences: JSON.stringify(chosen), updated_at: sql`now()` })
      .where('user_id', '=', userId)
      .execute();
    await appendUserEvent(tx, userId, { type: 'preferences.updated', preferences: next });
    return next;
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
