import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Sets a new password for a user; their sessions end. */
export const resetPassword = (id: string, password: string) =>
  callApi(staffRoutes.resetPassword, { params: { id }, body: { password } }).then((r) => r.user);

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => resetPassword(id, password),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit() }),
  });
}
