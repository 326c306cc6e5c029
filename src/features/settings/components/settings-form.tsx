import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Typography } from '@mui/material';
import { useBlocker } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import type { AttachmentPolicy } from '../../../contract/attachments';
import type { Settings } from '../../../contract/settings';
import { ApiRequestError, errorMessage } from '../../../lib/api-client';
import { settingsStrings } from '../../../lib/settings-strings';
import { useUpdateSettings } from '../api/update-settings';
import {
  draftFromSettings,
  POLICY_KEYS,
  ROUTING_FIELDS,
  routingBounds,
  SECURITY_FIELDS,
  securityBounds,
  settingsChanged,
  sortFieldErrors,
  toUpdateRequest,
  type PolicyDraft,
  type PolicyKey,
  type RoutingField,
  type SecurityField,
  type SettingsDraft,
  type SettingsErrors,
} from '../policy-draft';
import { PolicySection } from './policy-section';
import { WholeNumberSection } from './whole-number-section';
import { refusalFieldMessages } from '../../../lib/field-issue-strings';

const noErrors: SettingsErrors = { policies: {}, routing: {}, security: {}, form: [] };

/** The attachment policies and routing settings as an editable form: checked with the contract, then saved whole. */
export function SettingsForm({ settings }: { settings: Settings }) {
  const s = settingsStrings;
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(settings));
  const [errors, setErrors] = useState<SettingsErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Someone else saved meanwhile (another tab, another admin): follow them unless we have edits.
  const [shownSettings, setShownSettings] = useState(settings);
  if (settings !== shownSettings) {
    setShownSettings(settings);
    if (!settingsChanged(draft, shownSettings)) setDraft(draftFromSettings(settings));
  }
  const dirty = settingsChanged(draft, settings);

  const blocker = useBlocker({
    // Logging out (or losing the session) leaves anyway; there is nothing to save then.
    shouldBlockFn: ({ next }) => dirty && next.fullPath !== '/login',
    enableBeforeUnload: () => dirty,
    withResolver: true,
  });

  const change = (key: PolicyKey, policy: PolicyDraft, field: keyof AttachmentPolicy) => {
    setDraft((d) => ({ ...d, [key]: policy }));
    setSaved(false);
    setErrors((e) => ({ ...e, form: [], policies: { ...e.policies, [key]: { ...e.policies[key], [field]: undefined } } }));
  };

  // A field of the routing or security section: the value as typed, and that field's message gone.
  const changeNumber = (section: 'routing' | 'security', field: RoutingField | SecurityField, value: string) => {
    setDraft((d) => ({ ...d, [section]: { ...d[section], [field]: value } }));
    setSaved(false);
    setErrors((e) => ({ ...e, form: [], [section]: { ...e[section], [field]: undefined } }));
  };

  const reset = () => {
    setDraft(draftFromSettings(settings));
    setErrors(noErrors);
    update.reset();
  };

  // The first marked field may be out of sight (narrow window, or under the sticky bar): go there.
  const showErrors = (next: SettingsErrors) => {
    setErrors(next);
    setTimeout(() => {
      const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      field?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      field?.focus({ preventScroll: true });
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = toUpdateRequest(draft, settings);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    setErrors(noErrors);
    update.mutate(checked.request, {
      onSuccess: (next) => {
        setDraft(draftFromSettings(next));
        setSaved(true);
      },
      onError: (err) => {
        if (err instanceof ApiRequestError && err.body?.fields) showErrors(sortFieldErrors(Object.fromEntries(refusalFieldMessages(err))));
      },
    });
  };

  const hasFieldErrors =
    POLICY_KEYS.some((key) => Object.values(errors.policies[key] ?? {}).some(Boolean)) ||
    Object.values(errors.routing).some(Boolean) ||
    Object.values(errors.security).some(Boolean);
  const formError = update.isError && !(update.error instanceof ApiRequestError && update.error.body?.fields) ? errorMessage(update.error) : null;

  return (
    <Stack component="form" ref={formRef} noValidate onSubmit={submit} spacing={3}>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'stretch' }}>
        {POLICY_KEYS.map((key) => (
          <PolicySection
            key={key}
            policyKey={key}
            draft={draft[key]}
            errors={errors.policies[key]}
            disabled={update.isPending}
            onChange={(policy, field) => change(key, policy, field)}
          />
        ))}
      </Stack>
      <WholeNumberSection
        text={settingsStrings.routing}
        fields={ROUTING_FIELDS}
        bounds={routingBounds}
        draft={draft.routing}
        errors={errors.routing}
        disabled={update.isPending}
        onChange={(field, value) => changeNumber('routing', field, value)}
      />
      <WholeNumberSection
        text={settingsStrings.security}
        fields={SECURITY_FIELDS}
        bounds={securityBounds}
        draft={draft.security}
        errors={errors.security}
        disabled={update.isPending}
        onChange={(field, value) => changeNumber('security', field, value)}
      />
      {/* Above the fields it scrolls over: outlined text field labels are lifted (z-index 1) over their own border. */}
      <Paper
        variant="outlined"
        sx={{ position: 'sticky', bottom: 16, zIndex: 2, p: 1.5, display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', boxShadow: 2 }}
      >
        <Stack spacing={1} sx={{ flex: 1, minWidth: 240 }}>
          {hasFieldErrors && <Alert severity="error">{s.fixFields}</Alert>}
          {[...errors.form, ...(formError ? [formError] : [])].map((message) => (
            <Alert key={message} severity="error">
              {message}
            </Alert>
          ))}
          {dirty && !hasFieldErrors && (
            <Typography variant="body2" color="text.secondary" sx={{ px: 1 }}>
              {s.unsaved}
            </Typography>
          )}
          {saved && !dirty && (
            <Alert severity="success" role="status" onClose={() => setSaved(false)}>
              {s.saved}
            </Alert>
          )}
        </Stack>
        <Button onClick={reset} disabled={!dirty || update.isPending}>
          {s.reset}
        </Button>
        <Button type="submit" variant="contained" disabled={!dirty} loading={update.isPending}>
          {s.save}
        </Button>
      </Paper>
      <Dialog open={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} aria-labelledby="leave-settings-title">
        <DialogTitle id="leave-settings-title">{s.leaveTitle}</DialogTitle>
        <DialogContent>
          <DialogContentText>{s.leaveBody}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => blocker.reset?.()}>{s.stay}</Button>
          <Button color="error" onClick={() => blocker.proceed?.()}>
            {s.discardChanges}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
