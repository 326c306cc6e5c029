import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What happened to a conversation, oldest first (supervisors and admins; agents get 403). */
export const getAuditTrail = (id: string, signal?: AbortSignal) =>
  callApi(staffRoutes.auditTrail, { params: { id }, signal }).then((r) => r.entries);

export const auditTrailQueryOptions = (id: string) =>
  queryOptions({ queryKey: queryKeys.conversations.audit(id), queryFn: ({ signal }) => getAuditTrail(id, signal) });

export const useAuditTrail = (id: string) => useQuery(auditTrailQueryOptions(id));
