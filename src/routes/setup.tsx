import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { setupStatusQueryOptions } from '../features/auth/api/setup';
import { SetupForm } from '../features/auth/components/setup-form';
import { homePage } from '../lib/home-page';

export const Route = createFileRoute('/setup')({
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupStatusQueryOptions());
    if (!needsSetup) throw redirect({ to: '/login' });
  },
  component: SetupPage,
});

function SetupPage() {
  const navigate = useNavigate();
  // The first user is the workspace's admin: they start where queues and users are made.
  return <SetupForm onDone={() => void navigate({ to: homePage('admin') })} />;
}
