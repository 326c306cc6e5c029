import { queryOptions, useQuery } from '@tanstack/react-query';
import { callWebchat } from './call';
import { queryKeys } from '../../../lib/query-keys';

export const customerConversationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.webchat.conversation(token),
    queryFn: ({ signal }) => callWebchat('webchatConversation', { token, signal }).then((r) => r.conversation),
  });

export const useCustomerConversation = (token: string) => useQuery(customerConversationQueryOptions(token));
