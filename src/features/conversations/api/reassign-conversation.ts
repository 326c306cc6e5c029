import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { TransferRequest } from '../../../contract/transfers';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** A supervisor or admin moves an open conversation to a queue or an agent, by the rules of a transfer. */
export const reassignConversation = (id: string, body: TransferRequest) => callApi(staffRoutes.reassign, { params: { id }, body });

export function useReassignConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferRequest) => reassignConversation(id, body),
    onSuccess: ({ conversation }) => {
      queryClient.setQueryData(queryKeys.conversations.detail(id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.transfers(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.audit(id) });
    },
  });
}
