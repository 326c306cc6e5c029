import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { HISTORY_PAGE_SIZE } from '../../contract/limits';
import { listHandled } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { keysetPage } from '../../domain/opaque-cursor';
import { decodeHandledCursor, encodeHandledCursor } from '../../domain/history-cursor';

/**
 * The agent's own history: ended conversations they held at the end, or handed on by a transfer
 * at some point (whoever ended them). Supervisors and admins review every ended conversation.
 * The path is static, so Fastify matches it before `/api/conversations/:id`.
 */
export function registerHandledRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.handledConversations, async ({ principal: { user }, query }) => {
    const limit = query.limit ?? HISTORY_PAGE_SIZE;
    const listing = { search: query.search ?? '', sort: query.sort, order: query.order };
    const rows = await listHandled(db, {
      handledBy: user.role === 'agent' ? user.id : null,
      search: listing.search === '' ? null : listing.search,
      sort: listing.sort,
      order: listing.order,
      after: query.cursor ? decodeHandledCursor(query.cursor, listing) : null,
      // One more than asked tells whether another page exists.
      limit: limit + 1,
    });
    return keysetPage(rows, limit, (r) => r.conversation, (last) => encodeHandledCursor(listing, last.key));
  });
}
