import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUser, UpdateUserRequest } from '../../../contract/admin';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { adminUsersQueryOptions } from './get-admin-users';

/** Replaces a user's fields; disabling ends their sessions everywhere at once. */
export const updateUser = (id: string, body: UpdateUserRequest) => callApi(staffRoutes.updateUser, { params: { id }, body }).then((r) => r.user);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserRequest }) => updateUser(id, body),
    onSuccess: (user) => {
      queryClient.setQueryData<AdminUser[]>(adminUsersQueryOptions().queryKey, (users) => users?.map((u) => (u.id === user.id ? user : u)));
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.all() });
    },
  });
}
