import type { User } from '../../contract/auth';
import {
  type CreateChannelRequestSchema,
  type ChannelConfig,
  type ChannelRegion,
  type ProviderChannel,
  type UpdateChannelRequestSchema,
} from '../../contract/channels';
import type { z } from 'zod';
import { recordAdminAction } from '../admin/admin-audit-store';
import { fieldError, lockAsAdmin } from '../admin/admin-guard';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { notFound } from '../http/api-error';
import { openSecret, sealSecret, type SecretKeys } from './channel-secrets';

type CreateInput = z.output<typeof CreateChannelRequestSchema>;
type UpdateInput = z.output<typeof UpdateChannelRequestSchema>;

/** The path of a channel's callback URL: the server's public origin goes before it. */
export const webhookPath = (channelId: string) => `/api/channels/${channelId}/webhook`;

const selectChannels = (db: Sql) =>
  typed(db)
    .selectFrom('channels as ch')
    .innerJoin('queues as q', 'q.id', 'ch.queue_id')
    .select([
      'ch.id',
      'ch.name',
      'ch.project_id',
      'ch.app_id',
      'ch.key_id',
      'ch.key_secret_sealed',
      'ch.webhook_secret_sealed',
      'ch.region',
      'ch.carries',
      'ch.queue_id',
      'q.name as queue_name',
      'ch.sender',
      'ch.closing_message',
      'ch.enabled',
      'ch.created_at',
      'ch.updated_at',
    ]);
type ChannelRow = Awaited<ReturnType<ReturnType<typeof selectChannels>['executeTakeFirstOrThrow']>>;

const fromRow = (r: ChannelRow): ChannelConfig => ({
  id: r.id,
  name: r.name,
  provider: 'sinch',
  projectId: r.project_id,
  appId: r.app_id,
  keyId: r.key_id,
  keySecretSet: r.key_secret_sealed !== '',
  webhookSecretSet: r.webhook_secret_sealed !== '',
  region: r.region as ChannelRegion,
  carries: r.carries as ProviderChannel[],
  queue: { id: r.queue_id, name: r.queue_name },
  sender: r.sender,
  closingMessage: r.closing_message,
  enabled: r.enabled,
  webhookPath: webhookPath(r.id),
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export async function listChannels(db: Sql): Promise<ChannelConfig[]> {
  return (await selectChannels(db).orderBy('ch.name').orderBy('ch.id').execute()).map(fromRow);
}

export async function findChannel(db: Sql, id: string): Promise<ChannelConfig | null> {
  const row = await selectChannels(db).where('ch.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** A channel with its secrets opened, for the webhook and the outbox; never sent to a client. */
export interface RuntimeChannel extends ChannelConfig {
  keySecret: string;
  webhookSecret: string;
}

export async function loadRuntimeChannel(db: Sql, keys: SecretKeys, id: string): Promise<RuntimeChannel | null> {
  const row = await selectChannels(db).where('ch.id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    ...fromRow(row),
    keySecret: await openSecret(db, keys, row.key_secret_sealed),
    webhookSecret: await openSecret(db, keys, row.webhook_secret_sealed),
  };
}

async function checkInput(tx: Sql, input: CreateInput | UpdateInput, selfId: string | null) {
  const sameName = await typed(tx)
    .selectFrom('channels')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .$if(selfId !== null, (qb) => qb.where('id', '<>', selfId!))
    .executeTakeFirst();
  if (sameName) throw fieldError('name', `A channel named ${input.name} already exists. Choose another name.`, 'taken');
  const queue = /^[0-9a-f-]{36}$/i.test(input.queueId)
    ? await typed(tx).selectFrom('queues').select(['id', 'name']).where('id', '=', input.queueId).executeTakeFirst()
    : undefined;
  if (!queue) throw fieldError('queueId', 'This queue does not exist. Choose another one.', 'unknown_choice');
  return queue;
}

const describe = (input: CreateInput | UpdateInput, queueName: string) =>
  `${input.carries.join(', ')} in ${input.region.toUpperCase()} into ${queueName}${input.enabled ? '' : ' (disabled)'}`;

/** The columns a channel's form sets, apart from its sealed secrets. */
const channelColumns = (input: CreateInput | UpdateInput, queueId: string) => ({
  name: input.name,
  project_id: input.projectId,
  app_id: input.appId,
  key_id: input.keyId,
  region: input.region,
  carries: [...new Set(input.carries)],
  queue_id: queueId,
  sender: input.sender,
  closing_message: input.closingMessage || null,
  enabled: input.enabled,
});

export async function createChannel(db: Database, keys: SecretKeys, actor: User, input: CreateInput): Promise<ChannelConfig> {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, actor);
    const queue = await checkInput(tx, input, null);
    const { id } = await typed(tx)
      .insertInto('channels')
      .values({
        ...channelColumns(input, queue.id),
        key_secret_sealed: await sealSecret(tx, keys, input.keySecret),
        webhook_secret_sealed: await sealSecret(tx, keys, input.webhookSecret),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAdminAction(tx, {
      actor: { id: actor.id, displayName: actor.displayName },
      action: 'channel.created',
      target: { kind: 'channel', id, name: input.name },
      summary: `Connected ${describe(input, queue.name)}`,
    });
    return (await findChannel(tx, id))!;
  });
}

export async function updateChannel(db: Database, keys: SecretKeys, actor: User, id: string, input: UpdateInput): Promise<ChannelConfig> {
  return db.transaction(async (tx) => {
    await lockAsAdmin(tx, actor);
    const before = await findChannel(tx, id);
    if (!before) throw notFound('This channel');
    const queue = await checkInput(tx, input, id);
    await typed(tx)
      .updateTable('channels')
      .set({
        ...channelColumns(input, queue.id),
        // Secrets are write-only: left out of an edit, they stay as they are.
        ...(input.keySecret ? { key_secret_sealed: await sealSecret(tx, keys, input.keySecret) } : {}),
        ...(input.webhookSecret ? { webhook_secret_sealed: await sealSecret(tx, keys, input.webhookSecret) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const changed = [
      before.enabled !== input.enabled ? (input.enabled ? 'enabled' : 'disabled') : null,
      input.keySecret ? 'new access key secret' : null,
      input.webhookSecret ? 'new webhook secret' : null,
    ].filter(Boolean);
    await recordAdminAction(tx, {
      actor: { id: actor.id, displayName: actor.displayName },
      action: before.enabled && !input.enabled ? 'channel.disabled' : 'channel.updated',
      target: { kind: 'channel', id, name: input.name },
      summary: `${describe(input, queue.name)}${changed.length ? `; ${changed.join(', ')}` : ''}`,
    });
    return (await findChannel(tx, id))!;
  });
}
