import { createFileRoute } from '@tanstack/react-router';
import { settingsQueryOptions } from '../../features/settings/api/get-settings';
import { SettingsPage } from '../../features/settings/components/settings-page';

export const Route = createFileRoute('/_staff/admin/settings')({
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => {
    if (context.user.role === 'admin') void context.queryClient.prefetchQuery(settingsQueryOptions());
  },
  component: SettingsPage,
});
