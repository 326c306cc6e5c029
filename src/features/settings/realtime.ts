import { queryKeys } from '../../lib/query-keys';
import type { StaffEventRegistry } from '../../lib/staff-events';

/** An admin changed the settings: every open panel follows them. */
export function registerSettingsEvents(registry: StaffEventRegistry): void {
  registry.on('settings.updated', (event, { queryClient }) => {
    // Waiting-time colours follow the new reply time limit without a request.
    queryClient.setQueryData(queryKeys.routingSettings(), event.settings.routing);
    // Uploads are checked against the new policy from now on.
    void queryClient.invalidateQueries({ queryKey: queryKeys.attachmentPolicy() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.settings(), exact: true });
  });
}
