import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { SaveQueueRequestSchema, type AdminQueue, type SaveQueueRequest } from '../../../contract/admin';
import { EMAIL_MAX_LENGTH, QUEUE_NAME_MAX_LENGTH } from '../../../contract/limits';
import { RoutingModeSchema, type RoutingMode } from '../../../contract/queues';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { adminStrings } from '../../../lib/staff-page-strings';
import { useCreateQueue } from '../api/create-queue';
import { useAdminUsers } from '../api/get-admin-users';
import { useUpdateQueue } from '../api/update-queue';
import { useFocusInvalid } from '../hooks/use-focus-invalid';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../form-errors';

const FIELDS = ['name', 'address', 'routingMode', 'agentIds'] as const;
type Field = (typeof FIELDS)[number];

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
  const mutation = queue ? update : create;
  const [name, setName] = useState(queue?.name ?? '');
  const [address, setAddress] = useState(queue?.address ?? '');
  const [routingMode, setRoutingMode] = useState<RoutingMode>(queue?.routingMode ?? 'pick');
  const [agentIds, setAgentIds] = useState<string[]>(queue?.agentIds ?? []);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const titleId = useId();
  const { ref: formRef, focusInvalid } = useFocusInvalid<HTMLFormElement>();
  const agents = users.data?.filter((u) => u.role === 'agent') ?? [];

  const clear = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const parsed = SaveQueueRequestSchema.safeParse({ name, address, routingMode, agentIds } satisfies SaveQueueRequest);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error, FIELDS));
      return focusInvalid();
    }
    setErrors({});
    const done = (saved: AdminQueue) => onSaved(saved, !queue);
    const failed = (err: unknown) => {
      const split = apiFormErrors(err, FIELDS);
      setErrors(split.fields);
      focusInvalid();
      setFormError(split.form);
    };
    if (queue) update.mutate({ id: queue.id, body: parsed.data }, { onSuccess: done, onError: failed });
    else create.mutate(parsed.data, { onSuccess: done, onError: failed });
  };

  const toggleAgent = (id: string, on: boolean) => {
    setAgentIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
    clear('agentIds');
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{queue ? s.editTitle(queue.name) : s.createTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            <TextField
              label={s.name}
              value={name}
              required
              autoFocus
              onChange={(e) => {
                setName(e.target.value);
                clear('name');
              }}
              error={!!errors.name}
              helperText={errors.name}
              slotProps={{ htmlInput: { maxLength: QUEUE_NAME_MAX_LENGTH } }}
            />
            <TextField
              label={s.address}
              type="email"
              value={address}
              required
              onChange={(e) => {
                setAddress(e.target.value);
                clear('address');
              }}
              error={!!errors.address}
              helperText={errors.address ?? s.addressHint}
              slotProps={{ htmlInput: { maxLength: EMAIL_MAX_LENGTH } }}
            />
            <FormControl error={!!errors.routingMode}>
              <FormLabel id={`${titleId}-routing`}>{s.routing}</FormLabel>
              <RadioGroup
                aria-labelledby={`${titleId}-routing`}
                value={routingMode}
                onChange={(e) => {
                  setRoutingMode(RoutingModeSchema.parse(e.target.value));
                  clear('routingMode');
                }}
              >
                {RoutingModeSchema.options.map((mode) => (
                  <Box key={mode} sx={{ mb: 0.5 }}>
                    <FormControlLabel
                      value={mode}
                      control={<Radio slotProps={{ input: { 'aria-describedby': `${titleId}-${mode}-hint` } }} />}
                      label={s.routingModes[mode]}
                    />
                    <Typography id={`${titleId}-${mode}-hint`} variant="body2" color="text.secondary" sx={{ ml: 4, mt: -0.75 }}>
                      {s.routingHints[mode]}
                    </Typography>
                  </Box>
                ))}
              </RadioGroup>
              {errors.routingMode && <FormHelperText>{errors.routingMode}</FormHelperText>}
            </FormControl>
            <FormControl component="fieldset" error={!!errors.agentIds}>
              <FormLabel component="legend">{s.agents}</FormLabel>
              {users.isPending ? (
                <CircularProgress size={24} aria-label={strings.common.loading} sx={{ mt: 1 }} />
              ) : users.isError ? (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {errorMessage(users.error)}
                </Alert>
              ) : agents.length === 0 ? (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {s.noAgentsToChoose}
                </Typography>
              ) : (
                <FormGroup sx={{ maxHeight: 240, overflowY: 'auto', flexWrap: 'nowrap' }}>
                  {agents.map((a) => (
                    <FormControlLabel
                      key={a.id}
                      control={<Checkbox checked={agentIds.includes(a.id)} onChange={(e) => toggleAgent(a.id, e.target.checked)} />}
                      label={a.disabled ? `${a.displayName} (${adminStrings.users.disabled.toLowerCase()})` : a.displayName}
                    />
                  ))}
                </FormGroup>
              )}
              {errors.agentIds && <FormHelperText>{errors.agentIds}</FormHelperText>}
            </FormControl>
            {formError && <Alert severity="error">{formError}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button type="submit" variant="contained" loading={mutation.isPending}>
            {queue ? adminStrings.save : adminStrings.create}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
