import { queryKeys } from '../../lib/query-keys';
import type { StaffEventRegistry } from '../../lib/staff-events';

/** An admin changed me (role, queues, capacity): reload who I am and what I may see. */
export function registerSessionEvents(registry: StaffEventRegistry): void {
  registry.on('user.updated', (event, { queryClient, user, reloadRoutes }) => {
    if (event.user.id !== user.id) return;
    // Routes read the user from their context, and the role gate checks it: re-run them once the session is fresh.
    void queryClient.invalidateQueries({ queryKey: queryKeys.session() }).then(reloadRoutes);
  });
}
