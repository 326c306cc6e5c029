import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../contract/auth';
import type { Conversation, ConversationView } from '../contract/conversations';
import type { ConversationEvent } from '../contract/events';
import type { Message } from '../contract/messages';
import { mergeMessages, type MessagePages } from './message-cache';
import { queryKeys } from './query-keys';

/** The live lists an event may change. */
export const LIVE_VIEWS = ['picklist', 'mine', 'offers'] as const satisfies readonly ConversationView[];

/**
 * Which list a conversation belongs in for this user, following the server's rules. Events reach
 * more people than the picklist does (a transfer goes to its sender, and to the whole queue of a
 * conversation reserved for one agent), so the picklist rule is checked in full here. A
 * conversation being offered is that one agent's offer, in nobody's picklist.
 */
export function belongsIn(view: ConversationView, c: Conversation, user: User): boolean {
  if (view === 'picklist') {
    if (c.state !== 'queued') return false;
    if (user.role !== 'agent') return true;
    // Reserved after a transfer: that agent's alone, whether or not they serve the queue.
    return c.reservedFor ? c.reservedFor.id === user.id : user.queueIds.includes(c.queue.id);
  }
  if (view === 'offers') return c.state === 'offered' && c.offer?.agent.id === user.id;
  return c.state === 'picked' && c.agent?.id === user.id;
}

const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byArrival = (a: Conversation, b: Conversation) => binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id);

/** Each list in the server's order: the Conversations list is re-sorted for display anyway. */
const ORDER: Record<(typeof LIVE_VIEWS)[number], (a: Conversation, b: Conversation) => number> = {
  // Conversations that came back from a lost agent wait at the top.
  picklist: (a, b) => Number(a.returnedAt === null) - Number(b.returnedAt === null) || byArrival(a, b),
  mine: byArrival,
  offers: (a, b) => binary(a.offer?.expiresAt ?? '', b.offer?.expiresAt ?? '') || binary(a.id, b.id),
};

function upsertIntoList(view: (typeof LIVE_VIEWS)[number], list: Conversation[] | undefined, c: Conversation, keep: boolean) {
  if (!list) return list;
  const rest = list.filter((x) => x.id !== c.id);
  if (!keep) return rest.length === list.length ? list : rest;
  return [...rest, c].sort(ORDER[view]);
}

/**
 * The conversation after `message`, with the fields the server derives from its messages: the
 * customer's latest message, and since when the customer has been waiting for a reply (their
 * first message after the last agent message). System messages answer nobody.
 */
export function withMessage(c: Conversation, message: Message): Conversation {
  if (c.id !== message.conversationId || c.lastSeq > message.seq) return c;
  const next: Conversation = {
    ...c,
    lastMessage: message,
    lastSeq: message.seq,
    firstMessage: c.firstMessage ?? (message.authorKind === 'customer' ? message : null),
  };
  if (message.authorKind === 'customer') {
    next.lastCustomerMessageAt = message.createdAt;
    next.awaitingReplySince = c.awaitingReplySince ?? message.createdAt;
  } else if (message.authorKind === 'agent') {
    next.awaitingReplySince = null;
  }
  return next;
}

/**
 * Applies one realtime event to the cached queries, so lists and threads change without
 * refetching. The server only sends events this user may see.
 */
export function applyStaffEvent(queryClient: QueryClient, user: User, event: ConversationEvent): void {
  if (event.type === 'message.created') {
    const { message } = event;
    queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(message.conversationId), (d) => mergeMessages(d, [message]));
    queryClient.setQueryData<Conversation>(queryKeys.conversations.detail(message.conversationId), (c) => c && withMessage(c, message));
    for (const view of LIVE_VIEWS) {
      queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list(view), (list) => {
        // Only the one conversation changes; every other row keeps its identity (memoized rows).
        const index = list?.findIndex((c) => c.id === message.conversationId) ?? -1;
        if (!list || index < 0) return list;
        const copy = list.slice();
        copy[index] = withMessage(list[index]!, message);
        return copy;
      });
    }
    return;
  }
  if (event.type === 'note.created') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.notes(event.note.conversationId) });
    return;
  }
  const { conversation } = event;
  if (event.type === 'conversation.transferred') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.transfers(conversation.id) });
  }
  queryClient.setQueryData(queryKeys.conversations.detail(conversation.id), conversation);
  for (const view of LIVE_VIEWS) {
    queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list(view), (list) =>
      upsertIntoList(view, list, conversation, belongsIn(view, conversation, user)),
    );
  }
}
