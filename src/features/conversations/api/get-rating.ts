import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The customer's survey answer for an ended conversation, or null. */
export const ratingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversations.rating(id),
    queryFn: ({ signal }) => callApi(staffRoutes.conversationRating, { params: { id }, signal }).then((r) => r.rating),
  });

export const useConversationRating = (id: string, enabled: boolean) => useQuery({ ...ratingQueryOptions(id), enabled });
