import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { ChannelConfig, CreateChannelRequest, UpdateChannelRequest } from '../../../contract/channels';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The messaging channels (admins only); secrets only as set or not. */
export const getChannels = (signal?: AbortSignal) => callApi(staffRoutes.adminChannels, { signal }).then((r) => r.channels);

export const channelsQueryOptions = () => queryOptions({ queryKey: queryKeys.admin.channels(), queryFn: ({ signal }) => getChannels(signal) });

const byName = (a: ChannelConfig, b: ChannelConfig) => a.name.localeCompare(b.name);

export function useSaveChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateChannelRequest } | { id: null; body: CreateChannelRequest }) =>
      (input.id === null
        ? callApi(staffRoutes.createChannel, { body: input.body })
        : callApi(staffRoutes.updateChannel, { params: { id: input.id }, body: input.body })
      ).then((r) => r.channel),
    onSuccess: (channel) => {
      queryClient.setQueryData<ChannelConfig[]>(queryKeys.admin.channels(), (list) =>
        list ? [...list.filter((c) => c.id !== channel.id), channel].sort(byName) : list,
      );
      // The audit trail has the change.
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.audit() });
    },
  });
}
