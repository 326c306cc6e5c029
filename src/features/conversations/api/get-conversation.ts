import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const conversationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversations.detail(id),
    queryFn: ({ signal }) => callApi(api.conversation, { params: { id }, signal }).then((r) => r.conversation),
  });
