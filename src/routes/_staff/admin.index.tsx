import { createFileRoute, redirect } from '@tanstack/react-router';

// The admin area starts at its first page.
export const Route = createFileRoute('/_staff/admin/')({
  beforeLoad: () => {
    throw redirect({ to: '/admin/queues', replace: true });
  },
});
