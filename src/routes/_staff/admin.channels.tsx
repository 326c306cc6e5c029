import { createFileRoute } from '@tanstack/react-router';
import { adminQueuesQueryOptions } from '../../features/admin/api/get-admin-queues';
import { channelsQueryOptions } from '../../features/admin/api/channels';
import { ChannelsPage } from '../../features/admin/components/channels-page';
import { AdminContent } from '../-components/admin-frame';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/admin/channels')({
  loader: async ({ context: { queryClient } }) => {
    // The queues name where each channel's conversations wait and fill the form's choice.
    await Promise.all([queryClient.ensureQueryData(channelsQueryOptions()), queryClient.ensureQueryData(adminQueuesQueryOptions())]);
  },
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: () => (
    <AdminContent>
      <ChannelsPage />
    </AdminContent>
  ),
});
