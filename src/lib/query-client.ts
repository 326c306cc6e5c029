import { QueryClient, type Query } from '@tanstack/react-query';
import { browserOffline, mayRetry, READ_RETRIES } from './retry';

export function createQueryClient() {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // Realtime events keep the cache fresh; refetching on focus would only add load.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // Offline, the screens say so at once and try again once the network is back.
        retry: (failureCount, err) => failureCount < READ_RETRIES && mayRetry(err) && !browserOffline(),
      },
      mutations: { retry: false },
    },
  });
  refetchWhatAFetchOverwrote(client);
  return client;
}

/**
 * A fetch's answer replaces the cached data when it lands, so a change written into the cache
 * meanwhile (a realtime event, an optimistic update) is lost when the answer was taken before it:
 * a list reloaded just as a customer wrote would never show the message. Such a query is fetched
 * once more after it lands; that answer is taken after the change, so it has it. Only queries
 * written to during their own fetch are refetched, so quiet lists cost nothing.
 */
export function refetchWhatAFetchOverwrote(client: QueryClient): () => void {
  const writtenDuringFetch = new Set<Query>();
  return client.getQueryCache().subscribe((event) => {
    if (event.type === 'removed') writtenDuringFetch.delete(event.query);
    if (event.type !== 'updated') return;
    const { query, action } = event;
    if (action.type === 'success' && action.manual) {
      if (query.state.fetchStatus === 'fetching') writtenDuringFetch.add(query);
    } else if ((action.type === 'success' || action.type === 'error') && writtenDuringFetch.delete(query)) {
      void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
    }
  });
}
