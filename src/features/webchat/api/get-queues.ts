import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../contract/api';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const webchatQueuesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.webchat.queues(), queryFn: () => callApi(api.webchatQueues).then((r) => r.queues) });

export const useWebchatQueues = () => useQuery(webchatQueuesQueryOptions());
