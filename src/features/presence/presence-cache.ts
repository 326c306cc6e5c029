import type { QueryClient } from '@tanstack/react-query';
import { refetchInFlight } from '../../lib/refetch-in-flight';
import type { User } from '../../contract/auth';
import type { ConversationEvent, WorkspaceEvent } from '../../contract/events';
import type { MyPresenceResponse, Presence, PresenceReason } from '../../contract/presence';
import { queryKeys } from '../../lib/query-keys';

/** Why the server last changed my presence; shown until dismissed or until I choose a presence myself. */
export interface PresenceNotice {
  reason: PresenceReason;
  since: string;
  dismissed: boolean;
}

/** Keeps my cached presence live, and remembers why the server changed it so the panel can say so. */
export function applyPresenceEvent(queryClient: QueryClient, user: User, event: Extract<WorkspaceEvent, { type: 'presence.changed' }>): void {
  if (event.agent.id !== user.id) return;
  setMyPresence(queryClient, event.presence);
  // The panel's first presence read may still be under way, read before this change (on login
  // the server makes an offline agent available as their socket connects).
  refetchInFlight(queryClient, [queryKeys.presence()]);
  if (event.presence.reason) {
    queryClient.setQueryData<PresenceNotice>(queryKeys.presenceNotice(), { reason: event.presence.reason, since: event.presence.since, dismissed: false });
  }
}

export function setMyPresence(queryClient: QueryClient, presence: Presence): void {
  queryClient.setQueryData<MyPresenceResponse>(queryKeys.presence(), (current) => current && { ...current, presence });
}

/**
 * The notice to show: the latest server change seen live, or the reason my presence carries when
 * the panel opens (set while it was closed), unless dismissed.
 */
export function currentPresenceNotice(notice: PresenceNotice | null | undefined, presence: Presence | undefined): PresenceNotice | null {
  if (presence?.reason && (!notice || notice.since < presence.since)) return { reason: presence.reason, since: presence.since, dismissed: false };
  return notice && !notice.dismissed ? notice : null;
}

export function dismissPresenceNotice(queryClient: QueryClient, notice: Pick<PresenceNotice, 'reason' | 'since'>): void {
  queryClient.setQueryData<PresenceNotice>(queryKeys.presenceNotice(), { ...notice, dismissed: true });
}

/**
 * My load (conversations held plus the one offered) changes with conversation events that name
 * me; the server counts it, so those events refresh it rather than the client recounting.
 */
export function touchesMyLoad(event: ConversationEvent, user: User): boolean {
  if (!('conversation' in event)) return false;
  const c = event.conversation;
  return (
    c.agent?.id === user.id ||
    c.offer?.agent.id === user.id ||
    ('agent' in event && event.agent.id === user.id) ||
    ('transfer' in event && event.transfer.from.id === user.id)
  );
}
