import type { Preferences, UpdatePreferencesRequest } from '../../contract/preferences';
import { preferencesFrom, withChoices } from '../../domain/preferences';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { appendUserEvent } from '../realtime/event-log';

/** jsonb reads as an object on PGlite and may read as text elsewhere. */
const parsedJson = (stored: unknown): unknown => (typeof stored === 'string' ? JSON.parse(stored) : stored);

export async function getPreferences(db: Sql, userId: string): Promise<Preferences> {
  const row = await typed(db).selectFrom('user_preferences').select('preferences').where('user_id', '=', userId).executeTakeFirst();
  return preferencesFrom(parsedJson(row?.preferences ?? null));
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
    const stored = parsedJson(row?.preferences ?? null) as Chosen | null;
    const chosen = withChoices(stored ?? undefined, update);
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
