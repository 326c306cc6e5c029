import { queryOptions } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The workspace settings (admins only: others get 403). */
export const getSettings = (signal?: AbortSignal) => callApi(staffRoutes.settings, { signal }).then((r) => r.settings);

export const settingsQueryOptions = () => queryOptions({ queryKey: queryKeys.settings(), queryFn: ({ signal }) => getSettings(signal) });
