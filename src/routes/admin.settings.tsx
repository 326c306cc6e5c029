import { createFileRoute, redirect } from '@tanstack/react-router';
import { sessionQueryOptions } from '../features/auth/api/get-session';
import { settingsQueryOptions } from '../features/settings/api/get-settings';
import { SettingsPage } from '../features/settings/components/settings-page';
import { strings } from '../lib/strings';
import { AgentLayout } from './-components/agent-layout';
import { Forbidden } from './-components/forbidden';

export const Route = createFileRoute('/admin/settings')({
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!user) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { user };
  },
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => {
    if (context.user.role === 'admin') void context.queryClient.prefetchQuery(settingsQueryOptions());
  },
  component: AdminSettings,
});

function AdminSettings() {
  const { user } = Route.useRouteContext();
  return (
    <AgentLayout user={user}>
      {user.role === 'admin' ? <SettingsPage /> : <Forbidden title={strings.settings.forbiddenTitle} body={strings.settings.forbiddenBody} />}
    </AgentLayout>
  );
}
