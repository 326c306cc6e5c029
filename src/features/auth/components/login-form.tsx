import { Alert, Button, Stack } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { User } from '../../../contract/auth';
import { NativeField } from '../../../components/native-field';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { useLogin } from '../api/login';
import { AuthCard } from './auth-card';

export function LoginForm({ onLoggedIn }: { onLoggedIn: (user: User) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: ({ user }) => onLoggedIn(user) });
  };

  return (
    <AuthCard title={strings.login.title}>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate>
        {login.isError && <Alert severity="error">{errorMessage(login.error)}</Alert>}
        <NativeField label={strings.login.username} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoFocus required />
        <NativeField label={strings.login.password} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        <Button type="submit" variant="contained" size="large" loading={login.isPending} disabled={!username.trim() || !password}>
          {strings.login.submit}
        </Button>
      </Stack>
    </AuthCard>
  );
}
