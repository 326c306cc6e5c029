import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * A query being fetched while a realtime event arrives may have been read before the event's
 * change committed, and there is no data yet for the event to patch: its answer would show the
 * state before the change. Such fetches start again, now after the change. (Invalidating would
 * join the running fetch rather than redo it, hence cancel and refetch.)
 */
export function refetchInFlight(queryClient: QueryClient, queryKeys: readonly QueryKey[]): void {
  for (const queryKey of queryKeys) {
    const fetching = { queryKey, predicate: (q: { state: { fetchStatus: string } }) => q.state.fetchStatus === 'fetching' };
    if (queryClient.isFetching(fetching) === 0) continue;
    void queryClient.cancelQueries(fetching).then(() => queryClient.refetchQueries({ queryKey, type: 'active' }));
  }
}

