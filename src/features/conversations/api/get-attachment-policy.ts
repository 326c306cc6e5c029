import { queryOptions, useQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What agents may upload; refreshed by `settings.updated` events when an admin changes it. */
export const attachmentPolicyQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.attachmentPolicy(), queryFn: ({ signal }) => callApi(staffRoutes.attachmentPolicy, { signal }).then((r) => r.policy) });

export const useAttachmentPolicy = () => useQuery(attachmentPolicyQueryOptions());
