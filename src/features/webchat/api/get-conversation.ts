import { queryOptions, useQuery } from '@tanstack/react-query';
import { webchatApi } from '../../../contract/webchat-api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const customerConversationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.webchat.conversation(token),
    queryFn: ({ signal }) => callApi(webchatApi.webchatConversation, { token, signal }).then((r) => r.conversation),
  });

export const useCustomerConversation = (token: string) => useQuery(customerConversationQueryOptions(token));
