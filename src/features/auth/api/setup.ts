import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { SetupRequest } from '../../../contract/auth';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const setupStatusQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.setup(), queryFn: () => callApi(staffRoutes.setupStatus) });

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupRequest) => callApi(staffRoutes.setup, { body }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.setup(), { needsSetup: false });
      queryClient.setQueryData(queryKeys.session(), user);
    },
  });
}
