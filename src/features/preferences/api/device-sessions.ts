import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const deviceSessionsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.deviceSessions(),
    queryFn: ({ signal }) => callApi(staffRoutes.sessions, { signal }).then((r) => r.sessions),
  });

/** Where I am logged in: read when the section opens, so a device that logged in since shows. */
export const useDeviceSessions = () => useQuery({ ...deviceSessionsQueryOptions(), staleTime: 0 });

/** Logs one of my other devices out; the list follows. */
export function useEndDeviceSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi(staffRoutes.endSession, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.deviceSessions() }),
  });
}

/** Logs me out on every device, this one included: like logging out, nothing of mine stays cached. */
export function useLogoutEverywhere() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(staffRoutes.logoutEverywhere),
    onSuccess: () => {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session(), null);
    },
  });
}
