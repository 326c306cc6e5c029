import { FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useId, type FormEvent } from 'react';
import { CreateUserRequestSchema, UpdateUserRequestSchema, type AdminUser, type CreateUserRequest, type UpdateUserRequest } from '../../../contract/admin';
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
import { newPasswordProblem } from '../../../lib/password-strength';
import { adminStrings } from '../../../lib/admin-strings';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import { useAdminForm } from '../hooks/use-admin-form';
import { AdminFormDialog } from './admin-form-dialog';
import { QueueCheckboxes } from './choice-checkboxes';

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
  const create = useCreateUser();
  const update = useUpdateUser();
  const form = useAdminForm({
    username: '',
    password: '',
    displayName: user?.displayName ?? '',
    role: (user?.role ?? 'agent') as Role,
    // Kept as typed, so a half-typed number can be corrected; checked as a number on save.
    capacity: String(user?.capacity ?? AGENT_CAPACITY_DEFAULT),
    queueIds: user?.queueIds ?? [],
  });
  const { values, errors } = form;
  const roleId = useId();
  const isAgent = values.role === 'agent';
  const isSelf = user?.id === currentUserId;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      displayName: values.displayName,
      role: values.role,
      // Capacity matters for agents; others keep what they had.
      capacity: isAgent ? (values.capacity.trim() === '' ? Number.NaN : Number(values.capacity)) : (user?.capacity ?? AGENT_CAPACITY_DEFAULT),
      // Only agents serve queues.
      queueIds: isAgent ? values.queueIds : [],
    };
    // A message for a field this form does not show goes above the form instead.
    const shown = (Object.keys(values) as (keyof typeof values)[]).filter(
      (f) => (user ? f !== 'username' && f !== 'password' : true) && (isAgent || (f !== 'capacity' && f !== 'queueIds')),
    );
    const failed = (err: unknown) => form.failed(err, shown);
    if (user) {
      const body = form.check(UpdateUserRequestSchema.safeParse({ ...fields, disabled: user.disabled } satisfies UpdateUserRequest), shown);
      if (body) update.mutate({ id: user.id, body }, { onSuccess: (saved) => onSaved(saved, false), onError: failed });
      return;
    }
    const body = form.check(CreateUserRequestSchema.safeParse({ ...fields, username: values.username, password: values.password } satisfies CreateUserRequest), shown);
    if (!body) return;
    const weak = await newPasswordProblem(body.password, body);
    if (weak) return form.refuse('password', weak);
    create.mutate(body, { onSuccess: (saved) => onSaved(saved, true), onError: failed });
  };

  return (
    <AdminFormDialog
      title={user ? s.editTitle(user.displayName) : s.createTitle}
      formRef={form.formRef}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      formError={form.formError}
      submitLabel={user ? adminStrings.save : adminStrings.create}
      pending={(user ? update : create).isPending}
    >
      {user ? (
        <TextField label={s.username} value={user.username} disabled helperText={s.usernameHint} />
      ) : (
        <TextField
          label={s.username}
          required
          autoFocus
          autoComplete="off"
          {...form.textProps('username', s.usernameHint)}
          slotProps={{ htmlInput: { maxLength: USERNAME_MAX_LENGTH, autoCapitalize: 'none', spellCheck: false } }}
        />
      )}
      <TextField
        label={s.displayName}
        required
        autoFocus={!!user}
        {...form.textProps('displayName')}
        slotProps={{ htmlInput: { maxLength: DISPLAY_NAME_MAX_LENGTH } }}
      />
      {!user && (
        <TextField
          label={s.password}
          type="password"
          required
          autoComplete="new-password"
          {...form.textProps('password', s.passwordHint(PASSWORD_MIN_LENGTH))}
          slotProps={{ htmlInput: { maxLength: PASSWORD_MAX_LENGTH } }}
        />
      )}
      <FormControl error={!!errors.role}>
        <FormLabel id={roleId}>{s.role}</FormLabel>
        <RadioGroup row aria-labelledby={roleId} value={values.role} onChange={(e) => form.set('role', RoleSchema.parse(e.target.value))}>
          {RoleSchema.options.map((r) => (
            <FormControlLabel key={r} value={r} control={<Radio />} label={s.roles[r]} disabled={isSelf} />
          ))}
        </RadioGroup>
        {(errors.role || isSelf) && <FormHelperText>{errors.role ?? s.ownRole}</FormHelperText>}
      </FormControl>
      {isAgent ? (
        <>
          <TextField
            label={s.capacity}
            type="number"
            {...form.textProps('capacity', s.capacityHint(AGENT_CAPACITY_MIN, AGENT_CAPACITY_MAX))}
            slotProps={{ htmlInput: { min: AGENT_CAPACITY_MIN, max: AGENT_CAPACITY_MAX, step: 1 } }}
            sx={{ maxWidth: 360 }}
          />
          <QueueCheckboxes row legend={s.queues} chosen={values.queueIds} onChange={(ids) => form.set('queueIds', ids)} error={errors.queueIds} />
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {s.queuesHint}
        </Typography>
      )}
    </AdminFormDialog>
  );
}
