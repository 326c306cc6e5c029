import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { HandledSort, HistoryOrder } from '../../../contract/history';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export interface HandledFilters {
  search: string;
  sort: HandledSort;
  order: HistoryOrder;
}

/** Ended conversations I handled, page by page. */
export const handledConversationsQueryOptions = (filters: HandledFilters) =>
  infiniteQueryOptions({
    queryKey: queryKeys.conversations.handled(filters),
    queryFn: ({ pageParam, signal }) =>
      callApi(staffRoutes.handledConversations, { query: { search: filters.search || undefined, sort: filters.sort, order: filters.order, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useHandledConversations = (filters: HandledFilters) => useInfiniteQuery(handledConversationsQueryOptions(filters));
