import type { RealtimeFrame } from '../../contract/events';
import { frameFor, isUserEvent, isWorkspaceEvent, staffCanSee, type LoggedEvent } from '../../domain/event-visibility';
import type { Principal } from '../auth/principal';

// Who receives what is the domain's rule (shared with the mocks); this module adds the hub's sharing.
export { frameFor, staffCanSee, toCustomerEvent } from '../../domain/event-visibility';

/**
 * Who sees an event the same way: principals with the same key get equal frames from frameFor.
 * Mirrors frameFor's branches; the visibility rule itself is staffCanSee, run per principal.
 */
function audienceKey(principal: Principal, stored: LoggedEvent): string {
  if (isWorkspaceEvent(stored)) return principal.kind;
  if (isUserEvent(stored)) return principal.kind === 'staff' && principal.user.id === stored.scope.userId ? 'owner' : 'other';
  if (principal.kind === 'customer') return principal.conversationId === stored.scope.conversationId ? 'customer' : 'other';
  if (!staffCanSee(principal.user, stored.scope)) return 'other';
  const { event } = stored;
  // Each author alone learns their messages' client ids.
  const own = event.type === 'message.created' && event.message.authorKind === 'agent' && event.message.authorId === principal.user.id;
  return own ? 'author' : 'staff';
}

/**
 * frameFor for one event and many sockets: each audience's frame is built once and the same
 * object goes to all its sockets, so each socket does not rebuild (or re-serialise, see
 * realtime-routes) what fifty others already did.
 */
export function sharedFrames(stored: LoggedEvent): (principal: Principal) => RealtimeFrame | null {
  const built = new Map<string, RealtimeFrame | null>();
  return (principal) => {
    const key = audienceKey(principal, stored);
    if (!built.has(key)) built.set(key, frameFor(principal, stored));
    return built.get(key)!;
  };
}
