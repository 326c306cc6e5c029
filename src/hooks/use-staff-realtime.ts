import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../contract/auth';
import type { ConversationEvent } from '../contract/events';
import { queryKeys } from '../lib/query-keys';
import { RealtimeConnection, type ConnectionStatus } from '../lib/realtime';
import { refetchInFlight } from '../lib/refetch-in-flight';
import { publishRealtimeFrame } from '../lib/realtime-events';
import type { StaffEventRegistry } from '../lib/staff-events';
import { TypingTracker } from '../lib/typing';
import type { TypingChannel } from './use-typing';

/**
 * Keeps the staff member's cached data live for as long as the panel is open: `events` holds the
 * features' handlers for each event type. `onEvent` hears each conversation event after the cache
 * has taken it in (the notifier).
 */
export function useStaffRealtime(
  user: User,
  events: StaffEventRegistry,
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
        if (frame.kind === 'customer-event') return;
        const { user, router } = latest.current;
        // Each feature's handlers change its part of the cache (see createStaffEvents).
        events.dispatch(frame.event, { queryClient, user, reloadRoutes: () => void router.invalidate() });
        if (frame.kind === 'event') latest.current.onEvent?.(frame.event);
      },
      onResync: () => {
        // The unread totals' first request may be running, answered before what the socket missed:
        // it starts again (invalidating alone would join it). Only this query: restarting the lists'
        // suspended fetches would remount them and lose the keyboard's place.
        refetchInFlight(queryClient, [queryKeys.conversations.unread()]);
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session()[0] });
      },
      onUnauthorized: () => latest.current.onUnauthorized(),
      onStatus: setStatus,
      onTyping: (frame) => tracker.update(frame.conversationId, frame.name, frame.isTyping),
    });
    connectionRef.current = connection;
    connection.start();
    return () => connection.stop();
  }, [queryClient, user.id, tracker, events]);

  const typing = useMemo<TypingChannel>(
    () => ({ tracker, send: (conversationId, isTyping) => connectionRef.current?.sendTyping({ conversationId, isTyping }) }),
    [tracker],
  );
  return { status, typing };
}
