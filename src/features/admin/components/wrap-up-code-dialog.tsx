import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, TextField } from '@mui/material';
import { useId, type FormEvent } from 'react';
import { CreateWrapUpCodeRequestSchema, WRAP_UP_CODE_NAME_MAX_LENGTH, type AdminWrapUpCode, type CreateWrapUpCodeRequest } from '../../../contract/wrap-up';
import { adminStrings } from '../../../lib/admin-strings';
import { wrapUpStrings } from '../../../lib/wrap-up-strings';
import { codeUpdate, useCreateWrapUpCode, useUpdateWrapUpCode } from '../api/wrap-up';
import { useAdminForm } from '../hooks/use-admin-form';
import { AdminFormDialog } from './admin-form-dialog';
import { QueueCheckboxes } from './choice-checkboxes';

interface Props {
  /** The code to edit; none adds one. */
  code?: AdminWrapUpCode;
  onClose(): void;
  onSaved(code: AdminWrapUpCode, created: boolean): void;
}

/** Adds an end reason or edits one: its name, and whether every queue offers it or only chosen ones. */
export function WrapUpCodeDialog({ code, onClose, onSaved }: Props) {
  const s = wrapUpStrings.admin;
  const create = useCreateWrapUpCode();
  const update = useUpdateWrapUpCode();
  const form = useAdminForm<CreateWrapUpCodeRequest>({
    name: code?.name ?? '',
    allQueues: code?.allQueues ?? true,
    queueIds: code?.queueIds ?? [],
  });
  const { values, errors } = form;
  const scopeId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(CreateWrapUpCodeRequestSchema.safeParse({ ...values, queueIds: values.allQueues ? [] : values.queueIds }));
    if (!body) return;
    const done = (saved: AdminWrapUpCode) => onSaved(saved, !code);
    if (code) update.mutate({ id: code.id, body: codeUpdate(code, body) }, { onSuccess: done, onError: (err) => form.failed(err) });
    else create.mutate(body, { onSuccess: done, onError: (err) => form.failed(err) });
  };

  return (
    <AdminFormDialog
      title={code ? s.editTitle(code.name) : s.createTitle}
      formRef={form.formRef}
      onSubmit={submit}
      onClose={onClose}
      formError={form.formError}
      submitLabel={code ? adminStrings.save : adminStrings.create}
      pending={(code ? update : create).isPending}
    >
      <TextField label={s.name} required autoFocus {...form.textProps('name')} slotProps={{ htmlInput: { maxLength: WRAP_UP_CODE_NAME_MAX_LENGTH } }} />
      <FormControl>
        <FormLabel id={scopeId}>{s.appliesTo}</FormLabel>
        <RadioGroup row aria-labelledby={scopeId} value={values.allQueues ? 'all' : 'chosen'} onChange={(e) => form.set('allQueues', e.target.value === 'all')}>
          <FormControlLabel value="all" control={<Radio />} label={s.everyQueue} />
          <FormControlLabel value="chosen" control={<Radio />} label={s.chosenQueues} />
        </RadioGroup>
      </FormControl>
      {!values.allQueues && (
        <QueueCheckboxes legend={s.chooseQueues} chosen={values.queueIds} onChange={(ids) => form.set('queueIds', ids)} error={errors.queueIds} />
      )}
    </AdminFormDialog>
  );
}
