import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { MESSAGE_PAGE_SIZE } from '../../contract/limits';
import type { RoutingMode } from '../../contract/queues';
import { toCustomerConversation } from '../../contract/webchat';
import { requireCustomer } from '../auth/principal';
import { hashToken, newToken } from '../auth/tokens';
import { sendMessage } from '../conversations/conversation-service';
import { getConversation } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { ApiError, notFound } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { appendEvent } from '../realtime/event-log';
import type { RoutingService } from '../routing/routing-service';
import { insertMessage, listMessages } from '../messages/message-store';

async function ownConversation(db: Database, conversationId: string) {
  const conversation = await getConversation(db, conversationId);
  if (!conversation) throw notFound('This chat');
  return conversation;
}

export function registerWebchatRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  defineRoute(app, api.webchatQueues, async () => ({
    queues: await db.query<{ id: string; name: string }>('SELECT id, name FROM queues ORDER BY name'),
  }));

  defineRoute(app, api.webchatStart, async ({ body, reply }) => {
    const [queue] = await db.query<{ id: string; address: string; routing_mode: RoutingMode }>(
      'SELECT id, address, routing_mode FROM queues WHERE id::text = $1',
      [body.queueId],
    );
    if (!queue) throw new ApiError(400, 'invalid_request', 'This queue does not exist. Choose another one.', { fields: { queueId: 'Unknown queue' } });
    const customerToken = newToken();
    const { conversation, message } = await db.transaction(async (tx) => {
      // Returning customers keep one record, so agents see their earlier conversations. The
      // stored name is kept: an anonymous form must not rename a customer agents already know.
      const [customer] = await tx.query<{ id: string; name: string }>(
        `INSERT INTO customers (name, email) VALUES ($1, $2)
         ON CONFLICT (lower(email)) WHERE email IS NOT NULL DO UPDATE SET email = customers.email RETURNING id, name`,
        [body.name, body.email],
      );
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO conversations (customer_id, queue_id, channel, source, destination, state, customer_token_hash)
         VALUES ($1, $2, 'webchat', $3, $4, 'queued', $5) RETURNING id`,
        [customer!.id, queue.id, body.email, queue.address, hashToken(customerToken)],
      );
      const id = row!.id;
      const message = await insertMessage(tx, {
        conversationId: id,
        clientMessageId: body.clientMessageId,
        authorKind: 'customer',
        authorId: customer!.id,
        authorName: customer!.name,
        text: body.text,
      });
      const conversation = (await getConversation(tx, id))!;
      const scope = { conversationId: id, queueId: queue.id, agentId: null };
      await appendEvent(tx, scope, { type: 'conversation.created', conversation });
      await appendEvent(tx, scope, { type: 'message.created', message });
      return { conversation, message };
    });
    reply.code(201);
    if (queue.routing_mode !== 'offer') return { customerToken, conversation: toCustomerConversation(conversation), message };
    // An offering queue offers it to an agent at once (it waits in the picklist when nobody may take it).
    await routing.routeNow(conversation.id);
    return { customerToken, conversation: toCustomerConversation(await ownConversation(db, conversation.id)), message };
  });

  defineRoute(app, api.webchatConversation, async ({ req }) => {
    const principal = await requireCustomer(db, req);
    return { conversation: toCustomerConversation(await ownConversation(db, principal.conversationId)) };
  });

  defineRoute(app, api.webchatMessages, async ({ req, query }) => {
    const principal = await requireCustomer(db, req);
    return listMessages(db, principal.conversationId, query.before, query.limit ?? MESSAGE_PAGE_SIZE);
  });

  defineRoute(app, api.webchatSend, async ({ req, body, reply }) => {
    const principal = await requireCustomer(db, req);
    const conversation = await ownConversation(db, principal.conversationId);
    const result = await sendMessage(
      db,
      {
        conversationId: conversation.id,
        clientMessageId: body.clientMessageId,
        authorKind: 'customer',
        authorId: principal.customerId,
        authorName: conversation.customer.name,
        text: body.text,
        attachmentIds: body.attachmentIds,
      },
      (row) => {
        if (row.state === 'ended') throw new ApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to write again.');
      },
    );
    reply.code(result.created ? 201 : 200);
    return result;
  });
}
