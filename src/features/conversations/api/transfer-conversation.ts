import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { TransferRequest } from '../../../contract/transfers';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const transferConversation = (id: string, body: TransferRequest) => callApi(staffRoutes.transfer, { params: { id }, body });

export function useTransferConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferRequest) => transferConversation(id, body),
    onSuccess: ({ conversation }) => {
      queryClient.setQueryData(queryKeys.conversations.detail(id), conversation);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.transfers(id) });
    },
  });
}
