import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What customers may upload. */
export const customerAttachmentPolicyQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.webchat.attachmentPolicy(token),
    queryFn: ({ signal }) => callApi(api.webchatAttachmentPolicy, { token, signal }).then((r) => r.policy),
  });

export const useCustomerAttachmentPolicy = (token: string) => useQuery(customerAttachmentPolicyQueryOptions(token));
