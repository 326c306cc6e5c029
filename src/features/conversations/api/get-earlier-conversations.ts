import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The customer's earlier conversations, one per page, newest first, each with its messages:
 * what the chat pane shows when the agent scrolls above the start of the current conversation.
 */
export const earlierConversationsQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: queryKeys.conversations.earlier(id),
    queryFn: async ({ pageParam, signal }) => {
      const page = await callApi(staffRoutes.customerHistory, { params: { id }, query: { order: 'newest', cursor: pageParam, limit: 1 }, signal });
      const conversation = page.conversations[0];
      if (!conversation) return { conversation: null, messages: [], hasMoreMessages: false, nextCursor: null };
      const messages = await callApi(staffRoutes.messages, { params: { id: conversation.id }, signal });
      return { conversation, messages: messages.messages, hasMoreMessages: messages.hasMore, nextCursor: page.nextCursor };
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** Loads nothing until `enabled`: only once the reader reaches the top of the current conversation. */
export const useEarlierConversations = (id: string, enabled: boolean) =>
  useInfiniteQuery({ ...earlierConversationsQueryOptions(id), enabled });
