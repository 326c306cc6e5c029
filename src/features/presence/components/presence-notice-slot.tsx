import { skipToken, useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { queryKeys } from '../../../lib/query-keys';
import { usePresence } from '../api/get-presence';
import { currentPresenceNotice, type PresenceNotice as Notice } from '../presence-cache';

// The notice itself (an alert with its actions) is rare: loaded when there is one, so the agent's
// first load does not carry it (issue 11).
const PresenceNotice = lazy(() => import('./presence-notice').then((m) => ({ default: m.PresenceNotice })));

/** Where the presence notice goes under the header: empty until the server changed the agent's presence. */
export function PresenceNoticeSlot() {
  const presence = usePresence();
  // Filled by realtime events only (see presence-cache); never fetched.
  const live = useQuery<Notice | null>({ queryKey: queryKeys.presenceNotice(), queryFn: skipToken });
  if (!currentPresenceNotice(live.data, presence.data?.presence)) return null;
  return (
    <Suspense fallback={null}>
      <PresenceNotice />
    </Suspense>
  );
}
