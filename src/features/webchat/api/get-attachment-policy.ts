import { queryOptions, useQuery } from '@tanstack/react-query';
import { webchatApi } from '../../../contract/webchat-api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/** What customers may upload. */
export const customerAttachmentPolicyQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.webchat.attachmentPolicy(token),
    queryFn: ({ signal }) => callApi(webchatApi.webchatAttachmentPolicy, { token, signal }).then((r) => r.policy),
  });

export const useCustomerAttachmentPolicy = (token: string) => useQuery(customerAttachmentPolicyQueryOptions(token));
