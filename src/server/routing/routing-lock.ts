import type { Sql } from '../db/database';

/**
 * Every decision about offers and presence (offer, accept, reject, expiry, lost agents, presence
 * changes) runs under this one transaction-scoped advisory lock, on every server instance. So
 * two instances never offer two conversations to one agent's last free place, and never decide
 * about the same offer at once. Take it first in the transaction, before any row lock.
 */
const ROUTING_LOCK = 727010;

export async function lockRouting(tx: Sql): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [ROUTING_LOCK]);
}

/** The lock if nobody holds it; false when another transaction (on any instance) does. */
export async function tryLockRouting(tx: Sql): Promise<boolean> {
  const [row] = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [ROUTING_LOCK]);
  return row?.locked === true;
}
