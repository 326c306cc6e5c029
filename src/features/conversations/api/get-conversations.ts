import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { ConversationSort } from '../../../contract/preferences';
import { callApi } from '../../../lib/api-client';
import { listTotal, loadedRows, toLoadedPage, type ListPages } from '../../../lib/list-pages';
import { queryKeys } from '../../../lib/query-keys';
import { rememberReads } from '../read-markers';

/**
 * The Picklist, or my Conversations in one order, page by page as the list scrolls. The server
 * sorts; realtime events keep the loaded pages current (features/conversations/conversation-cache.ts).
 */
export const conversationPagesQueryOptions = (view: 'picklist' | 'mine', sort?: ConversationSort) =>
  infiniteQueryOptions({
    queryKey: queryKeys.conversations.pages(view, sort),
    queryFn: async ({ pageParam, signal, client }) => {
      const page = await callApi(staffRoutes.conversations, { query: { view, sort: view === 'mine' ? sort : undefined, cursor: pageParam }, signal });
      // Each page brings its rows' read states (mine only): the unread badges and 'unread-first' read them.
      rememberReads(client, page.reads);
      return toLoadedPage(page);
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/**
 * The loaded rows (each once) and the whole list's total, with the query's paging state. It
 * suspends until the first page is in: the agent route's loader has usually put it there.
 */
export const useConversationPages = (view: 'picklist' | 'mine', sort?: ConversationSort) =>
  useSuspenseInfiniteQuery({
    ...conversationPagesQueryOptions(view, sort),
    select: (data: ListPages) => ({ rows: loadedRows(data), total: listTotal(data) ?? 0 }),
  });

/** A list's total for its tab's badge, once known; never suspends (the list shown is another one). */
export const useConversationTotal = (view: 'picklist' | 'mine', sort?: ConversationSort) =>
  useInfiniteQuery({ ...conversationPagesQueryOptions(view, sort), select: listTotal }).data;

/** Offers to me: one at a time per agent, so one small unpaged list. */
export const offersQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.conversations.list('offers'),
    queryFn: async ({ signal, client }) => {
      const page = await callApi(staffRoutes.conversations, { query: { view: 'offers' }, signal });
      rememberReads(client, page.reads);
      return page.conversations;
    },
  });

export const useOffers = () => useQuery(offersQueryOptions());
