import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The panel's search, page by page (later pages carry more messages). Results are a snapshot of
 * the moment asked: realtime events do not change them, and a new search asks again.
 */
export const searchQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.conversations.search(q),
    queryFn: ({ pageParam, signal }) => callApi(staffRoutes.search, { query: { q, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    staleTime: 30_000,
  });

export const useSearch = (q: string, enabled: boolean) => useInfiniteQuery({ ...searchQueryOptions(q), enabled });
