import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import type { Conversation } from '../../../contract/conversations';
import { queryKeys } from '../../../lib/query-keys';

/** Rejects the conversation offered to me: it goes to the next agent, or waits in the picklist. */
export const rejectOffer = (id: string) => callApi(staffRoutes.reject, { params: { id } }).then((r) => r.conversation);

export function useRejectOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejectOffer,
    onSuccess: (conversation) =>
      queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list('offers'), (list) => list?.filter((c) => c.id !== conversation.id)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() }),
  });
}
