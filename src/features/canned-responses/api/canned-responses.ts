import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { ATTACHMENT_UPLOAD_FIELD } from '../../../contract/attachments';
import type { CannedResponse, CreateCannedResponseRequest, UpdateCannedResponseRequest } from '../../../contract/canned-responses';
import { callApi, uploadFile } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Mine and the shared ones I may use; fetched again when realtime events say they changed (realtime.ts). */
export const cannedResponsesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.cannedResponses(), queryFn: ({ signal }) => callApi(staffRoutes.cannedResponses, { signal }).then((r) => r.responses) });

/** For the composer, which waits for nothing: loaded while the agent may write. */
export const useCannedResponses = (enabled: boolean) => useQuery({ ...cannedResponsesQueryOptions(), enabled });

function useRefetchAfter<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.cannedResponses() }) });
}

export const useCreateCanned = () => useRefetchAfter((body: CreateCannedResponseRequest) => callApi(staffRoutes.createCannedResponse, { body }).then((r) => r.response));
export const useUpdateCanned = () =>
  useRefetchAfter(({ id, body }: { id: string; body: UpdateCannedResponseRequest }) => callApi(staffRoutes.updateCannedResponse, { params: { id }, body }).then((r) => r.response));
export const useDeleteCanned = () => useRefetchAfter((id: string) => callApi(staffRoutes.deleteCannedResponse, { params: { id } }));

/** Counts an insertion; the new count goes into the cached list, so the page shows it without a request. */
export function useCountCannedUse() {
  const queryClient = useQueryClient();
  return (id: string) =>
    callApi(staffRoutes.useCannedResponse, { params: { id } })
      .then(({ useCount }) =>
        queryClient.setQueryData<CannedResponse[]>(queryKeys.cannedResponses(), (list) => list?.map((r) => (r.id === id ? { ...r, useCount } : r))),
      )
      // A count that did not reach the server is not worth bothering the agent about.
      .catch(() => undefined);
}

/** One of a response's files, copied into the conversation as my unsent upload. */
export const copyCannedAttachment = (conversationId: string, attachmentId: string, signal: AbortSignal) =>
  callApi(staffRoutes.copyCannedAttachment, { params: { id: conversationId }, body: { attachmentId }, signal }).then((r) => r.attachment);

/** A file for a response being edited; saved with it by id. */
export const uploadCannedAttachment = (file: File, onProgress: (f: number) => void, signal: AbortSignal) =>
  uploadFile(staffRoutes.uploadCannedAttachment, { field: ATTACHMENT_UPLOAD_FIELD, file, onProgress, signal }).then((r) => r.attachment);

/** The queues a shared response may be for (supervisors and admins see them all). */
export const queuesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.queues(), queryFn: ({ signal }) => callApi(staffRoutes.queues, { signal }).then((r) => r.queues) });

/** What agents may upload: a response's files follow the same policy (refreshed by settings.updated). */
export const attachmentPolicyQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.attachmentPolicy(), queryFn: ({ signal }) => callApi(staffRoutes.attachmentPolicy, { signal }).then((r) => r.policy) });
