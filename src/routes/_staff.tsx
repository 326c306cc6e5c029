import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { sessionQueryOptions } from '../features/auth/api/get-session';
import { applyLanguage } from '../lib/i18n';
import { AgentLayout } from './-components/agent-layout';

/**
 * Every page of a logged-in staff member, under one frame: the header and the realtime socket
 * stay up while the user moves between the panel, the supervisor and admin pages and their
 * preferences, so no event (and no notification) is missed in between.
 */
export const Route = createFileRoute('/_staff')({
  beforeLoad: async ({ context, location }) => {
    // Imported here, not above: this route's definition is part of the login page's first load.
    // Fetched while the session is checked, not after it.
    const preferencesCode = import('../features/preferences/api/get-preferences');
    const user = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (!user) throw redirect({ to: '/login', search: { redirect: location.href } });
    // The user's language (Preferences, kept on the server) before the first page of theirs is drawn.
    const { preferencesQueryOptions } = await preferencesCode;
    const preferences = await context.queryClient.ensureQueryData(preferencesQueryOptions()).catch(() => null);
    if (preferences) await applyLanguage(preferences.language);
    return { user };
  },
  component: StaffFrame,
});

function StaffFrame() {
  const { user } = Route.useRouteContext();
  return (
    <AgentLayout user={user}>
      <Outlet />
    </AgentLayout>
  );
}
