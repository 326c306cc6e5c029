import { createFileRoute } from '@tanstack/react-router';
import { devicesQueryOptions } from '../../features/preferences/api/devices';
import { preferencesQueryOptions } from '../../features/preferences/api/get-preferences';
import { PreferencesPage } from '../../features/preferences/components/preferences-page';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/preferences')({
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(preferencesQueryOptions()), context.queryClient.ensureQueryData(devicesQueryOptions())]),
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: Preferences,
});

function Preferences() {
  const { user } = Route.useRouteContext();
  return <PreferencesPage role={user.role} />;
}
