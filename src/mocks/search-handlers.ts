import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import { SEARCH_PAGE_SIZE } from '../contract/limits';
import type { SearchConversationRef } from '../contract/search';
import { decodeSearchCursor, encodeSearchCursor } from '../domain/search-cursor';
import { containsTyped, highlight, matchesEveryTerm, noSearchTerms, searchTerms, snippet } from '../domain/search-text';
import { binary, canView } from './access';
import { messagesOf, mockData, type ConversationRecord } from './data';
import { route } from './route';
import { requireStaff } from './sessions';

/*
 * The panel's search, as src/server/search: the same visibility rule, the same words (src/domain's
 * search-text, standing in for PostgreSQL's full-text match), the same marks and cursor.
 */

/** The server's keys have microseconds; mock times have milliseconds, so pad them the same way. */
const padKey = (iso: string) => `${iso.slice(0, -1)}000Z`;

function refOf(c: ConversationRecord): SearchConversationRef {
  const customer = mockData.customers.find((x) => x.id === c.customerId)!;
  const queue = mockData.queues.find((q) => q.id === c.queueId)!;
  return { id: c.id, state: c.state, queueName: queue.name, arrivedAt: c.arrivedAt, customerName: customer.name };
}

function search(user: User, query: { q: string; cursor?: string; limit?: number }) {
  const terms = searchTerms(query.q);
  if (terms.length === 0) throw noSearchTerms();
  const limit = query.limit ?? SEARCH_PAGE_SIZE;
  const after = query.cursor ? decodeSearchCursor(query.cursor, query.q) : null;
  const visible = mockData.conversations.filter((c) => canView(user, c));

  const conversations = after
    ? []
    : visible
        .map((c) => ({ c, customer: mockData.customers.find((x) => x.id === c.customerId)! }))
        .filter(({ customer: { name, email, phone } }) =>
          [name, email, phone].some((field) => containsTyped(field, query.q)) || matchesEveryTerm(`${name} ${email ?? ''} ${phone ?? ''}`, terms),
        )
        // Open ones first, then the newest.
        .sort((a, b) => Number(a.c.state === 'ended') - Number(b.c.state === 'ended') || binary(b.c.arrivedAt, a.c.arrivedAt) || binary(b.c.id, a.c.id))
        .slice(0, limit)
        .map(({ c, customer }) => ({
          conversation: refOf(c),
          name: highlight(customer.name, query.q),
          email: customer.email === null ? null : highlight(customer.email, query.q),
          phone: customer.phone === null ? null : highlight(customer.phone, query.q),
        }));

  const newestFirst = (a: { at: string; id: string }, b: { at: string; id: string }) => binary(b.at, a.at) || binary(b.id, a.id);
  const found = visible
    .flatMap((c) => messagesOf(c.id).map((m) => ({ c, m, at: padKey(m.createdAt), id: m.id })))
    .filter(({ m }) => m.authorKind !== 'system' && matchesEveryTerm(m.text, terms))
    .filter((row) => !after || newestFirst({ at: after.at, id: after.id }, row) > 0)
    .sort(newestFirst);
  const page = found.slice(0, limit);
  const last = page.at(-1);
  return {
    conversations,
    messages: page.map(({ c, m }) => ({
      conversation: refOf(c),
      message: { id: m.id, seq: m.seq, authorKind: m.authorKind as 'customer' | 'agent', authorName: m.authorName, createdAt: m.createdAt },
      snippet: snippet(m.text, query.q),
    })),
    nextCursor: found.length > limit && last ? encodeSearchCursor(query.q, { at: last.at, id: last.id }) : null,
  };
}

export const searchHandlers = {
  search: route('search', (ctx) => search(requireStaff(ctx).user, ctx.query)),
} satisfies Partial<Record<RouteName, HttpHandler>>;
