import { createFileRoute } from '@tanstack/react-router';
import { adminQueuesQueryOptions } from '../../features/admin/api/get-admin-queues';
import { adminUsersQueryOptions } from '../../features/admin/api/get-admin-users';
import { UsersPage } from '../../features/admin/components/users-page';
import { AdminContent } from '../-components/admin-frame';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/admin/users')({
  loader: async ({ context: { queryClient } }) => {
    // The queues only put names to what agents serve: the table does not wait for them.
    void queryClient.prefetchQuery(adminQueuesQueryOptions());
    await queryClient.ensureQueryData(adminUsersQueryOptions());
  },
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: AdminUsers,
});

function AdminUsers() {
  const { user } = Route.useRouteContext();
  return (
    <AdminContent>
      <UsersPage currentUserId={user.id} />
    </AdminContent>
  );
}
