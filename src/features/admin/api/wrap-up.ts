import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { AdminWrapUp, AdminWrapUpCode, CreateWrapUpCodeRequest, UpdateWrapUpCodeRequest } from '../../../contract/wrap-up';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** Every end reason (in use, then retired) and the queues that require one (admins only: others get 403). */
export const adminWrapUpQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.admin.wrapUp(), queryFn: ({ signal }) => callApi(staffRoutes.adminWrapUp, { signal }) });

/** After a change: the new state where the answer carries it, the audit trail refetched. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (next?: AdminWrapUp) => {
    if (next) queryClient.setQueryData(queryKeys.admin.wrapUp(), next);
    void queryClient.invalidateQueries({ queryKey: queryKeys.admin.all() });
  };
}

export function useCreateWrapUpCode() {
  const changed = useAfterChange();
  return useMutation({
    mutationFn: (body: CreateWrapUpCodeRequest) => callApi(staffRoutes.createWrapUpCode, { body }).then((r) => r.code),
    onSuccess: () => changed(),
  });
}

export function useUpdateWrapUpCode() {
  const changed = useAfterChange();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWrapUpCodeRequest }) => callApi(staffRoutes.updateWrapUpCode, { params: { id }, body }).then((r) => r.code),
    onSuccess: () => changed(),
  });
}

/** The fields of a code as PUT takes them, with `changes` applied. */
export const codeUpdate = ({ id: _id, ...code }: AdminWrapUpCode, changes: Partial<UpdateWrapUpCodeRequest> = {}): UpdateWrapUpCodeRequest => ({ ...code, ...changes });

export function useSetWrapUpRequired() {
  const changed = useAfterChange();
  return useMutation({
    mutationFn: ({ queueId, required }: { queueId: string; required: boolean }) => callApi(staffRoutes.setWrapUpRequired, { params: { id: queueId }, body: { required } }),
    onSuccess: (next) => changed(next),
  });
}
