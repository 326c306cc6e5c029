import { createFileRoute, redirect, useNavigate, type SearchSchemaInput } from '@tanstack/react-router';
import { setupStatusQueryOptions } from '../features/auth/api/setup';
import { LoginForm } from '../features/auth/components/login-form';
import { homePage } from '../lib/home-page';
import { invalidSearch } from '../lib/search-params';

export const Route = createFileRoute('/login')({
  validateSearch: (search: { redirect?: string } & SearchSchemaInput) => ({
    redirect: search.redirect === undefined || (typeof search.redirect === 'string' && search.redirect.startsWith('/')) ? search.redirect : invalidSearch('redirect', search.redirect),
  }),
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
