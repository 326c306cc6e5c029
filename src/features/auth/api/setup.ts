import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import type { SetupRequest } from '../../../contract/auth';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const setupStatusQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.setup(), queryFn: () => callApi(api.setupStatus) });

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupRequest) => callApi(api.setup, { body }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.setup(), { needsSetup: false });
      queryClient.setQueryData(queryKeys.session(), user);
    },
  });
}
