import { Alert, Button, Snackbar } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { claimAlert, notifier } from '../../../lib/notifier';
import { noteStrings } from '../../../lib/note-strings';
import { queryKeys } from '../../../lib/query-keys';
import { dismissMentionNotice, type MentionEvent } from '../mention-notices';

interface Props {
  /** The user asked for desktop notifications (Preferences). */
  desktop: boolean;
  /** Opens the conversation at its notes; the page decides how (features do not know the routes). */
  onOpen(conversationId: string): void;
}

/**
 * A colleague @mentioned me: a notice in the panel with a way to the note, and a desktop
 * notification when I asked for those (one per mention across my tabs, as claimAlert decides).
 */
export function MentionNotice({ desktop, onOpen }: Props) {
  const queryClient = useQueryClient();
  const key = queryKeys.conversations.mentions();
  // Filled by the realtime handler (mention-notices.ts); never fetched.
  const notices = useQuery({ queryKey: key, queryFn: () => queryClient.getQueryData<MentionEvent[]>(key) ?? [], staleTime: Infinity }).data ?? [];
  const current = notices[0];

  const latest = useRef({ desktop, onOpen });
  latest.current = { desktop, onOpen };
  const raised = useRef(new Set<string>());
  useEffect(() => {
    for (const n of notices) {
      if (raised.current.has(n.note.id)) continue;
      raised.current.add(n.note.id);
      if (!latest.current.desktop) continue;
      void claimAlert(`mention-${n.seq}`).then((mine) => {
        if (!mine) return;
        notifier.showDesktop({
          title: noteStrings.desktopTitle(n.note.authorName),
          body: `${n.customerName}: ${n.note.text}`,
          tag: `mention-${n.note.conversationId}`,
          onClick: () => open(n),
        });
      });
    }
  });

  const open = (n: MentionEvent) => {
    dismissMentionNotice(queryClient, n.note.id);
    latest.current.onOpen(n.note.conversationId);
  };

  return (
    <Snackbar open={current !== undefined} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} key={current?.note.id}>
      {current && (
        <Alert
          severity="info"
          variant="filled"
          onClose={() => dismissMentionNotice(queryClient, current.note.id)}
          action={
            <Button color="inherit" size="small" onClick={() => open(current)}>
              {noteStrings.openNote}
            </Button>
          }
          sx={{ alignItems: 'center' }}
        >
          {noteStrings.mentioned(current.note.authorName, current.customerName)}
        </Alert>
      )}
    </Snackbar>
  );
}
