import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { User } from '../contract/auth';
import type { HandledSort, HistoryOrder } from '../contract/history';
import { HISTORY_PAGE_SIZE } from '../contract/limits';
import { decodeCursor, decodeHandledCursor, encodeCursor, encodeHandledCursor } from '../domain/history-cursor';
import { keysetPage } from '../domain/opaque-cursor';
import { binary, canView, viewConversation } from './access';
import { mockData, toConversation, transfersOf, type ConversationRecord } from './data';
import { route } from './route';
import { requireStaff } from './sessions';

/*
 * The history lists, as src/server/history, with the server's own cursors (src/domain): a page
 * link works the same against either. Rows are sorted by their key, then filtered after the
 * cursor's row, and the page is the server's keyset page.
 */

/** The server's sort keys have microseconds; mock times have milliseconds, so pad them the same way. */
const padKey = (iso: string) => `${iso.slice(0, -1)}000Z`;

/** Rows after `after` in the order's direction, sorted; one more than `limit` tells whether a page follows. */
function after(rows: ConversationRecord[], order: HistoryOrder, key: (c: ConversationRecord) => string, from: { t: string; i: string } | null) {
  const sign = order === 'newest' ? -1 : 1;
  const compare = (t: string, i: string, c: ConversationRecord) => sign * (binary(key(c), t) || binary(c.id, i));
  return rows.filter((c) => !from || compare(from.t, from.i, c) > 0).sort((a, b) => compare(key(b), b.id, a));
}

/** The customer's other conversations that the user may view, by arrival. */
function customerHistory(user: User, current: ConversationRecord, query: { order: HistoryOrder; cursor?: string; limit?: number }) {
  const limit = query.limit ?? HISTORY_PAGE_SIZE;
  const from = query.cursor ? decodeCursor(query.cursor, query.order) : null;
  const arrivalKey = (c: ConversationRecord) => padKey(c.arrivedAt);
  const mine = mockData.conversations.filter((c) => c.customerId === current.customerId && c.id !== current.id && canView(user, c));
  const rows = after(mine, query.order, arrivalKey, from && { t: from.arrivedAt, i: from.id });
  return keysetPage(rows, limit, toConversation, (last) => encodeCursor(query.order, { arrivedAt: arrivalKey(last), id: last.id }));
}

/**
 * The agent's history list (handled-routes.ts): ended conversations the user held at the end or
 * transferred away (all ended ones for supervisors and admins), by arrival or end.
 */
function handledConversations(user: User, query: { search?: string; sort: HandledSort; order: HistoryOrder; cursor?: string; limit?: number }) {
  const limit = query.limit ?? HISTORY_PAGE_SIZE;
  const listing = { search: query.search ?? '', sort: query.sort, order: query.order };
  const from = query.cursor ? decodeHandledCursor(query.cursor, listing) : null;
  const key = (c: ConversationRecord) => padKey(query.sort === 'arrived' ? c.arrivedAt : c.endedAt!);
  const needle = listing.search.toLowerCase();
  const matches = (c: ConversationRecord) => {
    if (!needle) return true;
    const customer = mockData.customers.find((x) => x.id === c.customerId);
    return [customer?.name, customer?.email, customer?.phone].some((v) => v?.toLowerCase().includes(needle));
  };
  const handled = mockData.conversations
    .filter((c) => c.state === 'ended' && c.endedAt !== null)
    .filter((c) => user.role !== 'agent' || c.agentId === user.id || transfersOf(c.id).some((t) => t.fromAgentId === user.id))
    .filter(matches);
  const rows = after(handled, query.order, key, from && { t: from.at, i: from.id });
  return keysetPage(rows, limit, toConversation, (last) => encodeHandledCursor(listing, { at: key(last), id: last.id }));
}

export const historyHandlers = {
  customerHistory: route('customerHistory', (ctx) => {
    const { user } = requireStaff(ctx);
    return customerHistory(user, viewConversation(user, ctx.params.id), ctx.query);
  }),

  handledConversations: route('handledConversations', (ctx) => handledConversations(requireStaff(ctx).user, ctx.query)),
} satisfies Partial<Record<RouteName, HttpHandler>>;
