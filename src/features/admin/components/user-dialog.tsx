import {
  Alert,
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
import {
  CreateUserRequestSchema,
  UpdateUserRequestSchema,
  type AdminUser,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '../../../contract/admin';
import { RoleSchema, type Role } from '../../../contract/auth';
import {
  AGENT_CAPACITY_DEFAULT,
  AGENT_CAPACITY_MAX,
  AGENT_CAPACITY_MIN,
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
} from '../../../contract/limits';
import { errorMessage } from '../../../lib/api-client';
import { newPasswordProblem } from '../../../lib/password-strength';
import { strings } from '../../../lib/strings';
import { adminStrings } from '../../../lib/staff-page-strings';
import { useCreateUser } from '../api/create-user';
import { useAdminQueues } from '../api/get-admin-queues';
import { useUpdateUser } from '../api/update-user';
import { useFocusInvalid } from '../hooks/use-focus-invalid';
import { apiFormErrors, zodFieldErrors, type FieldErrors } from '../form-errors';

const FIELDS = ['username', 'password', 'displayName', 'role', 'capacity', 'queueIds'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  /** The user to edit; none creates one. */
  user?: AdminUser;
  /** The admin at the keyboard, who may not change their own role. */
  currentUserId: string;
  onClose(): void;
  onSaved(user: AdminUser, created: boolean): void;
}

/** Creates a user (with a first password) or edits one: name, role, capacity and queues. */
export function UserDialog({ user, currentUserId, onClose, onSaved }: Props) {
  const s = adminStrings.users;
  const queues = useAdminQueues();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  // Kept as typed, so a half-typed number can be corrected; checked as a number on save.
  const [capacity, setCapacity] = useState(String(user?.capacity ?? AGENT_CAPACITY_DEFAULT));
  const [queueIds, setQueueIds] = useState<string[]>(user?.queueIds ?? []);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const titleId = useId();
  const { ref: formRef, focusInvalid } = useFocusInvalid<HTMLFormElement>();
  const isAgent = role === 'agent';
  const isSelf = user?.id === currentUserId;

  const clear = (field: Field) => setErrors((e) => ({ ...e, [field]: undefined }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const fields = {
      displayName,
      role,
      // Capacity matters for agents; others keep what they had.
      capacity: isAgent ? (capacity.trim() === '' ? Number.NaN : Number(capacity)) : (user?.capacity ?? AGENT_CAPACITY_DEFAULT),
      // Only agents serve queues.
      queueIds: isAgent ? queueIds : [],
    };
    // A message for a field this form does not show goes above the form instead.
    const shown = FIELDS.filter((f) => (user ? f !== 'username' && f !== 'password' : true) && (isAgent || (f !== 'capacity' && f !== 'queueIds')));
    const failed = (err: unknown) => {
      const split = apiFormErrors(err, shown);
      setErrors(split.fields);
      focusInvalid();
      setFormError(split.form);
    };
    if (user) {
      const parsed = UpdateUserRequestSchema.safeParse({ ...fields, disabled: user.disabled } satisfies UpdateUserRequest);
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error, shown));
        return focusInvalid();
      }
      setErrors({});
      update.mutate({ id: user.id, body: parsed.data }, { onSuccess: (saved) => onSaved(saved, false), onError: failed });
    } else {
      const parsed = CreateUserRequestSchema.safeParse({ ...fields, username, password } satisfies CreateUserRequest);
      if (!parsed.success) {
        setErrors(zodFieldErrors(parsed.error, shown));
        return focusInvalid();
      }
      const weak = await newPasswordProblem(parsed.data.password, parsed.data);
      if (weak) {
        setErrors({ password: weak });
        return focusInvalid();
      }
      setErrors({});
      create.mutate(parsed.data, { onSuccess: (saved) => onSaved(saved, true), onError: failed });
    }
  };

  const toggleQueue = (id: string, on: boolean) => {
    setQueueIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
    clear('queueIds');
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id={titleId}>{user ? s.editTitle(user.displayName) : s.createTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 1 }}>
            {user ? (
              <TextField label={s.username} value={user.username} disabled helperText={s.usernameHint} />
            ) : (
              <TextField
                label={s.username}
                value={username}
                required
                autoFocus
                autoComplete="off"
                onChange={(e) => {
                  setUsername(e.target.value);
                  clear('username');
                }}
                error={!!errors.username}
                helperText={errors.username ?? s.usernameHint}
                slotProps={{ htmlInput: { maxLength: USERNAME_MAX_LENGTH, autoCapitalize: 'none', spellCheck: false } }}
              />
            )}
            <TextField
              label={s.displayName}
              value={displayName}
              required
              autoFocus={!!user}
              onChange={(e) => {
                setDisplayName(e.target.value);
                clear('displayName');
              }}
              error={!!errors.displayName}
              helperText={errors.displayName}
              slotProps={{ htmlInput: { maxLength: DISPLAY_NAME_MAX_LENGTH } }}
            />
            {!user && (
              <TextField
                label={s.password}
                type="password"
                value={password}
                required
                autoComplete="new-password"
                onChange={(e) => {
                  setPassword(e.target.value);
                  clear('password');
                }}
                error={!!errors.password}
                helperText={errors.password ?? s.passwordHint(PASSWORD_MIN_LENGTH)}
                slotProps={{ htmlInput: { maxLength: PASSWORD_MAX_LENGTH } }}
              />
            )}
            <FormControl error={!!errors.role}>
              <FormLabel id={`${titleId}-role`}>{s.role}</FormLabel>
              <RadioGroup
                row
                aria-labelledby={`${titleId}-role`}
                value={role}
                onChange={(e) => {
                  setRole(RoleSchema.parse(e.target.value));
                  clear('role');
                }}
              >
                {RoleSchema.options.map((r) => (
                  <FormControlLabel key={r} value={r} control={<Radio />} label={s.roles[r]} disabled={isSelf} />
                ))}
              </RadioGroup>
              {(errors.role || isSelf) && <FormHelperText>{errors.role ?? s.ownRole}</FormHelperText>}
            </FormControl>
            {isAgent && (
              <>
                <TextField
                  label={s.capacity}
                  type="number"
                  value={capacity}
                  onChange={(e) => {
                    setCapacity(e.target.value);
                    clear('capacity');
                  }}
                  error={!!errors.capacity}
                  helperText={errors.capacity ?? s.capacityHint(AGENT_CAPACITY_MIN, AGENT_CAPACITY_MAX)}
                  slotProps={{ htmlInput: { min: AGENT_CAPACITY_MIN, max: AGENT_CAPACITY_MAX, step: 1 } }}
                  sx={{ maxWidth: 360 }}
                />
                <FormControl component="fieldset" error={!!errors.queueIds}>
                  <FormLabel component="legend">{s.queues}</FormLabel>
                  {queues.isPending ? (
                    <CircularProgress size={24} aria-label={strings.common.loading} sx={{ mt: 1 }} />
                  ) : queues.isError ? (
                    <Alert severity="error" sx={{ mt: 1 }}>
                      {errorMessage(queues.error)}
                    </Alert>
                  ) : queues.data.length === 0 ? (
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                      {s.noQueuesToChoose}
                    </Typography>
                  ) : (
                    <FormGroup row>
                      {queues.data.map((q) => (
                        <FormControlLabel
                          key={q.id}
                          control={<Checkbox checked={queueIds.includes(q.id)} onChange={(e) => toggleQueue(q.id, e.target.checked)} />}
                          label={q.name}
                        />
                      ))}
                    </FormGroup>
                  )}
                  {errors.queueIds && <FormHelperText>{errors.queueIds}</FormHelperText>}
                </FormControl>
              </>
            )}
            {!isAgent && (
              <Typography variant="body2" color="text.secondary">
                {s.queuesHint}
              </Typography>
            )}
            {formError && <Alert severity="error">{formError}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{strings.common.cancel}</Button>
          <Button type="submit" variant="contained" loading={mutation.isPending}>
            {user ? adminStrings.save : adminStrings.create}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
