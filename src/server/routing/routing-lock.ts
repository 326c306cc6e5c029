import { sql } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { tryTransactionLock } from '../db/try-lock';

/**
 * Every decision about offers and presence (offer, accept, reject, expiry, lost agents, presence
 * changes) runs under this one transaction-scoped advisory lock, on every server instance. So
 * two instances never offer two conversations to one agent's last free place, and never decide
 * about the same offer at once. Take it first in the transaction, before any row lock.
 */
const ROUTING_LOCK = 727010;

export async function lockRouting(tx: Sql): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${ROUTING_LOCK})`.execute(typed(tx));
}

/** The lock if nobody holds it; false when another transaction (on any instance) does. */
export async function tryLockRouting(tx: Sql): Promise<boolean> {
  return tryTransactionLock(tx, ROUTING_LOCK);
}
