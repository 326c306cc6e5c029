import type { InfiniteData } from '@tanstack/react-query';
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
