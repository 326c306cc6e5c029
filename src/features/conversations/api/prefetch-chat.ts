import type { QueryClient } from '@tanstack/react-query';
import { conversationQueryOptions } from './get-conversation';
import { messagesQueryOptions } from './get-messages';

/**
 * Starts fetching what an opened conversation shows first, its details and newest messages, the
 * moment it is chosen: they then load while the conversation page's code does and side by side,
 * instead of code, then details, then messages (issue 11: the newest message within 300 ms).
 * Fresh cached data is kept, not fetched again.
 */
export function prefetchChat(queryClient: QueryClient, id: string) {
  void queryClient.prefetchQuery(conversationQueryOptions(id));
  void queryClient.prefetchInfiniteQuery(messagesQueryOptions(id));
}
