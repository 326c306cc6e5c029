import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/query-keys';
import type { StaffEventRegistry } from '../../lib/staff-events';

const refetch = (queryClient: QueryClient) => void queryClient.invalidateQueries({ queryKey: queryKeys.cannedResponses() });

/**
 * Canned responses change elsewhere: a supervisor's shared ones (every panel), mine on another
 * device, or which ones I may use (an admin changed my queues). The list is fetched again, which
 * only costs a request where it is shown (the composer, the Canned responses page).
 */
export function registerCannedEvents(registry: StaffEventRegistry): void {
  registry.on(['canned-responses.updated', 'my-canned-responses.updated'], (_event, { queryClient }) => refetch(queryClient));
  registry.on('user.updated', (event, { queryClient, user }) => {
    if (event.user.id === user.id) refetch(queryClient);
  });
}
