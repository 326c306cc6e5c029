import { registerSessionEvents } from '../../features/auth/realtime';
import { registerCannedEvents } from '../../features/canned-responses/realtime';
import { registerConversationEvents } from '../../features/conversations/realtime';
import { registerPreferencesEvents } from '../../features/preferences/realtime';
import { registerPresenceEvents } from '../../features/presence/realtime';
import { registerSettingsEvents } from '../../features/settings/realtime';
import { StaffEventRegistry } from '../../lib/staff-events';

/**
 * The staff panel's realtime handlers: each feature registers the events it owns. Features never
 * import each other, so they are put together here. Conversations come first: the lists and
 * unread counts they update are what later handlers (and the notifier after them) read.
 */
export function createStaffEvents(): StaffEventRegistry {
  const registry = new StaffEventRegistry();
  registerConversationEvents(registry);
  registerPresenceEvents(registry);
  registerSettingsEvents(registry);
  registerPreferencesEvents(registry);
  registerSessionEvents(registry);
  registerCannedEvents(registry);
  return registry;
}
