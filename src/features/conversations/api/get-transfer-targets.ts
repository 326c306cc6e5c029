import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Queues and logged-in agents; fetched fresh each time the dialog opens, since who is logged in changes. */
export const transferTargetsQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.transferTargets(), queryFn: ({ signal }) => callApi(staffRoutes.transferTargets, { signal }), staleTime: 0 });

export const useTransferTargets = () => useQuery(transferTargetsQueryOptions());
