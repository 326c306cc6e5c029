import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPglite, openPostgres, type Database } from './database';
import { migrate } from './migrate';
import { isDatabaseUnavailable } from './unavailable';

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

/**
 * PostgreSQL when a URL is given, else embedded PGlite in `<dataDir>/pglite`; migrated either way.
 * A database that cannot be reached yet (still starting, network not up) is waited for, with
 * backoff and a log line per attempt, instead of ending the process.
 */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (!opts.databaseUrl) {
    const db = await openPglite(join(opts.dataDir, 'pglite'));
    await migrate(db);
    return db;
  }
  const url = opts.databaseUrl;
  const db = await whileUnavailable('connect to PostgreSQL', () => openPostgres(url));
  await whileUnavailable('migrate the database', () => migrate(db));
  return db;
}

/** Runs `work` until it succeeds or fails for another reason than an unreachable database. */
export async function whileUnavailable<T>(what: string, work: () => Promise<T>, log: (line: string) => void = console.error): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
      log(`Cannot ${what}: ${(err as Error).message || (err as { code?: string }).code}. Retrying in ${Math.round(delay / 1000)} s…`);
      await sleep(delay);
    }
  }
}
