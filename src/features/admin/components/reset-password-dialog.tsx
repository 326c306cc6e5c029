import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { NewPasswordSchema, type AdminUser } from '../../../contract/admin';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contract/limits';
import { newPasswordProblem } from '../../../lib/password-strength';
import { strings } from '../../../lib/strings';
import { adminStrings } from '../../../lib/staff-page-strings';
import { useResetPassword } from '../api/reset-password';
import { useFocusInvalid } from '../hooks/use-focus-invalid';
import { apiFormErrors } from '../form-errors';

/** Sets a new password for a user, who is logged out everywhere and logs in again with it. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: AdminUser; onClose(): void; onDone(): void }) {
  const s = adminStrings.users;
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const titleId = useId();
  const { ref: formRef, focusInvalid } = useFocusInvalid<HTMLFormElement>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = NewPasswordSchema.safeParse(password);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      return focusInvalid();
    }
    const weak = await newPasswordProblem(parsed.data, user);
    if (weak) {
      setFieldError(weak);
      return focusInvalid();
    }
    reset.mutate(
      { id: user.id, password: parsed.data },
      {
        onSuccess: onDone,
        onError: (err) => {
          const split = apiFormErrors(err, ['password'] as const);
          setFieldError(split.fields.password);
          focusInvalid();
          setFormError(split.form);
        },
      },
    );
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby={titleId}>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{s.resetTitle(user.displayName)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{s.resetIntro}</DialogContentText>
            <TextField
              label={s.newPassword}
              type="password"
              autoComplete="new-password"
              autoFocus
              required
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setFieldError(undefined);
              }}
              error={!!fieldError}
              helperText={fieldError ?? s.passwordHint(PASSWORD_MIN_LENGTH)}
              slotProps={{ htmlInput: { maxLength: PASSWORD_MAX_LENGTH } }}
            />
            {formError && <Alert severity="error">{formError}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button type="submit" variant="contained" loading={reset.isPending}>
            {s.resetSubmit}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
