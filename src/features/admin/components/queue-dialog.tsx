import { Box, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useId, type FormEvent } from 'react';
import { SaveQueueRequestSchema, type AdminQueue, type SaveQueueRequest } from '../../../contract/admin';
import { EMAIL_MAX_LENGTH, QUEUE_NAME_MAX_LENGTH } from '../../../contract/limits';
import { RoutingModeSchema, type RoutingMode } from '../../../contract/queues';
import { adminStrings } from '../../../lib/admin-strings';
import { useCreateQueue } from '../api/create-queue';
import { useAdminUsers } from '../api/get-admin-users';
import { useUpdateQueue } from '../api/update-queue';
import { useAdminForm } from '../hooks/use-admin-form';
import { AdminFormDialog } from './admin-form-dialog';
import { ChoiceCheckboxes } from './choice-checkboxes';

interface Props {
  /** The queue to edit; none creates one. */
  queue?: AdminQueue;
  onClose(): void;
  onSaved(queue: AdminQueue, created: boolean): void;
}

/** Creates or edits a queue: name, address, routing mode and the agents serving it. */
export function QueueDialog({ queue, onClose, onSaved }: Props) {
  const s = adminStrings.queues;
  const users = useAdminUsers();
  const create = useCreateQueue();
  const update = useUpdateQueue();
  const form = useAdminForm<SaveQueueRequest>({
    name: queue?.name ?? '',
    address: queue?.address ?? '',
    routingMode: queue?.routingMode ?? 'pick',
    agentIds: queue?.agentIds ?? [],
    // Edited in the queue's Hours and limits dialog; kept as they are here.
    openingHours: queue?.openingHours ?? null,
    leaveMessage: queue?.leaveMessage ?? false,
    maxWaiting: queue?.maxWaiting ?? null,
  });
  const { errors } = form;
  const hintId = useId();
  const agents = users.data?.filter((u) => u.role === 'agent') ?? [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(SaveQueueRequestSchema.safeParse(form.values));
    if (!body) return;
    const done = (saved: AdminQueue) => onSaved(saved, !queue);
    if (queue) update.mutate({ id: queue.id, body }, { onSuccess: done, onError: (err) => form.failed(err) });
    else create.mutate(body, { onSuccess: done, onError: (err) => form.failed(err) });
  };

  return (
    <AdminFormDialog
      title={queue ? s.editTitle(queue.name) : s.createTitle}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={onClose}
      formError={form.formError}
      submitLabel={queue ? adminStrings.save : adminStrings.create}
      pending={(queue ? update : create).isPending}
    >
      <TextField label={s.name} required autoFocus {...form.textProps('name')} slotProps={{ htmlInput: { maxLength: QUEUE_NAME_MAX_LENGTH } }} />
      <TextField
        label={s.address}
        type="email"
        required
        {...form.textProps('address', s.addressHint)}
        slotProps={{ htmlInput: { maxLength: EMAIL_MAX_LENGTH } }}
      />
      <FormControl error={!!errors.routingMode}>
        <FormLabel id={`${hintId}-routing`}>{s.routing}</FormLabel>
        <RadioGroup
          aria-labelledby={`${hintId}-routing`}
          value={form.values.routingMode}
          onChange={(e) => form.set('routingMode', RoutingModeSchema.parse(e.target.value) satisfies RoutingMode)}
        >
          {RoutingModeSchema.options.map((mode) => (
            <Box key={mode} sx={{ mb: 0.5 }}>
              <FormControlLabel
                value={mode}
                control={<Radio slotProps={{ input: { 'aria-describedby': `${hintId}-${mode}-hint` } }} />}
                label={s.routingModes[mode]}
              />
              <Typography id={`${hintId}-${mode}-hint`} variant="body2" color="text.secondary" sx={{ ml: 4, mt: -0.75 }}>
                {s.routingHints[mode]}
              </Typography>
            </Box>
          ))}
        </RadioGroup>
        {errors.routingMode && <FormHelperText>{errors.routingMode}</FormHelperText>}
      </FormControl>
      <ChoiceCheckboxes
        legend={s.agents}
        source={users}
        options={agents.map((a) => ({ id: a.id, label: a.disabled ? `${a.displayName} (${adminStrings.users.disabled.toLowerCase()})` : a.displayName }))}
        chosen={form.values.agentIds}
        onChange={(ids) => form.set('agentIds', ids)}
        none={s.noAgentsToChoose}
        error={errors.agentIds}
      />
    </AdminFormDialog>
  );
}
