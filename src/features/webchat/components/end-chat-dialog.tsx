import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId } from 'react';
import { errorMessage } from '../../../lib/http';
import { webchatEndStrings } from '../webchat-end-strings';
import { useEndChat } from '../api/chat-end';

/** Asks before ending the chat: ending cannot be undone. */
export function EndChatDialog({ token, open, onClose }: { token: string; open: boolean; onClose(): void }) {
  const s = webchatEndStrings;
  const end = useEndChat(token);
  const titleId = useId();
  const close = () => {
    onClose();
    end.reset();
  };
  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{s.confirmTitle}</DialogTitle>
      <DialogContent>
        <DialogContentText>{s.confirmBody}</DialogContentText>
        {end.isError && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorMessage(end.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{s.cancel}</Button>
        <Button color="error" variant="contained" loading={end.isPending} onClick={() => end.mutate(undefined, { onSuccess: onClose })}>
          {s.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
