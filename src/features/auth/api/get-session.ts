import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { ApiRequestError, callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** The logged-in user, or null when nobody is logged in. */
export async function getSession() {
  try {
    return (await callApi(staffRoutes.me)).user;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return null;
    throw err;
  }
}

export const sessionQueryOptions = () => queryOptions({ queryKey: queryKeys.session(), queryFn: getSession, staleTime: Infinity });

export const useSession = () => useQuery(sessionQueryOptions());
