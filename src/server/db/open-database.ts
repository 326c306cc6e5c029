import { join } from 'node:path';
import { openPglite, openPostgres, type Database } from './database';
import { migrate } from './migrations';

/** PostgreSQL when a URL is given, else embedded PGlite in `<dataDir>/pglite`; migrated either way. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(join(opts.dataDir, 'pglite'));
  await migrate(db);
  return db;
}
