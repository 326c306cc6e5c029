import { createFileRoute } from '@tanstack/react-router';
import { adminQueuesQueryOptions } from '../../features/admin/api/get-admin-queues';
import { QueuesPage } from '../../features/admin/components/queues-page';
import { AdminContent } from '../-components/admin-frame';

export const Route = createFileRoute('/_staff/admin/queues')({
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => {
    if (context.user.role === 'admin') void context.queryClient.prefetchQuery(adminQueuesQueryOptions());
  },
  component: () => (
    <AdminContent>
      <QueuesPage />
    </AdminContent>
  ),
});
