import { createFileRoute } from '@tanstack/react-router';
import { adminAuditQueryOptions } from '../../features/admin/api/get-admin-audit';
import { AuditPage } from '../../features/admin/components/audit-page';
import { AdminContent } from '../-components/admin-frame';
import { RouteError } from '../-components/route-error';
import { RoutePending } from '../-components/route-pending';

export const Route = createFileRoute('/_staff/admin/audit')({
  loader: ({ context }) => context.queryClient.ensureQueryData(adminAuditQueryOptions()),
  pendingComponent: RoutePending,
  errorComponent: RouteError,
  component: () => (
    <AdminContent>
      <AuditPage />
    </AdminContent>
  ),
});
