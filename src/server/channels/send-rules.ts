import type { FastifyInstance } from 'fastify';
import type { Channel } from '../../contract/conversations';
import { channelRefusal } from '../../domain/channel-rules';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';

/*
 * What a channel cannot carry is refused when the agent sends, with a reason for people, before
 * anything is stored: files on SMS, text too long for the channel, a free-form WhatsApp reply more
 * than 24 hours after the customer's last message. Web chats pass untouched.
 */
export async function checkChannelSend(
  sql: Sql,
  conversationId: string,
  input: { clientMessageId: string; text: string; attachmentIds?: string[] },
  now = Date.now(),
): Promise<void> {
  const row = await typed(sql)
    .selectFrom('conversations as c')
    .select((eb) => [
      'c.channel',
      'c.last_customer_message_at',
      eb
        .exists(
          eb
            .selectFrom('messages as m')
            .select(eb.lit(1).as('one'))
            .whereRef('m.conversation_id', '=', 'c.id')
            .where('m.client_message_id', '=', input.clientMessageId),
        )
        .as('retried'),
    ])
    .where('c.id', '=', conversationId)
    .where('c.channel_id', 'is not', null)
    .executeTakeFirst();
  // Not a channel conversation (or not there: the send says so), or a retry of what is stored.
  if (!row || row.retried) return;
  const refused = channelRefusal(
    row.channel as Channel,
    { text: input.text, attachmentCount: input.attachmentIds?.length ?? 0 },
    row.last_customer_message_at?.toISOString() ?? null,
    now,
  );
  if (refused) throw new ApiError(409, refused.code, refused.message);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Refuses what a messaging channel cannot carry (see checkChannelSend); decorated by buildApp. */
    checkChannelSend(conversationId: string, input: { clientMessageId: string; text: string; attachmentIds?: string[] }): Promise<void>;
  }
}

/**
 * Installs the check for agents' sends. While no channel is configured it costs nothing: a web
 * chat's send stays the statements it was (send-statements.test.ts). `mayHaveChannels` is false
 * only when this instance last saw no channel at all (it looks again every poll, and at once
 * after a change here), so a channel another instance just added is checked within a second, long
 * before a conversation from it can be picked and answered.
 */
export function decorateChannelSendCheck(app: FastifyInstance, sql: Sql, mayHaveChannels: () => boolean): void {
  app.decorate('checkChannelSend', async (conversationId: string, input: { clientMessageId: string; text: string; attachmentIds?: string[] }) => {
    if (mayHaveChannels()) await checkChannelSend(sql, conversationId, input);
  });
}
