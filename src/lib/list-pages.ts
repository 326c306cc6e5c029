import type { InfiniteData } from '@tanstack/react-query';
import type { Conversation, ConversationPage } from '../contract/conversations';
import { listOrder, type ListKind, type UnreadCounts } from '../contract/list-order';

/**
 * The loaded pages of a server-sorted list, and how a realtime change lands in them without
 * refetching: the client only ever holds a prefix of the list (everything up to the last loaded
 * page's cursor), so a row belongs on screen only while it sorts before that cursor's row.
 */

/** A page as cached: the server's page plus the row its cursor points after, as it was then. */
export interface LoadedPage extends ConversationPage {
  /** The last row when the page was fetched (the cursor's place); null on the last page. */
  boundary: Conversation | null;
  /** That row's unread count then, for the 'unread-first' order. */
  boundaryUnread: number;
}

export type ListPages = InfiniteData<LoadedPage, string | undefined>;

export const toLoadedPage = (page: ConversationPage): LoadedPage => {
  const last = page.conversations.at(-1);
  const boundary = page.nextCursor && last ? last : null;
  return { ...page, boundary, boundaryUnread: page.reads.find((r) => r.conversationId === boundary?.id)?.unreadCount ?? 0 };
};

/** Every loaded row once, in cache order (a row may come again in a later page after it moved). */
export function loadedRows(data: ListPages | undefined): Conversation[] {
  if (!data) return [];
  const seen = new Set<string>();
  const rows: Conversation[] = [];
  for (const page of data.pages) {
    for (const c of page.conversations) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      rows.push(c);
    }
  }
  return rows;
}

/** The whole list is loaded: nothing sorts after it unseen. */
export const isComplete = (data: ListPages) => data.pages.at(-1)?.nextCursor == null;

/** The whole list's size, from the first page (adjusted by realtime changes). */
export const listTotal = (data: ListPages | undefined) => data?.pages[0]?.total;

/**
 * Whether `c` sorts within the loaded prefix. The boundary row is compared as it was when its
 * page came (its unread count then, for 'unread-first'), since that is where the cursor points.
 */
function withinLoaded(data: ListPages, c: Conversation, kind: ListKind, unread: UnreadCounts): boolean {
  const last = data.pages.at(-1);
  if (!last?.boundary) return true;
  return listOrder(kind, { ...unread, [last.boundary.id]: last.boundaryUnread })(c, last.boundary) < 0;
}

export interface Upsert {
  /** The conversation as it is now. */
  conversation: Conversation;
  /** Whether it belongs in this list now. */
  keep: boolean;
  /** Whether it was in the list before, when the caller knows (a new conversation was in none). */
  wasMember?: boolean;
  kind: ListKind;
  /** Unread counts now (only 'unread-first' reads them). */
  unread: UnreadCounts;
}

export interface UpsertResult {
  data: ListPages;
  /** The list's total may have changed by an amount the loaded rows cannot tell: count again. */
  totalUnknown: boolean;
}

/**
 * Puts the conversation where the server would (or takes it out), keeping every other row's
 * identity so memoized rows do not re-render. Rows are kept in one page; the other pages keep
 * their cursors, so "load more" and refetches go on from the same place.
 */
export function upsertRow(data: ListPages, u: Upsert): UpsertResult {
  const rows = loadedRows(data);
  const index = rows.findIndex((x) => x.id === u.conversation.id);
  const was = index >= 0 ? true : (u.wasMember ?? (isComplete(data) ? false : null));
  const rest = index >= 0 ? rows.filter((x) => x.id !== u.conversation.id) : rows;
  const shown = u.keep && withinLoaded(data, u.conversation, u.kind, u.unread);
  let next = rest;
  if (shown) {
    const compare = listOrder(u.kind, u.unread);
    const at = rest.findIndex((x) => compare(u.conversation, x) < 0);
    next = at < 0 ? [...rest, u.conversation] : [...rest.slice(0, at), u.conversation, ...rest.slice(at)];
  }
  const delta = was === null ? 0 : Number(u.keep) - Number(was);
  if (index < 0 && !shown && delta === 0) return { data, totalUnknown: was === null };
  return {
    data: {
      ...data,
      pages: data.pages.map((p, i) => ({ ...p, conversations: i === 0 ? next : [], total: i === 0 ? Math.max(0, p.total + delta) : p.total })),
    },
    totalUnknown: was === null,
  };
}

/** Sets the total after a fresh count. */
export const withTotal = (data: ListPages, total: number): ListPages => ({
  ...data,
  pages: data.pages.map((p, i) => (i === 0 ? { ...p, total } : p)),
});
