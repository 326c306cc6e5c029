import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { toUnreadMap } from '../../../lib/read-markers';

/**
 * My unread customer messages per conversation, from the server's read markers. Kept live by
 * realtime events (src/lib/read-markers.ts), so it is never stale by time alone.
 */
export const unreadQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.conversations.unread(),
    queryFn: ({ signal }) => callApi(api.unread, { signal }).then((r) => toUnreadMap(r.conversations)),
    staleTime: Infinity,
  });

export const useUnread = () => useQuery(unreadQueryOptions());
