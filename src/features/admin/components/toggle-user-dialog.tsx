import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { useId } from 'react';
import type { AdminUser } from '../../../contract/admin';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { adminStrings } from '../../../lib/staff-page-strings';
import { useUpdateUser } from '../api/update-user';

/**
 * Confirms disabling a user (logged out everywhere at once, their conversations back to their
 * queues) or enabling them again.
 */
export function ToggleUserDialog({ user, onClose, onDone }: { user: AdminUser; onClose(): void; onDone(user: AdminUser): void }) {
  const s = adminStrings.users;
  const update = useUpdateUser();
  const titleId = useId();
  const disabling = !user.disabled;

  const confirm = () =>
    update.mutate(
      {
        id: user.id,
        body: { displayName: user.displayName, role: user.role, capacity: user.capacity, queueIds: user.queueIds, disabled: disabling },
      },
      { onSuccess: onDone },
    );

  return (
    <Dialog open onClose={onClose} maxWidth="xs" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{disabling ? s.disableTitle(user.displayName) : s.enableTitle(user.displayName)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{disabling ? s.disableBody(user.displayName) : s.enableBody(user.displayName)}</DialogContentText>
          {update.isError && <Alert severity="error">{errorMessage(update.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          {strings.common.cancel}
        </Button>
        <Button variant="contained" color={disabling ? 'error' : 'primary'} loading={update.isPending} onClick={confirm}>
          {disabling ? s.disable : s.enable}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
