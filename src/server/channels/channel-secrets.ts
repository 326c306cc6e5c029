import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

/*
 * Channel secrets (the access key secret and the webhook secret) are stored sealed with AES-256-GCM.
 * The key is CHANNEL_SECRETS_KEY when set (any string; hashed to 32 bytes), kept outside the
 * database; otherwise a random key kept in the database (channel_secret_key), which at least keeps
 * the secrets out of the channels table, its API answers and its logs. Each sealed value names the
 * key it used (`env:` or `db:`), so setting the variable later still opens older values.
 */

export interface SecretKeys {
  /** From CHANNEL_SECRETS_KEY; null when unset. */
  env: string | null;
}

const keyBytes = (material: string) => createHash('sha256').update(material).digest();

async function databaseKey(sql: Sql): Promise<Buffer> {
  // The first instance to need it makes it; any other keeps the one stored.
  await typed(sql)
    .insertInto('channel_secret_key')
    .values({ key: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await typed(sql).selectFrom('channel_secret_key').select('key').executeTakeFirst();
  return keyBytes(row!.key);
}

export async function sealSecret(sql: Sql, keys: SecretKeys, plain: string): Promise<string> {
  const [tag, key] = keys.env ? ['env', keyBytes(keys.env)] : ['db', await databaseKey(sql)];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${tag}:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${sealed.toString('base64')}`;
}

export async function openSecret(sql: Sql, keys: SecretKeys, sealed: string): Promise<string> {
  const [tag, iv, auth, data] = sealed.split(':');
  if (!iv || !auth || !data) throw new Error('A channel secret is stored in an unknown form');
  let key: Buffer;
  if (tag === 'env') {
    if (!keys.env) throw new Error('A channel secret was sealed with CHANNEL_SECRETS_KEY, which is not set');
    key = keyBytes(keys.env);
  } else key = await databaseKey(sql);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(auth, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
}
