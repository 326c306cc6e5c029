import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every queue with the agents serving it (admins only: others get 403). */
export const getAdminQueues = (signal?: AbortSignal) => callApi(api.adminQueues, { signal }).then((r) => r.queues);

export const adminQueuesQueryOptions = () => queryOptions({ queryKey: queryKeys.admin.queues(), queryFn: ({ signal }) => getAdminQueues(signal) });

export const useAdminQueues = () => useQuery(adminQueuesQueryOptions());
