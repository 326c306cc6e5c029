import type { FastifyInstance } from 'fastify';
import { channelApi } from '../../contract/channel-api';
import { messageFor } from '../../contract/messages';
import type { Channel } from '../../contract/conversations';
import { channelRefusal } from '../../domain/channel-rules';
import { requireAdmin } from '../admin/admin-guard';
import type { StaffPrincipal } from '../auth/principal';
import { agentMayWrite, requireAgent, viewConversation } from '../conversations/conversation-service';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError, notFound } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { findByIdInConversation } from './message-lookup';
import type { SecretKeys } from './channel-secrets';
import { createChannel, findChannel, listChannels, updateChannel } from './channel-store';
import type { ChannelWorker } from './channel-worker';
import { setDelivery } from './delivery';

/** The admins' channel pages and the agents' Retry of a message that did not reach its channel. */
export function registerChannelRoutes(app: FastifyInstance, db: Database, keys: SecretKeys, worker: ChannelWorker) {
  const admin = (principal: StaffPrincipal) => {
    requireAdmin(principal);
    return principal.user;
  };

  defineRoute(app, channelApi.adminChannels, async ({ principal }) => {
    admin(principal);
    return { channels: await listChannels(db) };
  });

  defineRoute(app, channelApi.createChannel, async ({ principal, body, reply }) => {
    const channel = await createChannel(db, keys, admin(principal), body);
    worker.channelsChanged();
    reply.code(201);
    return { channel };
  });

  defineRoute(app, channelApi.updateChannel, async ({ principal, params, body }) => {
    const user = admin(principal);
    if (!(await findChannel(db, params.id))) throw notFound('This channel');
    const channel = await updateChannel(db, keys, user, params.id, body);
    worker.channelsChanged();
    return { channel };
  });

  defineRoute(app, channelApi.retryMessage, async ({ principal: { user }, params }) => {
    requireAgent(user);
    await viewConversation(db, user, params.id);
    const message = await db.transaction(async (tx) => {
      const row = await typed(tx)
        .selectFrom('conversations')
        .select(['state', 'agent_id', 'channel', 'last_customer_message_at'])
        .where('id', '=', params.id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound('This conversation');
      agentMayWrite(user)(row);
      const found = await findByIdInConversation(tx, params.id, params.messageId);
      if (!found || found.authorId !== user.id || !found.delivery) throw notFound('This message');
      if (found.delivery.status !== 'failed') return found;
      const refused = channelRefusal(row.channel as Channel, { text: '', attachmentCount: 0 }, row.last_customer_message_at?.toISOString() ?? null);
      if (refused) throw new ApiError(409, refused.code, refused.message);
      await typed(tx)
        .updateTable('channel_outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()`, lease_until: null, last_error: null })
        .where('message_id', '=', found.id)
        .where('status', '=', 'failed')
        .execute();
      await setDelivery(tx, found.id, 'pending', null, true);
      return { ...found, delivery: { status: 'pending' as const, error: null } };
    });
    worker.poke();
    return { message: messageFor(message, { kind: 'staff', userId: user.id }) };
  });
}
