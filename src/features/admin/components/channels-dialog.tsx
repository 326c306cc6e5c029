import { FormControlLabel, MenuItem, Switch, TextField, Typography } from '@mui/material';
import type { FormEvent } from 'react';
import {
  ChannelRegionSchema,
  CHANNEL_CLOSING_MESSAGE_MAX_LENGTH,
  CHANNEL_NAME_MAX_LENGTH,
  CreateChannelRequestSchema,
  PROVIDER_CHANNELS,
  UpdateChannelRequestSchema,
  type ChannelConfig,
  type ChannelRegion,
  type ProviderChannel,
} from '../../../contract/channels';
import { adminStrings } from '../../../lib/admin-strings';
import { useSaveChannel } from '../api/channels';
import { useAdminQueues } from '../api/get-admin-queues';
import { useAdminForm } from '../hooks/use-admin-form';
import { AdminFormDialog } from './admin-form-dialog';
import { ChoiceCheckboxes } from './choice-checkboxes';

interface Props {
  /** The channel to edit; none connects a new one. */
  channel?: ChannelConfig;
  onClose(): void;
  onSaved(channel: ChannelConfig, created: boolean): void;
}

// The channels an app can carry are a fixed list: nothing to load.
const LOADED = { isPending: false, isError: false, error: null };

/**
 * Connects or edits a Conversation API app: its ids and secrets, the region of its API, the
 * channels it carries and the queue its conversations wait in. Stored secrets are never shown
 * again: left empty when editing, they are kept.
 */
export function ChannelDialog({ channel, onClose, onSaved }: Props) {
  const s = adminStrings.channels;
  const queues = useAdminQueues();
  const save = useSaveChannel();
  const form = useAdminForm({
    name: channel?.name ?? '',
    projectId: channel?.projectId ?? '',
    appId: channel?.appId ?? '',
    keyId: channel?.keyId ?? '',
    keySecret: '',
    webhookSecret: '',
    region: channel?.region ?? ('eu' as ChannelRegion),
    carries: channel?.carries ?? (['SMS', 'WHATSAPP'] as ProviderChannel[]),
    queueId: channel?.queue.id ?? '',
    sender: channel?.sender ?? '',
    closingMessage: channel?.closingMessage ?? '',
    enabled: channel?.enabled ?? true,
  });
  const { values, errors } = form;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      ...values,
      closingMessage: values.closingMessage.trim() === '' ? null : values.closingMessage,
      // Editing: an empty secret keeps the stored one.
      keySecret: channel && values.keySecret === '' ? null : values.keySecret,
      webhookSecret: channel && values.webhookSecret === '' ? null : values.webhookSecret,
    };
    const done = { onSuccess: (saved: ChannelConfig) => onSaved(saved, !channel), onError: (err: unknown) => form.failed(err) };
    if (channel) {
      const body = form.check(UpdateChannelRequestSchema.safeParse(input));
      if (body) save.mutate({ id: channel.id, body }, done);
    } else {
      const body = form.check(CreateChannelRequestSchema.safeParse(input));
      if (body) save.mutate({ id: null, body }, done);
    }
  };

  const secretHint = (isSet: boolean | undefined) => (channel ? (isSet ? s.secretKept : s.secretUnset) : s.secretNew);
  const secret = (field: 'keySecret' | 'webhookSecret', label: string, isSet: boolean | undefined) => (
    <TextField label={label} type="password" autoComplete="new-password" required={!channel} {...form.textProps(field, secretHint(isSet))} />
  );

  return (
    <AdminFormDialog
      title={channel ? s.editTitle(channel.name) : s.createTitle}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={onClose}
      formError={form.formError}
      submitLabel={channel ? adminStrings.save : s.connect}
      pending={save.isPending}
    >
      <TextField label={s.name} required autoFocus {...form.textProps('name', s.nameHint)} slotProps={{ htmlInput: { maxLength: CHANNEL_NAME_MAX_LENGTH } }} />
      <TextField label={s.projectId} required {...form.textProps('projectId')} slotProps={{ htmlInput: { maxLength: 200 } }} />
      <TextField label={s.appId} required {...form.textProps('appId')} slotProps={{ htmlInput: { maxLength: 200 } }} />
      <TextField label={s.keyId} required {...form.textProps('keyId')} slotProps={{ htmlInput: { maxLength: 200 } }} />
      {secret('keySecret', s.keySecret, channel?.keySecretSet)}
      {secret('webhookSecret', s.webhookSecret, channel?.webhookSecretSet)}
      <TextField
        select
        label={s.region}
        value={values.region}
        onChange={(e) => form.set('region', ChannelRegionSchema.parse(e.target.value))}
        error={!!errors.region}
        helperText={errors.region ?? s.regionHint}
      >
        {ChannelRegionSchema.options.map((r) => (
          <MenuItem key={r} value={r}>
            {s.regions[r]}
          </MenuItem>
        ))}
      </TextField>
      <ChoiceCheckboxes
        legend={s.carriesLegend}
        source={LOADED}
        options={PROVIDER_CHANNELS.map((p) => ({ id: p, label: s.providers[p] }))}
        chosen={values.carries}
        onChange={(ids) => form.set('carries', ids as ProviderChannel[])}
        none=""
        error={errors.carries}
        hint={s.carriesHint}
        row
      />
      <TextField
        select
        label={s.queue}
        value={values.queueId}
        required
        onChange={(e) => form.set('queueId', e.target.value)}
        error={!!errors.queueId || queues.isError}
        helperText={errors.queueId ?? (queues.data?.length === 0 ? s.noQueues : s.queueHint)}
      >
        {(queues.data ?? []).map((q) => (
          <MenuItem key={q.id} value={q.id}>
            {q.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField label={s.sender} {...form.textProps('sender', s.senderHint)} slotProps={{ htmlInput: { maxLength: 200 } }} />
      <TextField
        label={s.closingMessage}
        multiline
        minRows={2}
        {...form.textProps('closingMessage', s.closingMessageHint)}
        slotProps={{ htmlInput: { maxLength: CHANNEL_CLOSING_MESSAGE_MAX_LENGTH } }}
      />
      <FormControlLabel control={<Switch checked={values.enabled} onChange={(e) => form.set('enabled', e.target.checked)} />} label={s.enabled} />
      {!values.enabled && (
        <Typography variant="body2" color="text.secondary">
          {s.disabledHint}
        </Typography>
      )}
    </AdminFormDialog>
  );
}
