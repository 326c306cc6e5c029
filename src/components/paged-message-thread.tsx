import { useEffect, useMemo, type ComponentProps } from 'react';
import { flattenMessages } from '../lib/message-cache';
import type { OutboxEntry } from '../lib/outbox';
import { MessageThread } from './message-thread';

type ThreadProps = ComponentProps<typeof MessageThread>;

interface Props extends Omit<ThreadProps, 'messages' | 'pending' | 'hasMore' | 'loadingMore' | 'onLoadMore' | 'onRetry' | 'onDiscard'> {
  /** The conversation's messages as loaded, page by page (an infinite query, newest page first). */
  pages: {
    data: Parameters<typeof flattenMessages>[0];
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    fetchNextPage(options: { cancelRefetch: boolean }): Promise<unknown>;
  };
  /** The sends not confirmed yet, and what the writer may do with a failed one (useMessageSender). */
  sender: { pending: OutboxEntry[]; retry(entry: OutboxEntry): void; discard(entry: OutboxEntry): void };
}

/**
 * A conversation's thread from its paged messages and the writer's unconfirmed sends, for the
 * agent's chat and the customer's alike: older pages load as the reader scrolls up.
 */
export function PagedMessageThread({ pages, sender, ...thread }: Props) {
  // Flattened once per change of the pages: the thread's rows are derived from this array.
  const messages = useMemo(() => flattenMessages(pages.data), [pages.data]);
  // A message to show that is older than what is loaded: the older pages down to it load first
  // (each as large as all loaded so far, so a deep one is a few requests away), and the cache
  // stays one unbroken run of messages.
  const { focusSeq } = thread;
  const oldest = messages[0]?.seq;
  const { hasNextPage, isFetchingNextPage } = pages;
  useEffect(() => {
    if (focusSeq === undefined || oldest === undefined || oldest <= focusSeq) return;
    if (hasNextPage && !isFetchingNextPage) void pages.fetchNextPage({ cancelRefetch: false });
  }, [focusSeq, oldest, hasNextPage, isFetchingNextPage, pages]);
  return (
    <MessageThread
      messages={messages}
      pending={sender.pending}
      hasMore={pages.hasNextPage}
      loadingMore={pages.isFetchingNextPage}
      onLoadMore={() => void pages.fetchNextPage({ cancelRefetch: false })}
      onRetry={sender.retry}
      onDiscard={sender.discard}
      {...thread}
    />
  );
}
