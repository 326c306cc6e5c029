import { createFileRoute } from '@tanstack/react-router';
import { adminAuditQueryOptions } from '../../features/admin/api/get-admin-audit';
import { AuditPage } from '../../features/admin/components/audit-page';
import { AdminContent } from '../-components/admin-frame';

export const Route = createFileRoute('/_staff/admin/audit')({
  // Not awaited: the page shows its own loading and error states inside the frame.
  loader: ({ context }) => {
    if (context.user.role === 'admin') void context.queryClient.prefetchQuery(adminAuditQueryOptions());
  },
  component: () => (
    <AdminContent>
      <AuditPage />
    </AdminContent>
  ),
});
