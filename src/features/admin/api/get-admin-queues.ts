import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every queue with the agents serving it (admins only: others get 403). */
export const getAdminQueues = (signal?: AbortSignal) => callApi(staffRoutes.adminQueues, { signal }).then((r) => r.queues);

export const adminQueuesQueryOptions = () => queryOptions({ queryKey: queryKeys.admin.queues(), queryFn: ({ signal }) => getAdminQueues(signal) });

export const useAdminQueues = () => useQuery(adminQueuesQueryOptions());
