import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../contract/auth';
import type { ConversationEvent } from '../contract/events';
import { applyStaffEvent } from '../lib/conversation-cache';
import { applyPresenceEvent, touchesMyLoad } from '../lib/presence-cache';
import { queryKeys } from '../lib/query-keys';
import { applyReadState, applyUnreadEvent } from '../lib/read-markers';
import { RealtimeConnection, type ConnectionStatus } from '../lib/realtime';
import { publishRealtimeFrame } from '../lib/realtime-events';
import { TypingTracker } from '../lib/typing';
import type { TypingChannel } from './use-typing';

/**
 * Keeps the staff member's cached data live for as long as the panel is open. `onEvent` hears each
 * conversation event after the cache has taken it in (the notifier).
 */
export function useStaffRealtime(
  user: User,
  onUnauthorized: () => void,
  onEvent?: (event: ConversationEvent) => void,
): { status: ConnectionStatus; typing: TypingChannel } {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [tracker] = useState(() => new TypingTracker());
  const connectionRef = useRef<RealtimeConnection | null>(null);
  // Read through refs so a refetched session object does not reopen the socket.
  const router = useRouter();
  const latest = useRef({ user, onUnauthorized, onEvent, router });
  latest.current = { user, onUnauthorized, onEvent, router };

  useEffect(() => {
    const connection = new RealtimeConnection({
      onFrame: (frame) => {
        // Pages that only need to know that something happened (dashboards, admin tables) listen here.
        publishRealtimeFrame(frame);
        if (frame.kind === 'event') {
          applyStaffEvent(queryClient, latest.current.user, frame.event);
          applyUnreadEvent(queryClient, latest.current.user, frame.event);
          // Holding, being offered or letting go of a conversation changes my load.
          if (touchesMyLoad(frame.event, latest.current.user)) void queryClient.invalidateQueries({ queryKey: queryKeys.presence() });
          latest.current.onEvent?.(frame.event);
        }
        // Mine is shown in the header; the server may change it (missed offers, lost connection).
        else if (frame.kind === 'workspace-event' && frame.event.type === 'presence.changed') {
          applyPresenceEvent(queryClient, latest.current.user, frame.event);
        }
        // An admin changed the settings: uploads are checked against the new policy from now on.
        else if (frame.kind === 'workspace-event' && frame.event.type === 'settings.updated') {
          // Waiting-time colours follow the new reply time limit without a request.
          queryClient.setQueryData(queryKeys.routingSettings(), frame.event.settings.routing);
          void queryClient.invalidateQueries({ queryKey: queryKeys.attachmentPolicy() });
          void queryClient.invalidateQueries({ queryKey: queryKeys.settings(), exact: true });
        }
        // An admin changed me (role, queues, capacity): reload who I am and what I may see. The
        // server also reconnects my socket, so events of my new queues follow.
        else if (frame.kind === 'workspace-event' && frame.event.type === 'user.updated') {
          if (frame.event.user.id === latest.current.user.id) {
            // Routes read the user from their context: re-run their beforeLoad once the session is fresh.
            void queryClient.invalidateQueries({ queryKey: queryKeys.session() }).then(() => latest.current.router.invalidate());
            void queryClient.invalidateQueries({ queryKey: queryKeys.queues() });
            void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
            void queryClient.invalidateQueries({ queryKey: queryKeys.presence() });
          }
          void queryClient.invalidateQueries({ queryKey: queryKeys.transferTargets() });
        } else if (frame.kind === 'workspace-event' && frame.event.type === 'queue.updated') {
          void queryClient.invalidateQueries({ queryKey: queryKeys.queues() });
          void queryClient.invalidateQueries({ queryKey: queryKeys.transferTargets() });
        }
        // Another device of mine read a conversation or changed my preferences.
        else if (frame.kind === 'user-event') {
          if (frame.event.type === 'read.updated') applyReadState(queryClient, frame.event.read);
          else queryClient.setQueryData(queryKeys.preferences(), frame.event.preferences);
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
