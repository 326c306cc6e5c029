import { queryKeys } from '../../lib/query-keys';
import { CONVERSATION_EVENT_TYPES, type StaffEventRegistry } from '../../lib/staff-events';
import { addNote, applyStaffEvent } from './conversation-cache';
import { addMentionNotice } from './mention-notices';
import { applyReadState, applyUnreadEvent } from './read-markers';

/** How realtime events change the conversations' cache: lists, threads, details, unread counts. */
export function registerConversationEvents(registry: StaffEventRegistry): void {
  registry.on(CONVERSATION_EVENT_TYPES, (event, { queryClient, user }) => {
    applyStaffEvent(queryClient, user, event);
    // After the lists: whether a conversation is offered to me is read from them.
    applyUnreadEvent(queryClient, user, event);
  });
  // A colleague @mentioned me: a notice (and the note, should its notes be loaded here).
  registry.on('note.mentioned', (event, { queryClient }) => {
    addNote(queryClient, event.note);
    addMentionNotice(queryClient, event);
  });
  // Another device of mine read a conversation.
  registry.on('read.updated', (event, { queryClient }) => applyReadState(queryClient, event.read));
  // My draft was saved, here or on another device: an open composer without unsaved edits shows it.
  registry.on('draft.saved', (event, { queryClient }) => {
    const key = queryKeys.conversations.draft(event.conversationId);
    if (queryClient.getQueryState(key)) queryClient.setQueryData(key, event.draft);
  });
  // An admin changed me (queues, role): my lists and where I may transfer to change with it.
  // The server also reconnects my socket, so events of my new queues follow.
  registry.on('user.updated', (event, { queryClient, user }) => {
    if (event.user.id === user.id) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.queues() });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
    }
    void queryClient.invalidateQueries({ queryKey: queryKeys.transferTargets() });
  });
  registry.on('queue.updated', (_event, { queryClient }) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.queues() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.transferTargets() });
  });
}
