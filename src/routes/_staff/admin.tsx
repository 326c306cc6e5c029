import { createFileRoute, Outlet } from '@tanstack/react-router';
import { adminStrings } from '../../lib/staff-page-strings';
import { AdminFrame } from '../-components/admin-frame';
import { Forbidden } from '../-components/forbidden';

/** The admin area: its pages as tabs for admins, a 403 page for everyone else. */
export const Route = createFileRoute('/_staff/admin')({
  component: AdminArea,
});

function AdminArea() {
  const { user } = Route.useRouteContext();
  if (user.role !== 'admin') return <Forbidden title={adminStrings.forbiddenTitle} body={adminStrings.forbiddenBody} />;
  return (
    <AdminFrame>
      <Outlet />
    </AdminFrame>
  );
}
