import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { useDocumentVisible } from '../../../hooks/use-document-visible';
import { clearOpenConversation, markRead, setOpenConversation } from '../read-markers';
import { useReads } from '../api/get-unread';

/**
 * While this conversation is open in the chat pane and the tab is on screen, the user reads it:
 * its unread messages are marked read when it opens, when the tab comes back into view, and as
 * new ones arrive (those are marked by the realtime handler, which asks `isReading`). The
 * server tells the user's other devices, whose badges clear too. `counted`: I hold it or am
 * offered it, so it counts in my unread totals even when no loaded list row brought its read
 * state (opened from a link or a notification): then it is marked read once to learn it.
 */
export function useReadWhileOpen(conversation: Pick<Conversation, 'id' | 'lastSeq'>, counted: boolean): void {
  const queryClient = useQueryClient();
  const visible = useDocumentVisible();
  const unread = useReads().data?.[conversation.id];
  const { id, lastSeq } = conversation;

  useEffect(() => {
    setOpenConversation(id);
    return () => clearOpenConversation(id);
  }, [id]);

  const known = unread !== undefined;
  const unreadCount = unread?.unreadCount ?? 0;
  const lastReadSeq = unread?.lastReadSeq ?? 0;
  useEffect(() => {
    if (!visible || (known ? unreadCount === 0 : !counted || lastSeq === 0)) return;
    void markRead(queryClient, id, Math.max(lastSeq, lastReadSeq), { counted });
  }, [queryClient, id, visible, known, counted, unreadCount, lastSeq, lastReadSeq]);
}
