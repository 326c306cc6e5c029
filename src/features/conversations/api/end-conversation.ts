import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { EndConversationRequest } from '../../../contract/wrap-up';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const endConversation = (id: string, wrapUp: EndConversationRequest = {}) =>
  callApi(staffRoutes.end, { params: { id }, body: wrapUp }).then((r) => r.conversation);

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
