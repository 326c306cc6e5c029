import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { withDelivery, type MessagePages } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';

/** Sends again a message that did not reach its messaging channel; the thread shows it waiting at once. */
export function useRetryDelivery(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => callApi(staffRoutes.retryMessage, { params: { id: conversationId, messageId } }).then((r) => r.message),
    onSuccess: (message) => {
      const { delivery } = message;
      if (delivery) queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(conversationId), (d) => withDelivery(d, message.id, delivery));
    },
  });
}
