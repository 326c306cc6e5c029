import { Alert, MenuItem, TextField } from '@mui/material';
import { SectionCard } from '../../../components/section-card';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../contract/languages';
import { errorMessage } from '../../../lib/api-client';
import { applyLanguage, browserLanguage } from '../../../lib/i18n';
import { preferencesStrings } from '../../../lib/preferences-strings';
import { useUpdatePreferences } from '../api/update-preferences';

const BROWSER = 'browser';

/** The panel's language: kept on the server with the other preferences, so every device of the user speaks it. */
export function LanguageSettings({ language }: { language: Language | null }) {
  const s = preferencesStrings.language;
  const update = useUpdatePreferences();
  const choose = (value: string) => {
    const choice = value === BROWSER ? null : (value as Language);
    update.mutate({ language: choice });
    void applyLanguage(choice);
  };
  return (
    <SectionCard region title={s.title} hint={s.hint}>
      {update.isError && (
        <Alert severity="error" role="alert" onClose={() => update.reset()} sx={{ mb: 2 }}>
          {preferencesStrings.saveFailed(errorMessage(update.error))}
        </Alert>
      )}
      <TextField select label={s.label} value={language ?? BROWSER} onChange={(e) => choose(e.target.value)} sx={{ minWidth: 260 }}>
        <MenuItem value={BROWSER}>{s.browser(LANGUAGE_NAMES[browserLanguage()])}</MenuItem>
        {LANGUAGES.map((code) => (
          <MenuItem key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </MenuItem>
        ))}
      </TextField>
    </SectionCard>
  );
}
