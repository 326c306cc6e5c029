import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { QueuePrompts } from '../../../contract/prompts';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

const promptsKey = (queueId: string) => [...queryKeys.admin.queues(), queueId, 'prompts'] as const;

/** A queue's chat prompts (admins only). */
export const queuePromptsQueryOptions = (queueId: string) =>
  queryOptions({ queryKey: promptsKey(queueId), queryFn: ({ signal }) => callApi(staffRoutes.queuePrompts, { params: { id: queueId }, signal }).then((r) => r.prompts) });

export function useSaveQueuePrompts(queueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prompts: QueuePrompts) => callApi(staffRoutes.saveQueuePrompts, { params: { id: queueId }, body: { prompts } }).then((r) => r.prompts),
    onSuccess: (prompts) => queryClient.setQueryData(promptsKey(queueId), prompts),
  });
}
