import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { SetupRequestSchema } from '../../../contract/auth';
import { ApiRequestError, errorMessage } from '../../../lib/api-client';
import { newPasswordProblem } from '../../../lib/password-strength';
import { strings } from '../../../lib/strings';
import { useSetup } from '../api/setup';
import { AuthCard } from './auth-card';
import { refusalFieldMessages, zodIssueMessages } from '../../../lib/field-issue-strings';

/** First visit to an empty workspace: create the admin account. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({ username: '', displayName: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const setup = useSetup();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = SetupRequestSchema.safeParse(form);
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(zodIssueMessages(parsed.error).map(([path, message]) => [path.split('.')[0]!, message])));
      return;
    }
    const weak = await newPasswordProblem(parsed.data.password, parsed.data);
    if (weak) return setFieldErrors({ password: weak });
    setFieldErrors({});
    setup.mutate(parsed.data, {
      onSuccess: onDone,
      onError: (err) => err instanceof ApiRequestError && err.body?.fields && setFieldErrors(Object.fromEntries(refusalFieldMessages(err))),
    });
  };
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    error: Boolean(fieldErrors[name]),
    helperText: fieldErrors[name],
    required: true,
  });

  return (
    <AuthCard title={strings.setup.title} intro={strings.setup.intro}>
      <Stack component="form" spacing={2} onSubmit={(e) => void submit(e)} noValidate>
        {setup.isError && <Alert severity="error">{errorMessage(setup.error)}</Alert>}
        <TextField label={strings.setup.displayName} autoComplete="name" autoFocus {...field('displayName')} />
        <TextField label={strings.login.username} autoComplete="username" {...field('username')} />
        <TextField label={strings.login.password} type="password" autoComplete="new-password" {...field('password')} />
        <Button type="submit" variant="contained" size="large" loading={setup.isPending}>
          {strings.setup.submit}
        </Button>
      </Stack>
    </AuthCard>
  );
}
