import type { InfiniteData } from '@tanstack/react-query';
import { MESSAGE_PAGE_SIZE } from '../contract/limits';
import type { Message, MessagePage } from '../contract/messages';

/** Cached message pages: pages[0] is the newest page, later pages are older. */
export type MessagePages = InfiniteData<MessagePage, number | undefined>;

/** Adds or replaces messages in the cached pages, keeping seq order and each id once. */
export function mergeMessages(data: MessagePages | undefined, incoming: Message[]): MessagePages | undefined {
  if (!data || data.pages.length === 0) return data;
  const known = new Set(data.pages.flatMap((p) => p.messages.map((m) => m.id)));
  const fresh = incoming.filter((m) => !known.has(m.id));
  if (fresh.length === 0) return data;
  const [newest, ...older] = data.pages;
  const messages = [...newest!.messages, ...fresh].sort((a, b) => a.seq - b.seq);
  return { ...data, pages: [{ ...newest!, messages }, ...older] };
}

/** All cached messages, oldest first. */
export function flattenMessages(data: { pages: MessagePage[] } | undefined): Message[] {
  if (!data) return [];
  return data.pages
    .slice()
    .reverse()
    .flatMap((p) => p.messages);
}

/**
 * Older pages are fetched as the reader scrolls up, so each carries the most the API allows: a
 * 10,000-message conversation is 50 round trips to its first message, not 200. The first page
 * stays at the default size, which is all most chats ever need, so a chat opens fast.
 */
export const OLDER_PAGE_SIZE = 200;

/** The messages query for a page: `before` is undefined for the newest page. */
export const messagePageQuery = (before: number | undefined) => ({ before, limit: before === undefined ? MESSAGE_PAGE_SIZE : OLDER_PAGE_SIZE });

/** The page before `page` (older), or undefined when `page` reached the first message. */
export const olderPageParam = (page: MessagePage) => (page.hasMore ? page.messages[0]?.seq : undefined);
