import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { linkRefreshInterval } from '../../../lib/link-refresh';
import { messagePageQuery, olderPageParam, type OlderPage } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';

/** Newest page first; each further page holds the messages before the oldest one loaded. */
export const messagesQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.conversations.messages(id),
    queryFn: ({ pageParam, signal }) => callApi(staffRoutes.messages, { params: { id }, query: messagePageQuery(pageParam), signal }),
    initialPageParam: undefined as OlderPage | undefined,
    getNextPageParam: olderPageParam,
    // File links are short-lived: fresh ones arrive with each fetch.
    refetchInterval: (query) => linkRefreshInterval(query.state.data?.pages),
  });

export const useMessages = (id: string) => useInfiniteQuery(messagesQueryOptions(id));
