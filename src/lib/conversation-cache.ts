import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../contract/auth';
import type { Conversation, ConversationView } from '../contract/conversations';
import type { ConversationEvent } from '../contract/events';
import { mergeMessages, type MessagePages } from './message-cache';
import { queryKeys } from './query-keys';

/**
 * Which list a conversation belongs in for this user, following the server's rules. Events reach
 * more people than the picklist does (a transfer goes to its sender, and to the whole queue of a
 * conversation reserved for one agent), so the picklist rule is checked in full here.
 */
export function belongsIn(view: ConversationView, c: Conversation, user: User): boolean {
  if (view === 'picklist') {
    if (c.state !== 'queued' && c.state !== 'offered') return false;
    if (user.role !== 'agent') return true;
    // Reserved after a transfer: that agent's alone, whether or not they serve the queue.
    return c.reservedFor ? c.reservedFor.id === user.id : user.queueIds.includes(c.queue.id);
  }
  return c.state === 'picked' && c.agent?.id === user.id;
}

const byArrival = (a: Conversation, b: Conversation) => a.arrivedAt.localeCompare(b.arrivedAt) || a.id.localeCompare(b.id);

function upsertIntoList(list: Conversation[] | undefined, c: Conversation, keep: boolean) {
  if (!list) return list;
  const rest = list.filter((x) => x.id !== c.id);
  return keep ? [...rest, c].sort(byArrival) : rest;
}

/**
 * Applies one realtime event to the cached queries, so lists and threads change without
 * refetching. The server only sends events this user may see.
 */
export function applyStaffEvent(queryClient: QueryClient, user: User, event: ConversationEvent): void {
  if (event.type === 'message.created') {
    const { message } = event;
    queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(message.conversationId), (d) => mergeMessages(d, [message]));
    const withMessage = (c: Conversation): Conversation =>
      c.id !== message.conversationId || c.lastSeq > message.seq
        ? c
        : {
            ...c,
            lastMessage: message,
            lastSeq: message.seq,
            firstMessage: c.firstMessage ?? (message.authorKind === 'customer' ? message : null),
          };
    queryClient.setQueryData<Conversation>(queryKeys.conversations.detail(message.conversationId), (c) => c && withMessage(c));
    for (const view of ['picklist', 'mine'] as const) {
      queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list(view), (list) => list?.map(withMessage));
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
  for (const view of ['picklist', 'mine'] as const) {
    queryClient.setQueryData<Conversation[]>(queryKeys.conversations.list(view), (list) =>
      upsertIntoList(list, conversation, belongsIn(view, conversation, user)),
    );
  }
}
