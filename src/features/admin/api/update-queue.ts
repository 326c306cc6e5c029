import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminQueue, SaveQueueRequest } from '../../../contract/admin';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { adminQueuesQueryOptions } from './get-admin-queues';

export const updateQueue = (id: string, body: SaveQueueRequest) => callApi(staffRoutes.updateQueue, { params: { id }, body }).then((r) => r.queue);

export function useUpdateQueue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: SaveQueueRequest }) => updateQueue(id, body),
    onSuccess: (queue) => {
      queryClient.setQueryData<AdminQueue[]>(adminQueuesQueryOptions().queryKey, (queues) => queues?.map((q) => (q.id === queue.id ? queue : q)));
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.all() });
    },
  });
}
