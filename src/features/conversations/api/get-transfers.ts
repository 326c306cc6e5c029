import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const transfersQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversations.transfers(id),
    queryFn: ({ signal }) => callApi(staffRoutes.transfers, { params: { id }, signal }).then((r) => r.transfers),
  });

export const useTransfers = (id: string) => useQuery(transfersQueryOptions(id));
