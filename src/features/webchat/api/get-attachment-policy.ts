import { queryOptions, useQuery } from '@tanstack/react-query';
import { callWebchat } from './call';
import { queryKeys } from '../../../lib/query-keys';

/** What customers may upload. */
export const customerAttachmentPolicyQueryOptions = (token: string) =>
  queryOptions({
    queryKey: queryKeys.webchat.attachmentPolicy(token),
    queryFn: ({ signal }) => callWebchat('webchatAttachmentPolicy', { token, signal }).then((r) => r.policy),
  });

export const useCustomerAttachmentPolicy = (token: string) => useQuery(customerAttachmentPolicyQueryOptions(token));
