import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Per queue and reason, the chats ended with it since `since` (supervisors and admins; agents get 403). */
export const wrapUpCountsQueryOptions = (since: string) =>
  queryOptions({
    queryKey: queryKeys.supervision.wrapUpCounts(since),
    queryFn: ({ signal }) => callApi(staffRoutes.wrapUpCounts, { query: { since }, signal }).then((r) => r.counts),
  });

// A new day asks afresh; yesterday's figures stay shown until today's are in.
export const useWrapUpCounts = (since: string) => useQuery({ ...wrapUpCountsQueryOptions(since), placeholderData: keepPreviousData });

/** The start of the reader's day, as the server takes it. */
export function startOfToday(now = new Date()): string {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}
