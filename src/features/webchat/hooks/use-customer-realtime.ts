import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CustomerConversation } from '../../../contract/webchat';
import { mergeMessages, type MessagePages } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';
import { RealtimeConnection, type ConnectionStatus } from '../../../lib/realtime';

/** Live updates of the customer's own conversation. */
export function useCustomerRealtime(token: string, onInvalidToken: () => void): ConnectionStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  useEffect(() => {
    const connection = new RealtimeConnection(
      {
        onFrame: (frame) => {
          if (frame.kind !== 'customer-event') return;
          const { event } = frame;
          if (event.type === 'message.created') {
            queryClient.setQueryData<MessagePages>(queryKeys.webchat.messages(token), (d) => mergeMessages(d, [event.message]));
          } else {
            queryClient.setQueryData<CustomerConversation>(queryKeys.webchat.conversation(token), event.conversation);
          }
        },
        onResync: () => void queryClient.invalidateQueries({ queryKey: queryKeys.webchat.all(token) }),
        onUnauthorized: onInvalidToken,
        onStatus: setStatus,
      },
      { customerToken: token },
    );
    connection.start();
    return () => connection.stop();
  }, [queryClient, token, onInvalidToken]);
  return status;
}
