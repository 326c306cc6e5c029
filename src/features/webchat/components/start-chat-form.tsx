import { Alert, Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { MESSAGE_TEXT_MAX_LENGTH } from '../../../contract/limits';
import { StartChatRequestSchema, type StartChatResponse } from '../../../contract/webchat';
import { ApiRequestError, errorMessage } from '../../../lib/api-client';
import { newClientMessageId } from '../../../lib/client-id';
import { strings } from '../../../lib/strings';
import { useWebchatQueues } from '../api/get-queues';
import { useStartChat } from '../api/start-chat';

interface Props {
  /** Queue preselected by the page's `queue` parameter (id or name). */
  initialQueue?: string;
  onStarted(result: StartChatResponse): void;
}

export function StartChatForm({ initialQueue, onStarted }: Props) {
  const queues = useWebchatQueues();
  const start = useStartChat();
  const [form, setForm] = useState({ queueId: '', name: '', email: '', text: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const preselected = queues.data?.find((q) => q.id === initialQueue || q.name.toLowerCase() === initialQueue?.toLowerCase());
  const queueId = form.queueId || preselected?.id || (queues.data?.length === 1 ? queues.data[0]!.id : '');
  // Generated once per form, so a double submit or a retry starts one chat, not two.
  const [clientMessageId] = useState(newClientMessageId);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = StartChatRequestSchema.safeParse({ ...form, queueId, clientMessageId });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    start.mutate(parsed.data, {
      onSuccess: onStarted,
      onError: (err) => err instanceof ApiRequestError && err.body?.fields && setErrors(err.body.fields),
    });
  };
  const field = (name: 'name' | 'email' | 'text') => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
    error: Boolean(errors[name]),
    helperText: errors[name],
    required: true,
  });

  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={strings.webchat.title}>
      {queues.isError && <Alert severity="error">{errorMessage(queues.error)}</Alert>}
      {start.isError && <Alert severity="error">{errorMessage(start.error)}</Alert>}
      {!preselected && (
        <TextField
          select
          label={strings.webchat.queue}
          value={queueId}
          onChange={(e) => setForm((f) => ({ ...f, queueId: e.target.value }))}
          error={Boolean(errors.queueId)}
          helperText={errors.queueId}
          required
        >
          {(queues.data ?? []).map((q) => (
            <MenuItem key={q.id} value={q.id}>
              {q.name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <TextField label={strings.webchat.name} autoComplete="name" {...field('name')} />
      <TextField label={strings.webchat.email} type="email" autoComplete="email" {...field('email')} />
      <TextField label={strings.webchat.firstMessage} multiline minRows={3} slotProps={{ htmlInput: { maxLength: MESSAGE_TEXT_MAX_LENGTH } }} {...field('text')} />
      <Button type="submit" variant="contained" size="large" loading={start.isPending}>
        {strings.webchat.start}
      </Button>
    </Stack>
  );
}
