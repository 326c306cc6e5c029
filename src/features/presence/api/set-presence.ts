import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { ChosenPresence } from '../../../contract/presence';
import { callApi } from '../../../lib/api-client';
import { presenceQueryOptions } from './get-presence';

export const setPresence = (state: ChosenPresence) => callApi(staffRoutes.setPresence, { body: { state } });

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPresence,
    onSuccess: (data) => queryClient.setQueryData(presenceQueryOptions().queryKey, data),
  });
}
