import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminQueue, SaveQueueRequest } from '../../../contract/admin';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { adminQueuesQueryOptions } from './get-admin-queues';

export const createQueue = (body: SaveQueueRequest) => callApi(staffRoutes.createQueue, { body }).then((r) => r.queue);

export function useCreateQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createQueue,
    onSuccess: (queue) => {
      queryClient.setQueryData<AdminQueue[]>(adminQueuesQueryOptions().queryKey, (queues) =>
        queues ? [...queues, queue].sort((a, b) => a.name.localeCompare(b.name)) : queues,
      );
      // Agents' queue lists and the audit trail changed with it.
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.all() });
    },
  });
}
