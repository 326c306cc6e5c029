import { createFileRoute } from '@tanstack/react-router';
import { preferencesQueryOptions } from '../../features/preferences/api/get-preferences';
import { PreferencesPage } from '../../features/preferences/components/preferences-page';

export const Route = createFileRoute('/_staff/preferences')({
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => void context.queryClient.prefetchQuery(preferencesQueryOptions()),
  component: Preferences,
});

function Preferences() {
  const { user } = Route.useRouteContext();
  return <PreferencesPage role={user.role} />;
}
