import type { InfiniteData } from '@tanstack/react-query';
import { MESSAGE_PAGE_MAX, MESSAGE_PAGE_SIZE } from '../contract/limits';
import type { Message, MessageDelivery, MessagePage } from '../contract/messages';

/** Cached message pages: pages[0] is the newest page, later pages are older. */
export type MessagePages = InfiniteData<MessagePage, OlderPage | undefined>;

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

/** The thread with one message's delivery state replaced (a channel's tick moved on, or it failed). */
export const withDelivery = (data: MessagePages | undefined, id: string, delivery: MessageDelivery): MessagePages | undefined =>
  data && { ...data, pages: data.pages.map((p) => ({ ...p, messages: p.messages.map((m) => (m.id === id ? { ...m, delivery } : m)) })) };

/** All cached messages, oldest first. */
export function flattenMessages(data: { pages: MessagePage[] } | undefined): Message[] {
  if (!data) return [];
  return data.pages
    .slice()
    .reverse()
    .flatMap((p) => p.messages);
}

/** Where an older page starts (before the oldest message loaded) and how many messages it asks for. */
export interface OlderPage {
  before: number;
  limit: number;
}

/** The smallest older page: a reader glancing back a little gets a few screens' worth. */
export const OLDER_PAGE_MIN = 200;

/** The messages query for a page: the newest page (default size) when `older` is undefined. */
export const messagePageQuery = (older: OlderPage | undefined) => ({ before: older?.before, limit: older?.limit ?? MESSAGE_PAGE_SIZE });

/**
 * The page before `page` (older), or undefined when `page` reached the first message. Each older
 * page is as large as everything loaded so far (at least OLDER_PAGE_MIN, at most the API's
 * largest): a reader who keeps going back is going far, so the pages double, and the start of a
 * 10,000-message conversation is a dozen round trips away instead of fifty. The first page stays
 * at the default size, which is all most chats ever need, so a chat opens fast.
 */
export function olderPageParam(page: MessagePage, pages: MessagePage[]): OlderPage | undefined {
  const before = page.hasMore ? page.messages[0]?.seq : undefined;
  if (before === undefined) return undefined;
  const loaded = pages.reduce((n, p) => n + p.messages.length, 0);
  return { before, limit: Math.min(MESSAGE_PAGE_MAX, Math.max(OLDER_PAGE_MIN, loaded)) };
}
