import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-client';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Realtime events keep the cache fresh; refetching on focus would only add load.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, err) => failureCount < 3 && (!(err instanceof ApiRequestError) || err.retryable),
      },
      mutations: { retry: false },
    },
  });
}
