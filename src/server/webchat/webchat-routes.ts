import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { MESSAGE_PAGE_SIZE } from '../../contract/limits';
import { toCustomerConversation } from '../../contract/webchat';
import { getConversation } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { notFound } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import type { RoutingService } from '../routing/routing-service';
import { listMessages } from '../messages/message-store';
import { sendMessage } from '../messages/send-message';
import { startWebchat } from './webchat-start';

async function ownConversation(db: Database, conversationId: string) {
  const conversation = await getConversation(db, conversationId);
  if (!conversation) throw notFound('This chat');
  return conversation;
}

export function registerWebchatRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  defineRoute(app, api.webchatQueues, async () => ({
    queues: await typed(db).selectFrom('queues').select(['id', 'name']).orderBy('name').execute(),
  }));

  defineRoute(app, api.webchatStart, async ({ body, reply }) => {
    const started = await startWebchat(db, body);
    // 201 for a new chat, 200 for the answer to a retry (as message sends do).
    reply.code(started.created ? 201 : 200);
    const answer = { customerToken: started.customerToken, message: started.message };
    if (!started.created || started.routingMode !== 'offer') return { ...answer, conversation: toCustomerConversation(started.conversation) };
    // An offering queue offers it to an agent at once (it waits in the picklist when nobody may take it).
    await routing.routeNow(started.conversation.id);
    return { ...answer, conversation: toCustomerConversation(await ownConversation(db, started.conversation.id)) };
  });

  defineRoute(app, api.webchatConversation, async ({ principal }) => {
    return { conversation: toCustomerConversation(await ownConversation(db, principal.conversationId)) };
  });

  defineRoute(app, api.webchatMessages, async ({ principal, query }) => {
    return listMessages(db, { kind: 'customer' }, principal.conversationId, query.before, query.limit ?? MESSAGE_PAGE_SIZE);
  });

  defineRoute(app, api.webchatSend, async ({ principal, body, reply }) => {
    const result = await sendMessage(db, principal.conversationId, { kind: 'customer', customerId: principal.customerId }, body);
    reply.code(result.created ? 201 : 200);
    return result;
  });
}
