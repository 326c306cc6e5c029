import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { HISTORY_PAGE_SIZE } from '../../contract/limits';
import { viewConversation, visibilityFor } from '../conversations/conversation-service';
import { listCustomerConversations } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { keysetPage } from '../../domain/opaque-cursor';
import { decodeCursor, encodeCursor } from '../../domain/history-cursor';

/**
 * The customer's other conversations, for the side drawer. Only those the requester may view by
 * the usual rules are listed: an agent does not see the customer's conversations in queues they
 * do not serve and never held, even while serving that customer now.
 */
export function registerHistoryRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.customerHistory, async ({ principal: { user }, params, query }) => {
    const current = await viewConversation(db, user, params.id);
    const limit = query.limit ?? HISTORY_PAGE_SIZE;
    const rows = await listCustomerConversations(db, {
      customerId: current.customer.id,
      excludeId: current.id,
      visibility: visibilityFor(user),
      order: query.order,
      after: query.cursor ? decodeCursor(query.cursor, query.order) : null,
      // One more than asked tells whether another page exists.
      limit: limit + 1,
    });
    return keysetPage(rows, limit, (r) => r.conversation, (last) => encodeCursor(query.order, last.key));
  });
}
