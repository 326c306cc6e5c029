import { createFileRoute } from '@tanstack/react-router';
import { adminQueuesQueryOptions } from '../../features/admin/api/get-admin-queues';
import { adminWrapUpQueryOptions } from '../../features/admin/api/wrap-up';
import { WrapUpPage } from '../../features/admin/components/wrap-up-page';
import { AdminContent } from '../-components/admin-frame';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/admin/wrap-up')({
  loader: async ({ context: { queryClient } }) => {
    // The queues name where reasons apply and carry the required switches: they may come a moment later.
    void queryClient.prefetchQuery(adminQueuesQueryOptions());
    await queryClient.ensureQueryData(adminWrapUpQueryOptions());
  },
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: () => (
    <AdminContent>
      <WrapUpPage />
    </AdminContent>
  ),
});
