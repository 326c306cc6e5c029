import { queryOptions, useQuery } from '@tanstack/react-query';
import { callWebchat } from './call';
import { queryKeys } from '../../../lib/query-keys';

export const webchatQueuesQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.webchat.queues(), queryFn: () => callWebchat('webchatQueues').then((r) => r.queues) });

export const useWebchatQueues = () => useQuery(webchatQueuesQueryOptions());
