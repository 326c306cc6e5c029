import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RateChatRequest } from '../../../contract/customer-chat';
import type { CustomerConversation } from '../../../contract/webchat';
import { queryKeys } from '../../../lib/query-keys';
import { callWebchat } from './call';

/** The customer's "End chat": the answer is the ended conversation, put straight into the cache. */
export function useEndChat(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => callWebchat('webchatEnd', { token }).then((r) => r.conversation),
    onSuccess: (conversation) => client.setQueryData<CustomerConversation>(queryKeys.webchat.conversation(token), conversation),
  });
}

export const fetchTranscript = (token: string) => callWebchat('webchatTranscript', { token });

export const surveyQueryOptions = (token: string) =>
  queryOptions({ queryKey: queryKeys.webchat.survey(token), queryFn: ({ signal }) => callWebchat('webchatSurvey', { token, signal }) });

export const useSurvey = (token: string, enabled: boolean) => useQuery({ ...surveyQueryOptions(token), enabled });

export function useRateChat(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RateChatRequest) => callWebchat('webchatRate', { token, body }).then((r) => r.rating),
    onSuccess: (answer) => client.setQueryData(queryKeys.webchat.survey(token), { enabled: true, answer }),
  });
}
