import { createFileRoute } from '@tanstack/react-router';
import { settingsQueryOptions } from '../../features/settings/api/get-settings';
import { SettingsPage } from '../../features/settings/components/settings-page';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/admin/settings')({
  loader: ({ context }) => context.queryClient.ensureQueryData(settingsQueryOptions()),
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: SettingsPage,
});
