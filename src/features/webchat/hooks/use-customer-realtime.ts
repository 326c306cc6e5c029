import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CustomerConversation } from '../../../contract/webchat';
import { mergeMessages, type MessagePages } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';
import { RealtimeConnection, type ConnectionStatus } from '../../../lib/realtime';
import { TypingTracker } from '../../../lib/typing';
import type { TypingChannel } from '../../../hooks/use-typing';

/** Where the customer waits: the server's latest word (see the `queue-position` frame). */
export interface QueuePlace {
  position: number;
  estimatedWaitMinutes: number | null;
}

/** Live updates of the customer's own conversation. */
export function useCustomerRealtime(
  token: string,
  onInvalidToken: () => void,
): { status: ConnectionStatus; typing: TypingChannel; place: QueuePlace | null } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [tracker] = useState(() => new TypingTracker());
  const [place, setPlace] = useState<QueuePlace | null>(null);
  const connectionRef = useRef<RealtimeConnection | null>(null);
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
        onTyping: (frame) => tracker.update(frame.conversationId, frame.name, frame.isTyping),
        onQueuePosition: (frame) => setPlace({ position: frame.position, estimatedWaitMinutes: frame.estimatedWaitMinutes }),
      },
      { customerToken: token },
    );
    connectionRef.current = connection;
    connection.start();
    return () => connection.stop();
  }, [queryClient, token, onInvalidToken, tracker]);
  // A customer's socket belongs to one conversation: the server knows which.
  const typing = useMemo<TypingChannel>(
    () => ({ tracker, send: (_conversationId, isTyping) => connectionRef.current?.sendTyping({ isTyping }) }),
    [tracker],
  );
  return { status, typing, place };
}
