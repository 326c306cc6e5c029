import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { HistoryOrder } from '../../../contract/history';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The customer's other conversations, page by page. */
export const customerHistoryQueryOptions = (id: string, order: HistoryOrder) =>
  infiniteQueryOptions({
    queryKey: queryKeys.conversations.history(id, order),
    queryFn: ({ pageParam, signal }) => callApi(staffRoutes.customerHistory, { params: { id }, query: { order, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const useCustomerHistory = (id: string, order: HistoryOrder) => useInfiniteQuery(customerHistoryQueryOptions(id, order));
