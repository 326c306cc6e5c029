import { createFileRoute, redirect } from '@tanstack/react-router';
import { sessionQueryOptions } from '../features/auth/api/get-session';
import { homePage } from '../lib/home-page';

export const Route = createFileRoute('/')({
  beforeLoad: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData(sessionQueryOptions());
    throw redirect({ to: user ? homePage(user.role) : '/login' });
  },
});
