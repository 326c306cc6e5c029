import { DialogContentText, TextField } from '@mui/material';
import type { FormEvent } from 'react';
import { ResetPasswordRequestSchema, type AdminUser } from '../../../contract/admin';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../contract/limits';
import { newPasswordProblem } from '../../../lib/password-strength';
import { adminStrings } from '../../../lib/admin-strings';
import { useResetPassword } from '../api/reset-password';
import { useAdminForm } from '../hooks/use-admin-form';
import { AdminFormDialog } from './admin-form-dialog';

/** Sets a new password for a user, who is logged out everywhere and logs in again with it. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: AdminUser; onClose(): void; onDone(): void }) {
  const s = adminStrings.users;
  const reset = useResetPassword();
  const form = useAdminForm({ password: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(ResetPasswordRequestSchema.safeParse(form.values));
    if (!body) return;
    const weak = await newPasswordProblem(body.password, user);
    if (weak) return form.refuse('password', weak);
    reset.mutate({ id: user.id, password: body.password }, { onSuccess: onDone, onError: (err) => form.failed(err) });
  };

  return (
    <AdminFormDialog
      title={s.resetTitle(user.displayName)}
      maxWidth="xs"
      formRef={form.formRef}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      formError={form.formError}
      submitLabel={s.resetSubmit}
      pending={reset.isPending}
    >
      <DialogContentText>{s.resetIntro}</DialogContentText>
      <TextField
        label={s.newPassword}
        type="password"
        autoComplete="new-password"
        autoFocus
        required
        {...form.textProps('password', s.passwordHint(PASSWORD_MIN_LENGTH))}
        slotProps={{ htmlInput: { maxLength: PASSWORD_MAX_LENGTH } }}
      />
    </AdminFormDialog>
  );
}
