import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { callWebchat } from './call';
import { linkRefreshInterval } from '../../../lib/link-refresh';
import { messagePageQuery, olderPageParam, type OlderPage } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';

export const customerMessagesQueryOptions = (token: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.webchat.messages(token),
    queryFn: ({ pageParam, signal }) => callWebchat('webchatMessages', { token, query: messagePageQuery(pageParam), signal }),
    initialPageParam: undefined as OlderPage | undefined,
    getNextPageParam: olderPageParam,
    // File links are short-lived: fresh ones arrive with each fetch.
    refetchInterval: (query) => linkRefreshInterval(query.state.data?.pages),
  });

export const useCustomerMessages = (token: string) => useInfiniteQuery(customerMessagesQueryOptions(token));
