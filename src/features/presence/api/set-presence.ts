import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import type { ChosenPresence } from '../../../contract/presence';
import { callApi } from '../../../lib/api-client';
import { presenceQueryOptions } from './get-presence';

export const setPresence = (state: ChosenPresence) => callApi(api.setPresence, { body: { state } });

export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPresence,
    onSuccess: (data) => queryClient.setQueryData(presenceQueryOptions().queryKey, data),
  });
}
