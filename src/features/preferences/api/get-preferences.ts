import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** My preferences, shared by all my devices; preferences.updated user-events keep them live. */
export const getPreferences = (signal?: AbortSignal) => callApi(staffRoutes.preferences, { signal }).then((r) => r.preferences);

export const preferencesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.preferences(), queryFn: ({ signal }) => getPreferences(signal) });

export const usePreferences = () => useQuery(preferencesQueryOptions());
