import { queryKeys } from '../../lib/query-keys';
import type { StaffEventRegistry } from '../../lib/staff-events';

/** Another device of mine changed my preferences. */
export function registerPreferencesEvents(registry: StaffEventRegistry): void {
  registry.on('preferences.updated', (event, { queryClient }) => queryClient.setQueryData(queryKeys.preferences(), event.preferences));
}
