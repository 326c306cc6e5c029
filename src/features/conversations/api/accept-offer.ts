import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import type { Conversation } from '../../../contract/conversations';
import { queryKeys } from '../../../lib/query-keys';

/** Accepts the conversation offered to me; 409 offer_expired once the offer has ended. */
export const acceptOffer = (id: string) => callApi(staffRoutes.accept, { params: { id } }).then((r) => r.conversation);

export function useAcceptOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptOffer,
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
      // The card goes at once rather than when the event or the refetch arrives.
      queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list('offers'), (list) => list?.filter((c) => c.id !== conversation.id));
    },
    // Accepted or too late, the offer is over: my offers and my conversations have changed.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() }),
  });
}
