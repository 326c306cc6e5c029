import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { UnreadMap } from '../read-markers';

/**
 * My unread totals (what I hold, what I am offered), from the server's read markers. Kept live by
 * realtime events (features/conversations/read-markers.ts), so it is never stale by time alone.
 */
export const unreadQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.conversations.unread(),
    queryFn: ({ signal }) => callApi(staffRoutes.unread, { signal }),
    staleTime: Infinity,
  });

export const useUnread = () => useQuery(unreadQueryOptions());

const NO_READS: UnreadMap = {};

/**
 * My read state in the loaded rows of my lists. Their pages fill it (there is nothing to fetch):
 * it starts empty unless a page came first, and a refetch of everything keeps what it holds.
 */
export const useReads = () =>
  useQuery({
    queryKey: queryKeys.conversations.reads(),
    queryFn: ({ client }) => client.getQueryData<UnreadMap>(queryKeys.conversations.reads()) ?? NO_READS,
    initialData: NO_READS,
    staleTime: Infinity,
    gcTime: Infinity,
  });
