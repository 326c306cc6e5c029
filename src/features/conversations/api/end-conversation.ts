import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import type { EndConversationRequest } from '../../../contract/wrap-up';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const endConversation = (id: string, wrapUp: EndConversationRequest = {}) =>
  callApi(api.end, { params: { id }, body: wrapUp }).then((r) => r.conversation);

export function useEndConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, wrapUp }: { id: string; wrapUp?: EndConversationRequest }) => endConversation(id, wrapUp),
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.list('mine') });
    },
  });
}
