import type { QueryClient } from '@tanstack/react-query';
import { api } from '../contract/api';
import type { User } from '../contract/auth';
import type { ConversationEvent } from '../contract/events';
import type { Message } from '../contract/messages';
import type { ReadState } from '../contract/read-markers';
import { callApi } from './api-client';
import { belongsIn } from './conversation-cache';
import { queryKeys } from './query-keys';

/**
 * Unread counts, kept by the server per user (read markers) so every device of the user agrees:
 * this device counts new customer messages itself between fetches, and adopts the server's
 * `read.updated` whenever any of the user's devices reads.
 */

/** My read state per conversation id: those I hold or am offered. */
export type UnreadMap = Readonly<Record<string, ReadState>>;

export const toUnreadMap = (states: readonly ReadState[]): UnreadMap => Object.fromEntries(states.map((s) => [s.conversationId, s]));

/** The sum shown in the tab title. */
export const totalUnread = (map: UnreadMap | undefined) => Object.values(map ?? {}).reduce((n, s) => n + s.unreadCount, 0);

// Which conversation the user has open in the chat pane right now (at most one).
let openConversationId: string | null = null;

/** The chat pane says which conversation it shows; null when it closes. */
export function setOpenConversation(id: string | null): void {
  openConversationId = id;
}

/** The chat pane is leaving `id`: forget it, unless another pane has taken over already. */
export function clearOpenConversation(id: string): void {
  if (openConversationId === id) openConversationId = null;
}

/** The user is looking at this conversation: its pane is open and the tab is on screen. */
export const isReading = (id: string) => openConversationId === id && document.visibilityState === 'visible';

/** A server answer or event: adopted unless the cache already knows a later read position. */
export function applyReadState(queryClient: QueryClient, read: ReadState): void {
  queryClient.setQueryData<UnreadMap>(queryKeys.conversations.unread(), (map) => {
    if (!map) return map;
    const known = map[read.conversationId];
    if (known && known.lastReadSeq > read.lastReadSeq) return map;
    return { ...map, [read.conversationId]: read };
  });
}

// The highest seq being sent per conversation, so repeated triggers do not repeat the request.
const inFlight = new Map<string, number>();

/**
 * Tells the server I have seen `conversationId` up to `seq`. The badge clears at once; the
 * server's answer (and its read.updated to my other devices) confirms it. On failure the
 * counts are fetched again rather than guessed.
 */
export async function markRead(queryClient: QueryClient, conversationId: string, seq: number): Promise<void> {
  if ((inFlight.get(conversationId) ?? -1) >= seq) return;
  inFlight.set(conversationId, seq);
  queryClient.setQueryData<UnreadMap>(queryKeys.conversations.unread(), (map) => {
    const known = map?.[conversationId];
    if (!map || !known || known.lastReadSeq >= seq) return map;
    return { ...map, [conversationId]: { conversationId, lastReadSeq: seq, unreadCount: 0 } };
  });
  try {
    const { read } = await callApi(api.markRead, { params: { id: conversationId }, body: { seq } });
    applyReadState(queryClient, read);
  } catch {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.unread() });
  } finally {
    if (inFlight.get(conversationId) === seq) inFlight.delete(conversationId);
  }
}

function countCustomerMessage(queryClient: QueryClient, message: Message): void {
  const id = message.conversationId;
  // The counts cover every conversation I hold or am offered, loaded into a list or not.
  if (!queryClient.getQueryData<UnreadMap>(queryKeys.conversations.unread())?.[id]) return;
  // Seen as it arrives: nothing to count, only the server to tell.
  if (isReading(id)) {
    void markRead(queryClient, id, message.seq);
    return;
  }
  queryClient.setQueryData<UnreadMap>(queryKeys.conversations.unread(), (map) => {
    const known = map?.[id];
    if (!map || (known && message.seq <= known.lastReadSeq)) return map;
    return { ...map, [id]: { conversationId: id, lastReadSeq: known?.lastReadSeq ?? 0, unreadCount: (known?.unreadCount ?? 0) + 1 } };
  });
}

/**
 * Keeps the unread counts in step with a conversation event (after applyStaffEvent has updated
 * the lists). A conversation that becomes mine or is offered to me brings its unread customer
 * messages with it: those are the server's to count, so the counts are fetched again. One that
 * leaves me no longer counts.
 */
export function applyUnreadEvent(queryClient: QueryClient, user: User, event: ConversationEvent): void {
  if (event.type === 'message.created') {
    if (event.message.authorKind === 'customer') countCustomerMessage(queryClient, event.message);
    return;
  }
  if (event.type === 'note.created') return;
  const { conversation } = event;
  const counted = belongsIn('mine', conversation, user) || belongsIn('offers', conversation, user);
  const map = queryClient.getQueryData<UnreadMap>(queryKeys.conversations.unread());
  if (!map) return;
  if (counted && !map[conversation.id]) {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.unread() });
  } else if (!counted && map[conversation.id]) {
    const { [conversation.id]: _gone, ...rest } = map;
    queryClient.setQueryData<UnreadMap>(queryKeys.conversations.unread(), rest);
  }
}
