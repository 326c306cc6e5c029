import {
  DEFAULT_PREFERENCES,
  PreferencesSchema,
  type Preferences,
  type UpdatePreferencesRequest,
} from '../../contract/preferences';
import type { Database, Sql } from '../db/database';
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

export async function getPreferences(sql: Sql, userId: string): Promise<Preferences> {
  const [row] = await sql.query<{ preferences: unknown }>('SELECT preferences FROM user_preferences WHERE user_id = $1', [userId]);
  return preferencesFrom(row?.preferences ?? null);
}

/** Applies what the update names, under a row lock so two devices saving at once both count. */
export async function updatePreferences(db: Database, userId: string, update: UpdatePreferencesRequest): Promise<Preferences> {
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO user_preferences (user_id, preferences) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING`,
      [userId, JSON.stringify(DEFAULT_PREFERENCES)],
    );
    const [row] = await tx.query<{ preferences: unknown }>('SELECT preferences FROM user_preferences WHERE user_id = $1 FOR UPDATE', [userId]);
    const current = preferencesFrom(row?.preferences ?? null);
    const next: Preferences = {
      conversationSort: update.conversationSort ?? current.conversationSort,
      notifications: { ...current.notifications, ...stripUndefined(update.notifications ?? {}) },
    };
    await tx.query('UPDATE user_preferences SET preferences = $2, updated_at = now() WHERE user_id = $1', [userId, JSON.stringify(next)]);
    await appendUserEvent(tx, userId, { type: 'preferences.updated', preferences: next });
    return next;
  });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
