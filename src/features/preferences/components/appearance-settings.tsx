import { Alert, FormControl, FormControlLabel, FormHelperText, FormLabel, Radio, RadioGroup, Switch } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import { useEffect, useState } from 'react';
import { ColorSchemePreferenceSchema, type ColorSchemePreference } from '../../../contract/preferences';
import { SectionCard } from '../../../components/section-card';
import { errorMessage } from '../../../lib/api-client';
import { keyboardStrings } from '../../../lib/keyboard-strings';
import { preferencesStrings } from '../../../lib/preferences-strings';
import { themeStrings } from '../../../lib/theme-strings';
import { useUpdatePreferences } from '../api/update-preferences';

/** Light, dark or the system's colours, and whether the panel's keyboard shortcuts are on. */
export function AppearanceSettings({ colorScheme, keyboardShortcuts }: { colorScheme: ColorSchemePreference; keyboardShortcuts: boolean }) {
  const s = themeStrings;
  const update = useUpdatePreferences();
  const { setMode } = useColorScheme();
  // As in NotificationSettings: the control moves in the click's own render, the cache follows.
  const [asked, setAsked] = useState<{ colorScheme?: ColorSchemePreference; keyboardShortcuts?: boolean }>({});
  useEffect(() => setAsked({}), [colorScheme, keyboardShortcuts]);

  const chooseScheme = (value: string) => {
    const choice = ColorSchemePreferenceSchema.parse(value);
    setAsked((a) => ({ ...a, colorScheme: choice }));
    // At once in this browser, whatever the server's answer.
    setMode(choice);
    update.mutate({ colorScheme: choice });
  };
  const setShortcuts = (on: boolean) => {
    setAsked((a) => ({ ...a, keyboardShortcuts: on }));
    update.mutate({ keyboardShortcuts: on });
  };

  return (
    <SectionCard region title={s.appearance} hint={s.appearanceHint}>
      {update.isError && (
        <Alert severity="error" role="alert" onClose={() => update.reset()} sx={{ mb: 2 }}>
          {preferencesStrings.saveFailed(errorMessage(update.error))}
        </Alert>
      )}
      <FormControl>
        <FormLabel id="color-scheme-label">{s.colorScheme}</FormLabel>
        <RadioGroup aria-labelledby="color-scheme-label" value={asked.colorScheme ?? colorScheme} onChange={(_, value) => chooseScheme(value)}>
          <FormControlLabel value="system" control={<Radio />} label={s.system} />
          <FormHelperText sx={{ mt: -1, ml: 4 }}>{s.systemHint}</FormHelperText>
          <FormControlLabel value="light" control={<Radio />} label={s.light} />
          <FormControlLabel value="dark" control={<Radio />} label={s.dark} />
        </RadioGroup>
      </FormControl>
      <FormControl sx={{ display: 'block', mt: 2 }}>
        <FormControlLabel
          control={<Switch checked={asked.keyboardShortcuts ?? keyboardShortcuts} onChange={(_, on) => setShortcuts(on)} />}
          label={keyboardStrings.preference}
        />
        <FormHelperText sx={{ mt: -0.5, ml: 6 }}>{keyboardStrings.preferenceHint}</FormHelperText>
      </FormControl>
    </SectionCard>
  );
}
