import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { errorMessage } from '../lib/api-client';
import { strings } from '../lib/strings';

interface Props {
  open: boolean;
  title: string;
  body: string;
  /** The action's name, on its button. */
  confirmLabel: string;
  /** Whether the action takes something away (red button, the default) or gives it back. */
  destructive?: boolean;
  /** A narrow dialog for a short question. */
  narrow?: boolean;
  pending: boolean;
  /** The last attempt's failure, shown in the dialog so the user can try again or cancel. */
  error: unknown;
  /** Choices that go with the action (the End chat dialog's reason), under the text. */
  children?: ReactNode;
  onCancel(): void;
  onConfirm(): void;
}

/** Asks before something that cannot be undone; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog({ open, title, body, confirmLabel, destructive = true, narrow = false, pending, error, children, onCancel, onConfirm }: Props) {
  const titleId = useId();
  return (
    <Dialog open={open} onClose={onCancel} maxWidth={narrow ? 'xs' : 'sm'} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{body}</DialogContentText>
        {children}
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
        <Button color={destructive ? 'error' : 'primary'} variant="contained" onClick={onConfirm} loading={pending}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
