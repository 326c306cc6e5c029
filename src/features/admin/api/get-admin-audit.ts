import { queryOptions } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The changes admins made to queues, users and settings, newest first (admins only). */
export const getAdminAudit = (signal?: AbortSignal) => callApi(staffRoutes.adminAudit, { signal }).then((r) => r.entries);

export const adminAuditQueryOptions = () => queryOptions({ queryKey: queryKeys.admin.audit(), queryFn: ({ signal }) => getAdminAudit(signal) });
