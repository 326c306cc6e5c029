import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { panelStrings } from '../../../lib/staff-page-strings';

interface Props {
  open: boolean;
  customerName: string;
  pending: boolean;
  error: unknown;
  onCancel(): void;
  onConfirm(): void;
}

export function EndChatDialog({ open, customerName, pending, error, onCancel, onConfirm }: Props) {
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="end-chat-title">
      <DialogTitle id="end-chat-title">{panelStrings.endConfirmTitle}</DialogTitle>
      <DialogContent>
        <DialogContentText>{panelStrings.endConfirmBody(customerName)}</DialogContentText>
        {Boolean(error) && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {errorMessage(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          {strings.common.cancel}
        </Button>
        <Button color="error" variant="contained" onClick={onConfirm} loading={pending}>
          {panelStrings.endConfirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
