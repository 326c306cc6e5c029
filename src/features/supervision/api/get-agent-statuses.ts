import { queryOptions } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every agent's presence, connection and workload (supervisors and admins). */
export const getAgentStatuses = (signal?: AbortSignal) => callApi(staffRoutes.agentStatuses, { signal });

export const agentStatusesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.supervision.agents(), queryFn: ({ signal }) => getAgentStatuses(signal) });
