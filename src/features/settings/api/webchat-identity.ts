import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';

/** Not under ['settings']: settings.updated invalidations have nothing to do with it. */
const identityKey = ['webchat-identity'] as const;

/** Whether a web-chat identity secret is set up (admins only); never the secret itself. */
export const webchatIdentityQueryOptions = () =>
  queryOptions({ queryKey: identityKey, queryFn: ({ signal }) => callApi(staffRoutes.webchatIdentity, { signal }).then((r) => r.identity) });

export const useWebchatIdentity = () => useQuery(webchatIdentityQueryOptions());

/**
 * Generating and revealing answer with the secret: it stays in the component that asked (never
 * in the query cache), so it is gone when the admin leaves the page.
 */
export function useGenerateWebchatSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(staffRoutes.generateWebchatSecret),
    onSuccess: (r) => queryClient.setQueryData(identityKey, r.identity),
  });
}

export const useRevealWebchatSecret = () => useMutation({ mutationFn: () => callApi(staffRoutes.revealWebchatSecret) });
