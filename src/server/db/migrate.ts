import type { Database } from './database';
import { migrations as allMigrations, type Migration } from './migrations';

// Serialises instances that start at once on one PostgreSQL. The key is arbitrary but fixed.
const MIGRATION_LOCK = 727001;

/**
 * Applies pending migrations, each in a transaction of its own with its row in schema_migrations,
 * so a failing one leaves the ones before it applied and itself not at all. Every transaction
 * takes the advisory lock first and then checks the record, so several instances starting at once
 * apply each migration exactly once, in order.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  for (const m of migrations) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const [done] = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [m.id]);
      if (done) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
    });
  }
}
