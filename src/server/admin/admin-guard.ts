import type { RuleIssueCode } from '../../contract/field-issue';
import { mayEnter, type User } from '../../contract/auth';
import type { StaffPrincipal } from '../auth/principal';
import { sql } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';

export { UUID_PATTERN as UUID } from '../../domain/ids';

const ONLY_ADMINS = 'Only admins can manage queues and users.';

export function requireAdmin(principal: StaffPrincipal): void {
  if (!mayEnter(principal.user.role, 'admin')) throw new ApiError(403, 'forbidden', ONLY_ADMINS);
}

/** A 400 that names the field the admin has to change, with the same text for the form and the banner. */
/** A refusal by a rule the schema cannot check, on one field, with its reason for other languages. */
export const fieldError = (field: string, message: string, code: RuleIssueCode) =>
  new ApiError(400, 'invalid_request', message, { fields: { [field]: message }, fieldIssues: { [field]: { code } } });

/**
 * Every admin change runs under this transaction-scoped advisory lock, on every instance: the
 * checks that keep names unique and an admin enabled then see each other's results, so two admins
 * cannot, say, disable each other at the same moment. Take it first, before the routing lock.
 */
const ADMIN_LOCK = 727030;

/**
 * Takes the admin lock, then checks again that the actor is still an enabled admin: an admin
 * disabled or demoted a moment ago by another admin must not finish a change they started.
 */
export async function lockAsAdmin(tx: Sql, actor: User): Promise<void> {
  const db = typed(tx);
  await sql`SELECT pg_advisory_xact_lock(${ADMIN_LOCK})`.execute(db);
  const row = await db.selectFrom('users').select(['role', 'disabled']).where('id', '=', actor.id).executeTakeFirst();
  if (!row || row.disabled || row.role !== 'admin') throw new ApiError(403, 'forbidden', ONLY_ADMINS);
}
