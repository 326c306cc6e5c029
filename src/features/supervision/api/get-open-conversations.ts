import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { staffRoutes } from '../../../contract/staff-routes';
import type { Conversation, ConversationPage } from '../../../contract/conversations';
import type { QueueDashboard } from '../../../contract/supervision';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

/**
 * Waiting, offered and held conversations by arrival, of one queue or all (supervisors and
 * admins), page by page. Live refreshes refetch the loaded pages (useLiveRefresh).
 */
export const openConversationsQueryOptions = (queueId: string | undefined) =>
  infiniteQueryOptions({
    queryKey: queryKeys.supervision.conversations(queueId),
    queryFn: ({ pageParam, signal }) => callApi(staffRoutes.openConversations, { query: { queueId, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

/** The queue the list is filtered to: a link may name a queue that no longer exists, and then it shows them all. */
export const queueFilter = (dashboard: QueueDashboard, queueId: string | undefined) =>
  dashboard.queues.some((q) => q.queue.id === queueId) ? queueId : undefined;

/** The loaded rows, each once (a refetch may shift a row across pages), and the whole list's total. */
function flatten(pages: readonly ConversationPage[]): { rows: Conversation[]; total: number } {
  const seen = new Set<string>();
  const rows = pages.flatMap((p) => p.conversations).filter((c) => !seen.has(c.id) && Boolean(seen.add(c.id)));
  return { rows, total: pages[0]?.total ?? 0 };
}

export const useOpenConversations = (queueId: string | undefined) =>
  useSuspenseInfiniteQuery({ ...openConversationsQueryOptions(queueId), select: (data) => flatten(data.pages) });
