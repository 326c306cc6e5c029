import { useColorScheme } from '@mui/material/styles';
import { useEffect } from 'react';
import type { ColorSchemePreference } from '../contract/preferences';

/**
 * Applies the colour scheme saved with the user's preferences (from the server, so it follows them
 * to every device). MUI also keeps it in this browser, where public/color-scheme.js reads it
 * before the next load's first paint.
 */
export function useColorSchemePreference(choice: ColorSchemePreference | undefined) {
  const { setMode } = useColorScheme();
  useEffect(() => {
    if (choice) setMode(choice);
  }, [choice, setMode]);
}
