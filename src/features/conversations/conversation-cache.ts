import type { QueryClient } from '@tanstack/react-query';
import { refetchInFlight } from '../../lib/refetch-in-flight';
import type { User } from '../../contract/auth';
import type { Conversation, ConversationView } from '../../contract/conversations';
import type { ConversationEvent } from '../../contract/events';
import type { Note } from '../../contract/notes';
import { staffRoutes } from '../../contract/staff-routes';
import { belongsIn as isInView, factsOf } from '../../domain/conversation-rules';
import { withMessage } from '../../domain/message-effects';
import { CONVERSATION_SORTS } from '../../contract/preference-choices';
import { oneOf } from '../../lib/search-params';
import { callApi } from '../../lib/api-client';
import type { PagedKind, UnreadCounts } from '../../contract/list-order';
import { isComplete, loadedRows, upsertRow, withTotal, type ListPages } from '../../lib/list-pages';
import { heldBefore, heldWhenWritten } from '../../lib/event-holder';
import { mergeMessages, withDelivery, type MessagePages } from '../../lib/message-cache';
import { queryKeys } from '../../lib/query-keys';
import type { UnreadMap } from './read-markers';

/** The live lists an event may change. */
export const LIVE_VIEWS = ['picklist', 'mine', 'offers'] as const satisfies readonly ConversationView[];

/**
 * Which list a conversation belongs in for this user (the domain's rule). Events reach more people
 * than the picklist does (a transfer goes to its sender, and to the whole queue of a conversation
 * reserved for one agent), so the rule is checked in full here.
 */
export const belongsIn = (view: ConversationView, c: Conversation, user: User): boolean => isInView(view, factsOf(c), user);

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Offers by expiry (one small unpaged list). */
const byExpiry = (a: Conversation, b: Conversation) => binary(a.offer?.expiresAt ?? '', b.offer?.expiresAt ?? '') || binary(a.id, b.id);

function upsertOffer(list: Conversation[] | undefined, c: Conversation, keep: boolean) {
  if (!list) return list;
  const rest = list.filter((x) => x.id !== c.id);
  if (!keep) return rest.length === list.length ? list : rest;
  return [...rest, c].sort(byExpiry);
}

/** The paged lists in the cache (the Picklist, my Conversations in each order loaded), with their order. */
function pagedLists(queryClient: QueryClient): { key: readonly unknown[]; kind: PagedKind }[] {
  return queryClient
    .getQueryCache()
    .findAll({ queryKey: queryKeys.conversations.lists() })
    .flatMap((q): { key: readonly unknown[]; kind: PagedKind }[] => {
      const [, , view, sort] = q.queryKey;
      if (view === 'picklist') return [{ key: q.queryKey, kind: { view: 'picklist' } }];
      const known = oneOf(CONVERSATION_SORTS, sort);
      return view === 'mine' && known ? [{ key: q.queryKey, kind: { view: 'mine', sort: known } }] : [];
    });
}

const unreadCounts = (queryClient: QueryClient): UnreadCounts =>
  Object.fromEntries(Object.values(queryClient.getQueryData<UnreadMap>(queryKeys.conversations.reads()) ?? {}).map((s) => [s.conversationId, s.unreadCount]));

/** Orders in which a customer message may bring a conversation from beyond the loaded pages to the top. */
const MOVED_BY_CUSTOMER: ReadonlySet<string> = new Set(['last-customer-message', 'waiting-longest', 'unread-first']);

// One count per list at a time; a change meanwhile asks for one more after it.
const recounting = new Map<string, 'running' | 'again'>();

/** Counts a list again (a one-row page) when a change left its total unknown. */
async function recount(queryClient: QueryClient, key: readonly unknown[], kind: PagedKind): Promise<void> {
  const id = JSON.stringify(key);
  if (recounting.has(id)) {
    recounting.set(id, 'again');
    return;
  }
  recounting.set(id, 'running');
  try {
    const query = kind.view === 'mine' ? { view: 'mine' as const, sort: kind.sort, limit: 1 } : { view: 'picklist' as const, limit: 1 };
    const { total } = await callApi(staffRoutes.conversations, { query });
    queryClient.setQueryData<ListPages>(key, (data) => data && withTotal(data, total));
  } catch {
    // The next change or refetch counts again.
  } finally {
    const again = recounting.get(id) === 'again';
    recounting.delete(id);
    if (again) void recount(queryClient, key, kind);
  }
}

/** Places a conversation that was beyond my loaded rows and moved up (a customer wrote). */
async function placeFromBeyond(queryClient: QueryClient, user: User, id: string): Promise<void> {
  try {
    const { conversation } = await callApi(staffRoutes.conversation, { params: { id } });
    queryClient.setQueryData(queryKeys.conversations.detail(id), conversation);
    if (!belongsIn('mine', conversation, user)) return;
    const unread = unreadCounts(queryClient);
    for (const { key, kind } of pagedLists(queryClient)) {
      if (kind.view !== 'mine') continue;
      // Where it goes in 'unread-first' depends on a count only the server has: that list is fetched again.
      if (kind.sort === 'unread-first' && unread[id] === undefined) void queryClient.invalidateQueries({ queryKey: key, exact: true });
      else queryClient.setQueryData<ListPages>(key, (data) => data && upsertRow(data, { conversation, keep: true, wasMember: true, kind, unread }).data);
    }
  } catch {
    // Not mine to see any more, or offline: the next refetch shows it where it belongs.
  }
}

/**
 * Applies one realtime event to the cached queries, so lists and threads change without
 * refetching. The server only sends events this user may see.
 */
export function applyStaffEvent(queryClient: QueryClient, user: User, event: ConversationEvent): void {
  refetchInFlight(queryClient, [queryKeys.conversations.lists(), queryKeys.conversations.unread()]);
  if (event.type === 'message.created') {
    const { message } = event;
    const id = message.conversationId;
    queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(id), (d) => mergeMessages(d, [message]));
    queryClient.setQueryData<Conversation>(queryKeys.conversations.detail(id), (c) => c && withMessage(c, message));
    queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list('offers'), (list) => {
      const index = list?.findIndex((c) => c.id === id) ?? -1;
      if (!list || index < 0) return list;
      const copy = list.slice();
      copy[index] = withMessage(list[index]!, message);
      return copy;
    });
    const unread = unreadCounts(queryClient);
    let fetchMissing = false;
    for (const { key, kind } of pagedLists(queryClient)) {
      const data = queryClient.getQueryData<ListPages>(key);
      if (!data) continue;
      const row = loadedRows(data).find((c) => c.id === id);
      if (row) {
        // Only the one conversation changes (and may move); every other row keeps its identity.
        const result = upsertRow(data, { conversation: withMessage(row, message), keep: true, wasMember: true, kind, unread });
        queryClient.setQueryData(key, result.data);
      } else if (kind.view === 'mine' && message.authorKind === 'customer' && MOVED_BY_CUSTOMER.has(kind.sort) && !isComplete(data)) {
        fetchMissing ||= heldWhenWritten(event, user.id) === true;
      }
    }
    if (fetchMissing) void placeFromBeyond(queryClient, user, id);
    return;
  }
  if (event.type === 'note.created') {
    // The note itself travels with the event: the thread and the Notes tab show it without a fetch.
    addNote(queryClient, event.note);
    return;
  }
  if (event.type === 'message.delivery') {
    queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(event.conversationId), (d) => withDelivery(d, event.messageId, event.delivery));
    return;
  }
  if (event.type === 'conversation.rated') {
    // The rating travels with the event: an open side panel shows it without a fetch.
    queryClient.setQueryData(queryKeys.conversations.rating(event.conversationId), event.rating);
    return;
  }
  const { conversation } = event;
  if (event.type === 'conversation.transferred') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.transfers(conversation.id) });
  }
  queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
  const unread = unreadCounts(queryClient);
  const wasHeld = heldBefore(event, user.id);
  for (const { key, kind } of pagedLists(queryClient)) {
    const data = queryClient.getQueryData<ListPages>(key);
    if (!data) continue;
    const wasMember = kind.view === 'mine' ? wasHeld : event.type === 'conversation.created' ? false : undefined;
    const result = upsertRow(data, { conversation, keep: belongsIn(kind.view, conversation, user), wasMember, kind, unread });
    if (result.data !== data) queryClient.setQueryData(key, result.data);
    if (result.totalUnknown) void recount(queryClient, key, kind);
  }
  queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list('offers'), (list) =>
    upsertOffer(list, conversation, belongsIn('offers', conversation, user)),
  );
}

/** Puts a note first in its conversation's notes (newest first), once; nothing when they are not loaded. */
export function addNote(queryClient: QueryClient, note: Note): void {
  const key = queryKeys.conversations.notes(note.conversationId);
  refetchInFlight(queryClient, [key]);
  queryClient.setQueryData<Note[]>(key, (notes) =>
    notes && !notes.some((n) => n.id === note.id) ? [note, ...notes] : notes,
  );
}
