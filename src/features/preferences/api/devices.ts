import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { RegisterDeviceRequest } from '../../../contract/devices';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** My devices registered for push notifications, newest first, and the key browsers subscribe with. */
export const devicesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.devices(), queryFn: ({ signal }) => callApi(staffRoutes.devices, { signal }) });

export const registerDevice = (body: RegisterDeviceRequest) => callApi(staffRoutes.registerDevice, { body }).then((r) => r.device);
export const removeDevice = (id: string) => callApi(staffRoutes.removeDevice, { params: { id } });

/** After any change, the list is fetched again: the server decides what it holds (an address may have moved to me). */
export function useRefreshDevices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.devices() });
}

export function useRemoveDevice() {
  const refresh = useRefreshDevices();
  return useMutation({ mutationFn: removeDevice, onSettled: refresh });
}
