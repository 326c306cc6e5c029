import type { QueryClient } from '@tanstack/react-query';
import type { UserEvent } from '../../contract/events';
import { STALE_EVENT_MS } from '../../lib/notification-rules';
import { queryKeys } from '../../lib/query-keys';

export type MentionEvent = Extract<UserEvent, { type: 'note.mentioned' }>;

/** More than a handful waiting means the user is away: the oldest are dropped, the panel's notes keep them. */
const NOTICES_KEPT = 5;

/**
 * Keeps a colleague's @mention of me for the notice to show (mention-notice.tsx), once per note.
 * Mentions replayed after a long disconnect are history, as for the other notifications.
 */
export function addMentionNotice(queryClient: QueryClient, event: MentionEvent, now = Date.now()): void {
  if (now - Date.parse(event.at) > STALE_EVENT_MS) return;
  queryClient.setQueryData<MentionEvent[]>(queryKeys.conversations.mentions(), (notices = []) =>
    notices.some((n) => n.note.id === event.note.id) ? notices : [...notices, event].slice(-NOTICES_KEPT),
  );
}

export function dismissMentionNotice(queryClient: QueryClient, noteId: string): void {
  queryClient.setQueryData<MentionEvent[]>(queryKeys.conversations.mentions(), (notices = []) => notices.filter((n) => n.note.id !== noteId));
}
