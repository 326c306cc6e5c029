import type { FastifyInstance } from 'fastify';
import { searchApi } from '../../contract/search-api';
import { SEARCH_PAGE_SIZE } from '../../contract/limits';
import { decodeSearchCursor, encodeSearchCursor } from '../../domain/search-cursor';
import { highlight, prefixTsQuery, searchTerms, snippet } from '../../domain/search-text';
import { visibilityFor } from '../conversations/conversation-service';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { findCustomers, findMessages } from './search-store';

/**
 * The panel's one search box: conversations by their customer, and messages by their words, in
 * what the requester may see. Conversations come with the first page only; the cursor pages the
 * messages. Text without a letter or digit is a 400 before any query runs.
 */
export function registerSearchRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, searchApi.search, async ({ principal: { user }, query }) => {
    const tsQuery = prefixTsQuery(searchTerms(query.q));
    const limit = query.limit ?? SEARCH_PAGE_SIZE;
    const visibility = visibilityFor(user);
    const after = query.cursor ? decodeSearchCursor(query.cursor, query.q) : null;
    const [customers, messages] = await Promise.all([
      after ? [] : findCustomers(db, { typed: query.q, tsQuery, visibility, limit }),
      // One more than asked tells whether another page exists.
      findMessages(db, { tsQuery, visibility, after, limit: limit + 1 }),
    ]);
    const page = messages.slice(0, limit);
    const last = page.at(-1);
    return {
      conversations: customers.map(({ conversation, email, phone }) => ({
        conversation,
        name: highlight(conversation.customerName, query.q),
        email: email === null ? null : highlight(email, query.q),
        phone: phone === null ? null : highlight(phone, query.q),
      })),
      messages: page.map(({ conversation, message: { text, ...message } }) => ({ conversation, message, snippet: snippet(text, query.q) })),
      nextCursor: messages.length > limit && last ? encodeSearchCursor(query.q, last.key) : null,
    };
  });
}
