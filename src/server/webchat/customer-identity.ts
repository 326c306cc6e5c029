import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '../../contract/auth';
import type { WebchatIdentityStatus } from '../../contract/admin';
import { recordAdminAction } from '../admin/admin-audit-store';
import { lockAsAdmin } from '../admin/admin-guard';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';

/**
 * Verified web-chat identity. The embedding site's server knows who its logged-in customer is;
 * it signs the customer's id with the workspace's secret (hex HMAC-SHA256 of the id's UTF-8
 * bytes) and links to the web chat with both. Only a start carrying a signature that checks out
 * is joined to a customer record, by that id; a typed name or email never joins anything.
 */

/** The hex HMAC-SHA256 of the customer id under the secret: what an embedding site computes. */
export function signCustomerId(secret: string, customerId: string): string {
  return createHmac('sha256', secret).update(customerId, 'utf8').digest('hex');
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Whether `signature` is the customer id's signature under `secret`. The compare takes the same
 * time wherever the bytes differ, so timing tells an attacker nothing about the right signature.
 */
export function signatureMatches(secret: string, customerId: string, signature: string): boolean {
  if (!HEX_SHA256.test(signature)) return false;
  const expected = Buffer.from(signCustomerId(secret, customerId), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

const invalidSignature = (message: string) => new ApiError(403, 'invalid_signature', message);

/**
 * Checks a signed start and returns the verified customer id; throws 403 invalid_signature when
 * the signature is wrong or the workspace has no secret to check it with.
 */
export async function verifyCustomerSignature(db: Sql, customerId: string, signature: string): Promise<string> {
  const secret = await getIdentitySecret(db);
  if (!secret) {
    throw invalidSignature('This chat link cannot be checked, because the web chat is not set up for signed-in customers. Open the chat from the website again, or contact us another way.');
  }
  if (!signatureMatches(secret, customerId, signature)) {
    throw invalidSignature('This chat link is not valid: it may be old or changed. Open the chat from the website again.');
  }
  return customerId;
}

export async function getIdentitySecret(db: Sql): Promise<string | null> {
  const row = await typed(db).selectFrom('webchat_identity').select('secret').executeTakeFirst();
  return row?.secret ?? null;
}

async function readIdentity(db: Sql): Promise<{ status: WebchatIdentityStatus; secret: string | null }> {
  const row = await typed(db)
    .selectFrom('webchat_identity as w')
    .leftJoin('users as u', 'u.id', 'w.generated_by')
    .select(['w.secret', 'w.generated_at', 'w.generated_by', 'u.display_name as generated_by_name'])
    .executeTakeFirst();
  if (!row) return { status: { configured: false, generatedAt: null, generatedBy: null }, secret: null };
  return {
    status: {
      configured: true,
      generatedAt: row.generated_at.toISOString(),
      generatedBy: row.generated_by ? { id: row.generated_by, displayName: row.generated_by_name ?? 'Unknown user' } : null,
    },
    secret: row.secret,
  };
}

/** What admins see without revealing the secret. */
export async function getIdentityStatus(db: Sql): Promise<WebchatIdentityStatus> {
  return (await readIdentity(db)).status;
}

const TARGET = { kind: 'settings', id: null, name: 'Web-chat identity secret' } as const;

/**
 * A new random secret (256 bits, hex), replacing the old one: links signed with the old secret
 * stop working at once. Audited in the same transaction; no event carries it.
 */
export async function generateIdentitySecret(db: Database, admin: User) {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const before = await readIdentity(tx);
    const secret = randomBytes(32).toString('hex');
    const generated = { secret, generated_at: sql<Date>`now()`, generated_by: admin.id };
    await typed(tx)
      .insertInto('webchat_identity')
      .values({ id: true, ...generated })
      .onConflict((oc) => oc.column('id').doUpdateSet(generated))
      .execute();
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: before.secret ? 'webchat_secret.rotated' : 'webchat_secret.generated',
      target: TARGET,
      summary: before.secret
        ? 'Rotated the web-chat identity secret: links signed with the old one no longer work'
        : 'Generated the web-chat identity secret',
    });
    return { identity: (await readIdentity(tx)).status, secret };
  });
}

/** The current secret, for an admin who asked to see it; the audit trail records who did. */
export async function revealIdentitySecret(db: Database, admin: User) {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, admin);
    const { status, secret } = await readIdentity(tx);
    if (!secret) throw new ApiError(404, 'not_found', 'No web-chat identity secret is set up yet. Generate one first.');
    await recordAdminAction(tx, {
      actor: { id: admin.id, displayName: admin.displayName },
      action: 'webchat_secret.revealed',
      target: TARGET,
      summary: 'Revealed the web-chat identity secret',
    });
    return { identity: status, secret };
  });
}
