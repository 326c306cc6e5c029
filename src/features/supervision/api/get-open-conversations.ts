import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every waiting, offered or held conversation, of one queue or all (supervisors and admins). */
export const getOpenConversations = (queueId: string | undefined, signal?: AbortSignal) =>
  callApi(api.openConversations, { query: { queueId }, signal }).then((r) => r.conversations);

export const openConversationsQueryOptions = (queueId: string | undefined) =>
  queryOptions({
    queryKey: queryKeys.supervision.conversations(queueId),
    queryFn: ({ signal }) => getOpenConversations(queueId, signal),
    // Switching the queue filter keeps the last rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export const useOpenConversations = (queueId: string | undefined) => useQuery(openConversationsQueryOptions(queueId));
