import { createFileRoute } from '@tanstack/react-router';
import { adminUsersQueryOptions } from '../../features/admin/api/get-admin-users';
import { UsersPage } from '../../features/admin/components/users-page';
import { AdminContent } from '../-components/admin-frame';

export const Route = createFileRoute('/_staff/admin/users')({
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => {
    if (context.user.role === 'admin') void context.queryClient.prefetchQuery(adminUsersQueryOptions());
  },
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
