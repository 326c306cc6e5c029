import { queryOptions, useQuery } from '@tanstack/react-query';
import { webchatApi } from '../../../contract/webchat-api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const webchatQueuesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.webchat.queues(), queryFn: () => callApi(webchatApi.webchatQueues).then((r) => r.queues) });

export const useWebchatQueues = () => useQuery(webchatQueuesQueryOptions());
