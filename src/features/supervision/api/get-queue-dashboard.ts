import { queryOptions } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every queue now, with the last hour of waiting counts (supervisors and admins; agents get 403). */
export const getQueueDashboard = (signal?: AbortSignal) => callApi(staffRoutes.queueDashboard, { signal });

// Realtime events refetch it (useLiveRefresh); nothing polls.
export const queueDashboardQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.supervision.queues(), queryFn: ({ signal }) => getQueueDashboard(signal) });
