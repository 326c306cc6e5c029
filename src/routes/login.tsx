import { createFileRoute, redirect, useNavigate } from '@tanstack/react-router';
import { z } from 'zod';
import { setupStatusQueryOptions } from '../features/auth/api/setup';
import { LoginForm } from '../features/auth/components/login-form';
import { homePage } from '../lib/home-page';

export const Route = createFileRoute('/login')({
  validateSearch: z.object({ redirect: z.string().startsWith('/').optional() }),
  beforeLoad: async ({ context }) => {
    const { needsSetup } = await context.queryClient.ensureQueryData(setupStatusQueryOptions());
    if (needsSetup) throw redirect({ to: '/setup' });
  },
  component: LoginPage,
});

function LoginPage() {
  const navigate = useNavigate();
  const { redirect: target } = Route.useSearch();
  // Only same-app paths are followed, so a crafted link cannot send the user elsewhere. Without
  // one, each role lands on its own page.
  return <LoginForm onLoggedIn={(user) => void navigate({ to: target && !target.startsWith('//') ? target : homePage(user.role) })} />;
}
