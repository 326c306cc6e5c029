import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../contract/auth';
import { applyStaffEvent } from '../lib/conversation-cache';
import { queryKeys } from '../lib/query-keys';
import { RealtimeConnection, type ConnectionStatus } from '../lib/realtime';
import { TypingTracker } from '../lib/typing';
import type { TypingChannel } from './use-typing';

/** Keeps the staff member's cached data live for as long as the panel is open. */
export function useStaffRealtime(user: User, onUnauthorized: () => void): { status: ConnectionStatus; typing: TypingChannel } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [tracker] = useState(() => new TypingTracker());
  const connectionRef = useRef<RealtimeConnection | null>(null);
  // Read through refs so a refetched session object does not reopen the socket.
  const latest = useRef({ user, onUnauthorized });
  latest.current = { user, onUnauthorized };

  useEffect(() => {
    const connection = new RealtimeConnection({
      onFrame: (frame) => {
        if (frame.kind === 'event') applyStaffEvent(queryClient, latest.current.user, frame.event);
        // An admin changed the settings: uploads are checked against the new policy from now on.
        else if (frame.kind === 'workspace-event') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.attachmentPolicy() });
          void queryClient.invalidateQueries({ queryKey: queryKeys.settings() });
        }
      },
      onResync: () => void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session()[0] }),
      onUnauthorized: () => latest.current.onUnauthorized(),
      onStatus: setStatus,
      onTyping: (frame) => tracker.update(frame.conversationId, frame.name, frame.isTyping),
    });
    connectionRef.current = connection;
    connection.start();
    return () => connection.stop();
  }, [queryClient, user.id, tracker]);

  const typing = useMemo<TypingChannel>(
    () => ({ tracker, send: (conversationId, isTyping) => connectionRef.current?.sendTyping({ conversationId, isTyping }) }),
    [tracker],
  );
  return { status, typing };
}
