import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every user of the workspace, disabled ones included (admins only). */
export const getAdminUsers = (signal?: AbortSignal) => callApi(staffRoutes.adminUsers, { signal }).then((r) => r.users);

export const adminUsersQueryOptions = () => queryOptions({ queryKey: queryKeys.admin.users(), queryFn: ({ signal }) => getAdminUsers(signal) });

export const useAdminUsers = () => useQuery(adminUsersQueryOptions());
