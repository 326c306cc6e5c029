import type { QueryClient } from '@tanstack/react-query';
import { staffRoutes } from '../../contract/staff-routes';
import type { User } from '../../contract/auth';
import type { Conversation } from '../../contract/conversations';
import type { ConversationEvent } from '../../contract/events';
import type { ReadState, UnreadTotal, UnreadTotals } from '../../contract/read-markers';
import { callApi } from '../../lib/api-client';
import { belongsIn } from './conversation-cache';
import { heldBefore, heldWhenWritten, offeredBefore } from '../../lib/event-holder';
import { queryKeys } from '../../lib/query-keys';

/**
 * Unread counts, kept by the server per user (read markers) so every device of the user agrees.
 * The server sends totals (the tab title) and, with each list page, the read state of that
 * page's rows: this panel never holds one entry per conversation its user holds, only per row
 * it has loaded. Between fetches it counts new customer messages itself and adopts the server's
 * `read.updated` whenever any of the user's devices reads; where it cannot tell how a total
 * changed (a conversation it has not loaded), it asks for the totals again.
 */

/** My read state in the conversations I hold or am offered that this panel has loaded. */
export type UnreadMap = Readonly<Record<string, ReadState>>;

type UnreadList = keyof UnreadTotals;

/** The sum shown in the tab title. */
export const totalUnread = (totals: UnreadTotals | undefined) => (totals ? totals.mine.messages + totals.offers.messages : 0);

const readsOf = (queryClient: QueryClient): UnreadMap | undefined => queryClient.getQueryData<UnreadMap>(queryKeys.conversations.reads());

/**
 * Read states that came with a page of `mine` or the offers: adopted unless this panel already
 * knows a later read position.
 */
export function rememberReads(queryClient: QueryClient, reads: readonly ReadState[]): void {
  if (reads.length === 0) return;
  queryClient.setQueryData<UnreadMap>(queryKeys.conversations.reads(), (map = {}) => {
    const next = { ...map };
    for (const read of reads) {
      const known = map[read.conversationId];
      if (!known || known.lastReadSeq <= read.lastReadSeq) next[read.conversationId] = read;
    }
    return next;
  });
}

const isOffered = (queryClient: QueryClient, id: string) =>
  queryClient.getQueryData<Conversation[]>(queryKeys.conversations.list('offers'))?.some((c) => c.id === id) ?? false;

/** Asks the server for the totals again: the change was to a conversation this panel cannot count. */
const recountTotals = (queryClient: QueryClient) => void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.unread() });

/** Moves one list's totals by a change this panel can count exactly. */
function shiftTotals(queryClient: QueryClient, list: UnreadList, messages: number, conversations: number): void {
  if (messages === 0 && conversations === 0) return;
  queryClient.setQueryData<UnreadTotals>(queryKeys.conversations.unread(), (totals) => {
    if (!totals) return totals;
    const was: UnreadTotal = totals[list];
    return {
      ...totals,
      [list]: { messages: Math.max(0, was.messages + messages), conversations: Math.max(0, was.conversations + conversations) },
    };
  });
}

/** A loaded conversation's read state changes from `known` to `next`: the totals follow. */
function replaceRead(queryClient: QueryClient, known: ReadState, next: ReadState): void {
  queryClient.setQueryData<UnreadMap>(queryKeys.conversations.reads(), (map) => map && { ...map, [next.conversationId]: next });
  shiftTotals(
    queryClient,
    isOffered(queryClient, next.conversationId) ? 'offers' : 'mine',
    next.unreadCount - known.unreadCount,
    Number(next.unreadCount > 0) - Number(known.unreadCount > 0),
  );
}

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

/**
 * A server answer or event: adopted unless the cache already knows a later read position. A
 * conversation this panel has not loaded changed the totals by an amount it cannot tell.
 */
export function applyReadState(queryClient: QueryClient, read: ReadState): void {
  const known = readsOf(queryClient)?.[read.conversationId];
  if (!known) {
    recountTotals(queryClient);
    return;
  }
  if (known.lastReadSeq > read.lastReadSeq) return;
  replaceRead(queryClient, known, read);
}

// The highest seq being sent per conversation, so repeated triggers do not repeat the request.
const inFlight = new Map<string, number>();

/**
 * Tells the server I have seen `conversationId` up to `seq`. The badge clears at once; the
 * server's answer (and its read.updated to my other devices) confirms it. On failure the
 * counts are fetched again rather than guessed. `counted`: the conversation is mine or offered
 * to me, so the answer is kept even when no loaded row brought its read state.
 */
export async function markRead(queryClient: QueryClient, conversationId: string, seq: number, { counted = false } = {}): Promise<void> {
  if ((inFlight.get(conversationId) ?? -1) >= seq) return;
  inFlight.set(conversationId, seq);
  const known = readsOf(queryClient)?.[conversationId];
  if (known && known.lastReadSeq < seq) replaceRead(queryClient, known, { conversationId, lastReadSeq: seq, unreadCount: 0 });
  try {
    const { read } = await callApi(staffRoutes.markRead, { params: { id: conversationId }, body: { seq } });
    if (counted && !readsOf(queryClient)?.[conversationId]) {
      rememberReads(queryClient, [read]);
      recountTotals(queryClient);
    } else {
      applyReadState(queryClient, read);
    }
  } catch {
    recountTotals(queryClient);
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
  } finally {
    if (inFlight.get(conversationId) === seq) inFlight.delete(conversationId);
  }
}

function countCustomerMessage(queryClient: QueryClient, user: User, event: Extract<ConversationEvent, { type: 'message.created' }>): void {
  const { message } = event;
  const id = message.conversationId;
  const known = readsOf(queryClient)?.[id];
  const offered = isOffered(queryClient, id);
  // The event names the holder; one logged before it did is counted only when loaded.
  const held = heldWhenWritten(event, user.id) ?? (known !== undefined && !offered);
  if (!held && !offered) return;
  // Seen as it arrives: nothing to count, only the server to tell.
  if (isReading(id)) {
    void markRead(queryClient, id, message.seq);
    return;
  }
  if (known && message.seq <= known.lastReadSeq) return;
  if (!known) {
    // One more unread message for certain; whether its conversation had any before, the server knows.
    shiftTotals(queryClient, offered ? 'offers' : 'mine', 1, 0);
    recountTotals(queryClient);
    return;
  }
  replaceRead(queryClient, known, { conversationId: id, lastReadSeq: known.lastReadSeq, unreadCount: known.unreadCount + 1 });
}

/**
 * Keeps the unread counts in step with a conversation event (after applyStaffEvent has updated
 * the lists). A conversation that becomes mine or is offered to me brings its unread customer
 * messages with it, and one that leaves me takes them away: the server counts the totals again.
 * One that leaves me no longer has a read state here.
 */
export function applyUnreadEvent(queryClient: QueryClient, user: User, event: ConversationEvent): void {
  if (event.type === 'message.created') {
    if (event.message.authorKind === 'customer') countCustomerMessage(queryClient, user, event);
    return;
  }
  if (event.type === 'note.created' || event.type === 'message.delivery' || event.type === 'conversation.rated') return;
  const { conversation } = event;
  const countedNow = belongsIn('mine', conversation, user) || belongsIn('offers', conversation, user);
  const held = heldBefore(event, user.id);
  const countedBefore = held === undefined ? undefined : held || offeredBefore(event, user.id);
  if (countedNow || countedBefore !== false) recountTotals(queryClient);
  if (!countedNow && readsOf(queryClient)?.[conversation.id]) {
    queryClient.setQueryData<UnreadMap>(queryKeys.conversations.reads(), (map) => {
      if (!map) return map;
      const { [conversation.id]: _gone, ...rest } = map;
      return rest;
    });
  }
}
