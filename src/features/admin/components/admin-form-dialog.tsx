import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, type DialogProps } from '@mui/material';
import { useId, type FormEvent, type ReactNode, type Ref } from 'react';
import { strings } from '../../../lib/strings';

interface Props {
  title: string;
  maxWidth?: DialogProps['maxWidth'];
  formRef: Ref<HTMLFormElement>;
  onSubmit(e: FormEvent<HTMLFormElement>): void;
  onClose(): void;
  /** What is wrong with the form as a whole, shown under its fields. */
  formError: string | null;
  submitLabel: string;
  /** The save is on its way: the submit button shows it. */
  pending: boolean;
  children: ReactNode;
}

/** An admin form in a dialog: its title, its fields, the form's own message, Cancel and the submit button. */
export function AdminFormDialog({ title, maxWidth = 'sm', formRef, onSubmit, onClose, formError, submitLabel, pending, children }: Props) {
  const titleId = useId();
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth} aria-labelledby={titleId}>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {children}
            {formError && <Alert severity="error">{formError}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button type="submit" variant="contained" loading={pending}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
