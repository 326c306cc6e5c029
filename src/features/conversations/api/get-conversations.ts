import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import type { ConversationView } from '../../../contract/conversations';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const conversationsQueryOptions = (view: ConversationView) =>
  queryOptions({
    queryKey: queryKeys.conversations.list(view),
    queryFn: ({ signal }) => callApi(api.conversations, { query: { view }, signal }).then((r) => r.conversations),
  });

export const useConversations = (view: ConversationView) => useQuery(conversationsQueryOptions(view));
