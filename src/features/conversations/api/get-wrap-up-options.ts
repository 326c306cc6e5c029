import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The end reasons a queue offers and whether one is required; fetched fresh each time the End chat dialog opens (admins change them). */
export const wrapUpOptionsQueryOptions = (queueId: string) =>
  queryOptions({ queryKey: queryKeys.wrapUpOptions(queueId), queryFn: ({ signal }) => callApi(staffRoutes.wrapUpOptions, { params: { id: queueId }, signal }), staleTime: 0 });

export const useWrapUpOptions = (queueId: string, enabled: boolean) => useQuery({ ...wrapUpOptionsQueryOptions(queueId), enabled });
