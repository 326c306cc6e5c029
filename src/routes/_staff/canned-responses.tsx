import { createFileRoute } from '@tanstack/react-router';
import { cannedResponsesQueryOptions } from '../../features/canned-responses/api/canned-responses';
import { CannedResponsesPage } from '../../features/canned-responses/components/canned-responses-page';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

/** Everyone's canned responses: their own, and the shared ones (managed by supervisors and admins). */
export const Route = createFileRoute('/_staff/canned-responses')({
  loader: ({ context }) => context.queryClient.ensureQueryData(cannedResponsesQueryOptions()),
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: CannedResponses,
});

function CannedResponses() {
  const { user } = Route.useRouteContext();
  return <CannedResponsesPage user={user} />;
}
