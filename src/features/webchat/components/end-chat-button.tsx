import { Button } from '@mui/material';
import { lazy, Suspense, useState } from 'react';
import { useOpenedOnce } from '../../../hooks/use-opened-once';
import { webchatEndStrings } from '../webchat-end-strings';

// Its dialog loads on the first click: most chats are ended by the agent.
const EndChatDialog = lazy(() => import('./end-chat-dialog').then((m) => ({ default: m.EndChatDialog })));

/** "End chat" in the chat's header, with a confirmation: ending cannot be undone. */
export function EndChatButton({ token }: { token: string }) {
  const [open, setOpen] = useState(false);
  const opened = useOpenedOnce(open);
  return (
    <>
      <Button size="small" color="inherit" variant="outlined" onClick={() => setOpen(true)}>
        {webchatEndStrings.endChat}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <EndChatDialog token={token} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
