import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const endConversation = (id: string) => callApi(api.end, { params: { id } }).then((r) => r.conversation);

export function useEndConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endConversation,
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.list('mine') });
    },
  });
}
