import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, CreateUserRequest } from '../../../contract/admin';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { adminUsersQueryOptions } from './get-admin-users';

export const createUser = (body: CreateUserRequest) => callApi(staffRoutes.createUser, { body }).then((r) => r.user);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      queryClient.setQueryData<AdminUser[]>(adminUsersQueryOptions().queryKey, (users) => (users ? [...users, user] : users));
      // The queues they serve and the audit trail changed with them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.all() });
    },
  });
}
