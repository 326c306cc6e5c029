import { sql } from 'kysely';
import type { Sql } from './database';
import { typed } from './kysely';

/**
 * Takes the transaction-scoped advisory lock `key` if no other transaction holds it, without
 * waiting: for periodic jobs that several instances run, where one doing the work is enough.
 * Held until the transaction ends.
 */
export async function tryTransactionLock(tx: Sql, key: number): Promise<boolean> {
  const row = await typed(tx).selectNoFrom(sql<boolean>`pg_try_advisory_xact_lock(${key})`.as('locked')).executeTakeFirst();
  return row?.locked === true;
}
