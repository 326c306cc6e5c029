import { Alert, Button, FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useId, useState, type FormEvent } from 'react';
import { IDLE_MIN_SECONDS, type CustomerChatSettings } from '../../../contract/customer-chat';
import type { Settings } from '../../../contract/settings';
import { ApiRequestError, errorMessage } from '../../../lib/api-client';
import { useUpdateSettings } from '../api/update-settings';
import { webChatSettingsStrings } from '../web-chat-settings-strings';
import { refusalFieldMessages } from '../../../lib/field-issue-strings';

const s = webChatSettingsStrings;

type Draft = Omit<CustomerChatSettings, 'idleWarningSeconds' | 'idleEndSeconds'> & { idleWarningSeconds: string; idleEndSeconds: string };
const draftOf = (c: CustomerChatSettings): Draft => ({ ...c, idleWarningSeconds: String(c.idleWarningSeconds), idleEndSeconds: String(c.idleEndSeconds) });
const seconds = (v: string) => (/^\d+$/.test(v.trim()) && (Number(v) === 0 || Number(v) >= IDLE_MIN_SECONDS) ? Number(v) : null);

/**
 * The web chat's settings (issue 16): survey, required email, inactivity. Saved on their own, with
 * the stored attachment policies (routing and session settings are left out, so they are kept).
 */
export function CustomerChatSection({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const [draft, setDraft] = useState(() => draftOf(settings.customerChat));
  const [errors, setErrors] = useState<Partial<Record<'idleWarningSeconds' | 'idleEndSeconds', string>>>({});
  const [saved, setSaved] = useState(false);
  const headingId = useId();
  const change = (next: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setSaved(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const warn = seconds(draft.idleWarningSeconds);
    const end = seconds(draft.idleEndSeconds);
    if (warn === null || end === null) {
      setErrors({ ...(warn === null ? { idleWarningSeconds: s.invalid(IDLE_MIN_SECONDS) } : {}), ...(end === null ? { idleEndSeconds: s.invalid(IDLE_MIN_SECONDS) } : {}) });
      return;
    }
    setErrors({});
    const customerChat = { surveyEnabled: draft.surveyEnabled, emailRequired: draft.emailRequired, idleWarningSeconds: warn, idleEndSeconds: end };
    update.mutate(
      { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, customerChat },
      {
        onSuccess: (next) => {
          setDraft(draftOf(next.customerChat));
          setSaved(true);
        },
        onError: (err) => {
          const fields = err instanceof ApiRequestError && err.body?.fields ? Object.fromEntries(refusalFieldMessages(err)) : undefined;
          if (fields) setErrors({ idleWarningSeconds: fields['customerChat.idleWarningSeconds'], idleEndSeconds: fields['customerChat.idleEndSeconds'] });
        },
      },
    );
  };
  const number = (field: 'idleWarningSeconds' | 'idleEndSeconds', label: string) => (
    <TextField
      label={label}
      value={draft[field]}
      onChange={(e) => change({ [field]: e.target.value })}
      error={Boolean(errors[field])}
      helperText={errors[field]}
      size="small"
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      sx={{ maxWidth: 320 }}
    />
  );
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2, mt: 3 }}>
      <Stack component="form" noValidate onSubmit={submit} spacing={2}>
        <Typography id={headingId} variant="h6" component="h2">
          {s.title}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {s.intro(IDLE_MIN_SECONDS)}
        </Typography>
        <FormControlLabel control={<Switch checked={draft.surveyEnabled} onChange={(e) => change({ surveyEnabled: e.target.checked })} />} label={s.survey} />
        <FormControlLabel control={<Switch checked={draft.emailRequired} onChange={(e) => change({ emailRequired: e.target.checked })} />} label={s.emailRequired} />
        {number('idleWarningSeconds', s.idleWarning)}
        {number('idleEndSeconds', s.idleEnd)}
        {update.isError && !(update.error instanceof ApiRequestError && update.error.body?.fields) && <Alert severity="error">{errorMessage(update.error)}</Alert>}
        {saved && (
          <Alert severity="success" role="status">
            {s.saved}
          </Alert>
        )}
        <div>
          <Button type="submit" variant="contained" loading={update.isPending}>
            {s.save}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
