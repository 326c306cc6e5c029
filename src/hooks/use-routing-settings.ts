import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../contract/staff-routes';
import { callApi } from '../lib/api-client';
import { queryKeys } from '../lib/query-keys';

/**
 * Offer timeout, missed-offer limit, lost-agent grace and reply time limit: the waiting-time
 * colours, offer cards and presence notices all read them. settings.updated keeps the cache live.
 */
export const routingSettingsQueryOptions = () =>
  queryOptions({
    queryKey: queryKeys.routingSettings(),
    queryFn: ({ signal }) => callApi(staffRoutes.routingSettings, { signal }).then((r) => r.routing),
    staleTime: Infinity,
  });

export const useRoutingSettings = (options: { enabled?: boolean } = {}) => useQuery({ ...routingSettingsQueryOptions(), ...options });
