import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { CONVERSATION_PAGE_MAX, CONVERSATION_PAGE_SIZE, MESSAGE_PAGE_SIZE } from '../../contract/limits';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { listMessages } from '../messages/message-store';
import { listQueues } from '../queues/queue-store';
import type { RoutingService } from '../routing/routing-service';
import { sendMessage } from '../messages/send-message';
import '../channels/send-rules';
import { end, pick, viewConversation } from './conversation-service';
import { heldFilter, listPage, offersFilter, picklistFilter } from './conversation-pages';
import { MINE_ORDERS, OFFERS_ORDER, PICKLIST_ORDER } from './list-orders';

export function registerConversationRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  defineRoute(app, api.queues, async ({ principal: { user } }) => {
    return { queues: await listQueues(db, user.role === 'agent' ? user.queueIds : null) };
  });

  defineRoute(app, api.conversations, async ({ principal: { user }, query }) => {
    const limit = query.limit ?? CONVERSATION_PAGE_SIZE;
    if (query.view === 'picklist') {
      const agent = user.role === 'agent' ? { id: user.id, queueIds: user.queueIds } : null;
      return listPage(db, { filter: picklistFilter(agent), order: PICKLIST_ORDER, listing: 'picklist', cursor: query.cursor, limit, readerId: null });
    }
    if (query.view === 'offers') {
      // Offered one at a time per agent: one page holds them all, and the client keeps no cursor.
      return listPage(db, { filter: offersFilter(user.id), order: OFFERS_ORDER, listing: 'offers', cursor: query.cursor, limit: CONVERSATION_PAGE_MAX, readerId: user.id });
    }
    const order = MINE_ORDERS[query.sort];
    return listPage(db, { filter: heldFilter(user.id), order, listing: `mine:${order.name}`, cursor: query.cursor, limit, readerId: user.id });
  });

  defineRoute(app, api.conversation, async ({ principal: { user }, params }) => {
    return { conversation: await viewConversation(db, user, params.id) };
  });

  defineRoute(app, api.pick, async ({ principal: { user }, params }) => {
    return { conversation: await pick(db, user, params.id) };
  });

  defineRoute(app, api.end, async ({ principal: { user }, params, body }) => {
    const conversation = await end(db, user, params.id, body);
    // A free place: a waiting conversation may be offered to this agent now.
    routing.poke();
    return { conversation };
  });

  defineRoute(app, api.messages, async ({ principal: { user }, params, query }) => {
    const conversation = await viewConversation(db, user, params.id);
    return listMessages(db, { kind: 'staff', userId: user.id }, conversation.id, query.before, query.limit ?? MESSAGE_PAGE_SIZE);
  });

  defineRoute(app, api.sendMessage, async ({ principal: { user }, params, body, reply }) => {
    // What a messaging channel cannot carry is refused first (web chats pass untouched).
    await app.checkChannelSend(params.id, body);
    // The rights are checked under the row lock of the send itself (one statement, no reload).
    const result = await sendMessage(db, params.id, { kind: 'staff', user }, body);
    reply.code(result.created ? 201 : 200);
    return result;
  });
}
