import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** My presence, capacity and load; presence.changed events and my conversation events keep it live. */
export const getPresence = (signal?: AbortSignal) => callApi(staffRoutes.presence, { signal });

export const presenceQueryOptions = () => queryOptions({ queryKey: queryKeys.presence(), queryFn: ({ signal }) => getPresence(signal) });

export const usePresence = (options: { enabled?: boolean } = {}) => useQuery({ ...presenceQueryOptions(), ...options });
