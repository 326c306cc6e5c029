import { Stack } from '@mui/material';
import { lazy, Suspense, useRef, useState, type FormEvent } from 'react';
import { NativeAlert } from '../../../components/native-alert';
import { NativeButton } from '../../../components/native-button';
import { NativeField } from '../../../components/native-field';
import { MESSAGE_TEXT_MAX_LENGTH } from '../../../contract/limits';
import type { StartChatResponse } from '../../../contract/webchat';
import { ApiRequestError, errorMessage } from '../../../lib/http';
import { newClientMessageId } from '../../../lib/client-id';
import { strings } from '../../../lib/strings';
import { useWebchatQueues } from '../api/get-queues';
import { useStartChat } from '../api/start-chat';
import type { IdentityLink } from '../identity-link';
import { useFormSettings } from '../api/get-form-settings';

// Shown only for a closed or full queue: loaded then, not with the page.
const QueueClosedNotice = lazy(() => import('./queue-closed-notice').then((m) => ({ default: m.QueueClosedNotice })));
const LEAVE_MESSAGE = 'Leave a message';

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

/** Field problems in the customer's language: only needed once something is wrong with the form. */
const loadFieldMessages = () => import('../../../lib/field-issue-strings');

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
  // Until the answer is in, email counts as optional: the server checks it either way.
  const emailRequired = useFormSettings().data?.emailRequired ?? false;
  const [form, setForm] = useState({ queueId: '', name: identity.name ?? '', email: identity.email ?? '', text: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const preselected = queues.data?.find((q) => q.id === initialQueue || q.name.toLowerCase() === initialQueue?.toLowerCase());
  const queueId = form.queueId || preselected?.id || (queues.data?.length === 1 ? queues.data[0]!.id : '');
  // One client id per content: a double submit or a retry of the same form starts one chat, not
  // two (the server answers repeats with the first); a changed form is a different start.
  const attempt = useRef<{ content: string; clientMessageId: string } | null>(null);
  const signed = identity.customerId !== undefined || identity.signature !== undefined;
  // Closed or full: as the queue list said, or as the server's refusal says (it decides).
  const chosen = queues.data?.find((q) => q.id === queueId);
  const refusal = start.error instanceof ApiRequestError && start.error.body?.availability && (start.error.code === 'service_closed' || start.error.code === 'queue_full') ? start.error.body.availability : null;
  const availability = refusal ?? chosen;
  const leaving = !!availability && !availability.open && availability.leaveMessage && availability.nextOpening !== null && !availability.full;
  const blocked = !!availability && (availability.full || (!availability.open && !leaving));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (blocked) return;
    const { email, ...rest } = form;
    // An empty optional email is left out, not sent as "" (which is not an address).
    const fields = { ...rest, ...(email.trim() ? { email } : {}), queueId, ...(leaving ? { leaveMessage: true } : {}), ...(signed ? { customerId: identity.customerId ?? '', signature: identity.signature ?? '' } : {}) };
    const content = JSON.stringify(fields);
    if (attempt.current?.content !== content) attempt.current = { content, clientMessageId: newClientMessageId() };
    const request = { ...fields, clientMessageId: attempt.current.clientMessageId };
    const parsed = (await loadStartRules())?.safeParse(request) ?? { success: true as const, data: request };
    if (!parsed.success) {
      const { zodIssueMessages } = await loadFieldMessages();
      setErrors(Object.fromEntries(zodIssueMessages(parsed.error).map(([path, message]) => [path.split('.')[0]!, message])));
      return;
    }
    setErrors({});
    const outcome = await start.run(parsed.data);
    if (outcome?.ok) onStarted(outcome.value);
    else if (outcome && outcome.error instanceof ApiRequestError && outcome.error.body?.fields) {
      const { refusalFieldMessages } = await loadFieldMessages();
      setErrors(Object.fromEntries(refusalFieldMessages(outcome.error)));
    }
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
      {queues.error !== undefined && <NativeAlert>{errorMessage(queues.error)}</NativeAlert>}
      {start.error !== undefined && !refusal && <NativeAlert>{errorMessage(start.error)}</NativeAlert>}
      {start.waitingForNetwork && <NativeAlert>{strings.webchat.startWaitsForNetwork}</NativeAlert>}
      {/* A link whose customer id or signature is malformed: nothing in the form can fix it. */}
      {(errors.customerId ?? errors.signature) && <NativeAlert>{errors.customerId ?? errors.signature}</NativeAlert>}
      {/* A link's queue is looked up once the list is in: the Topic field would show and vanish. */}
      {!preselected && (queues.data || !initialQueue) && (
        <NativeField
          label={strings.webchat.queue}
          value={queueId}
          onChange={(e) => {
            setForm((f) => ({ ...f, queueId: e.target.value }));
            start.clearError();
          }}
          options={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
          error={Boolean(errors.queueId)}
          helperText={errors.queueId}
          required
        />
      )}
      {chosen && availability && (!availability.open || availability.full) && (
        <Suspense fallback={null}>
          <QueueClosedNotice queueName={chosen.name} availability={availability} />
        </Suspense>
      )}
      <NativeField label={strings.webchat.name} autoComplete="name" {...field('name')} />
      <NativeField
        label={emailRequired ? strings.webchat.email : strings.webchat.emailOptional}
        type="email"
        autoComplete="email"
        {...field('email')}
        required={emailRequired}
      />
      <NativeField label={strings.webchat.firstMessage} rows={3} maxLength={MESSAGE_TEXT_MAX_LENGTH} {...field('text')} />
      {/* Until the queues are in, a start could name none: it would be refused for want of a topic. */}
      <NativeButton type="submit" loading={start.pending} disabled={blocked || !queues.data}>
        {leaving ? LEAVE_MESSAGE : strings.webchat.start}
      </NativeButton>
    </Stack>
  );
}
