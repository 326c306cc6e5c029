import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const pickConversation = (id: string) => callApi(staffRoutes.pick, { params: { id } }).then((r) => r.conversation);

export function usePickConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pickConversation,
    onSuccess: (conversation) => queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation),
    // Won or lost, both lists have changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() }),
  });
}
