import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { LoginRequest } from '../../../contract/auth';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const login = (body: LoginRequest) => callApi(staffRoutes.login, { body });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Drop anything cached for an earlier user before showing the new one's data.
      queryClient.removeQueries({ queryKey: queryKeys.conversations.all() });
      queryClient.setQueryData(queryKeys.session(), user);
    },
  });
}
