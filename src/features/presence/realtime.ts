import { queryKeys } from '../../lib/query-keys';
import { CONVERSATION_EVENT_TYPES, type StaffEventRegistry } from '../../lib/staff-events';
import { applyPresenceEvent, touchesMyLoad } from './presence-cache';

/** How realtime events change my presence and load, shown in the header. */
export function registerPresenceEvents(registry: StaffEventRegistry): void {
  // The server may change my presence (missed offers, lost connection).
  registry.on('presence.changed', (event, { queryClient, user }) => applyPresenceEvent(queryClient, user, event));
  // Holding, being offered or letting go of a conversation changes my load; the server counts it.
  registry.on(CONVERSATION_EVENT_TYPES, (event, { queryClient, user }) => {
    if (touchesMyLoad(event, user)) void queryClient.invalidateQueries({ queryKey: queryKeys.presence() });
  });
  // An admin changed my capacity.
  registry.on('user.updated', (event, { queryClient, user }) => {
    if (event.user.id === user.id) void queryClient.invalidateQueries({ queryKey: queryKeys.presence() });
  });
}
