import { Alert, Button, Stack } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { FormField } from '../../../components/form-field';
import { MESSAGE_TEXT_MAX_LENGTH } from '../../../contract/limits';
import type { StartChatResponse } from '../../../contract/webchat';
import { ApiRequestError, errorMessage } from '../../../lib/http';
import { newClientMessageId } from '../../../lib/client-id';
import { strings } from '../../../lib/strings';
import { useWebchatQueues } from '../api/get-queues';
import { useStartChat } from '../api/start-chat';
import type { IdentityLink } from '../identity-link';

/**
 * The start's rules are the contract's schema, which needs zod: loaded when the visitor first
 * focuses the form (not with the page, issue 11's 120 KB), and awaited on submit. Should it fail to
 * load, the server's check (the same schema) answers with the same field messages instead.
 */
const loadStartRules = () =>
  import('../../../contract/webchat').then(
    (m) => m.StartChatRequestSchema,
    () => null,
  );

interface Props {
  /** Queue preselected by the page's `queue` parameter (id or name). */
  initialQueue?: string;
  /** The embedding site's signed customer id and the name and email it filled in, if any. */
  identity?: IdentityLink;
  onStarted(result: StartChatResponse): void;
}

export function StartChatForm({ initialQueue, identity = {}, onStarted }: Props) {
  const queues = useWebchatQueues();
  const start = useStartChat();
  const [form, setForm] = useState({ queueId: '', name: identity.name ?? '', email: identity.email ?? '', text: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const preselected = queues.data?.find((q) => q.id === initialQueue || q.name.toLowerCase() === initialQueue?.toLowerCase());
  const queueId = form.queueId || preselected?.id || (queues.data?.length === 1 ? queues.data[0]!.id : '');
  // One client id per content: a double submit or a retry of the same form starts one chat, not
  // two (the server answers repeats with the first); a changed form is a different start.
  const attempt = useRef<{ content: string; clientMessageId: string } | null>(null);
  const signed = identity.customerId !== undefined || identity.signature !== undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { ...form, queueId, ...(signed ? { customerId: identity.customerId ?? '', signature: identity.signature ?? '' } : {}) };
    const content = JSON.stringify(fields);
    if (attempt.current?.content !== content) attempt.current = { content, clientMessageId: newClientMessageId() };
    const request = { ...fields, clientMessageId: attempt.current.clientMessageId };
    const parsed = (await loadStartRules())?.safeParse(request) ?? { success: true as const, data: request };
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
    <Stack component="form" spacing={2} onSubmit={(e) => void submit(e)} onFocus={() => void loadStartRules()} noValidate aria-label={strings.webchat.title}>
      {queues.isError && <Alert severity="error">{errorMessage(queues.error)}</Alert>}
      {start.isError && <Alert severity="error">{errorMessage(start.error)}</Alert>}
      {/* A link whose customer id or signature is malformed: nothing in the form can fix it. */}
      {(errors.customerId ?? errors.signature) && <Alert severity="error">{errors.customerId ?? errors.signature}</Alert>}
      {!preselected && (
        <FormField
          label={strings.webchat.queue}
          value={queueId}
          onChange={(e) => setForm((f) => ({ ...f, queueId: e.target.value }))}
          options={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
          error={Boolean(errors.queueId)}
          helperText={errors.queueId}
          required
        />
      )}
      <FormField label={strings.webchat.name} autoComplete="name" {...field('name')} />
      <FormField label={strings.webchat.email} type="email" autoComplete="email" {...field('email')} />
      <FormField label={strings.webchat.firstMessage} multiline minRows={3} htmlInput={{ maxLength: MESSAGE_TEXT_MAX_LENGTH }} {...field('text')} />
      <Button type="submit" variant="contained" size="large" loading={start.isPending}>
        {strings.webchat.start}
      </Button>
    </Stack>
  );
}
