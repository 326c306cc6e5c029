import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { UpdateSettingsRequest } from '../../../contract/settings';
import { callApi } from '../../../lib/api-client';
import { settingsQueryOptions } from './get-settings';

export const updateSettings = (body: UpdateSettingsRequest) => callApi(staffRoutes.updateSettings, { body }).then((r) => r.settings);

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (settings) => queryClient.setQueryData(settingsQueryOptions().queryKey, settings),
  });
}
