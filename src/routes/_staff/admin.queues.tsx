import { createFileRoute } from '@tanstack/react-router';
import { adminQueuesQueryOptions } from '../../features/admin/api/get-admin-queues';
import { adminUsersQueryOptions } from '../../features/admin/api/get-admin-users';
import { QueuesPage } from '../../features/admin/components/queues-page';
import { AdminContent } from '../-components/admin-frame';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/admin/queues')({
  loader: async ({ context: { queryClient } }) => {
    // The users only put names to the agents' ids: the table does not wait for them.
    void queryClient.prefetchQuery(adminUsersQueryOptions());
    await queryClient.ensureQueryData(adminQueuesQueryOptions());
  },
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: () => (
    <AdminContent>
      <QueuesPage />
    </AdminContent>
  ),
});
