import { createFileRoute, Outlet } from '@tanstack/react-router';
import { AdminFrame } from '../-components/admin-frame';
import { areaGate } from '../-components/area-gate';
import { StaffRouteError } from '../-components/staff-route-error';

/** The admin area: its pages as tabs, for the roles the contract lets in (a 403 page for the rest). */
export const Route = createFileRoute('/_staff/admin')({
  beforeLoad: areaGate('admin'),
  errorComponent: StaffRouteError,
  component: () => (
    <AdminFrame>
      <Outlet />
    </AdminFrame>
  ),
});
