import { ThemeProvider } from '@mui/material/styles';
import { useMemo, type ReactNode } from 'react';
import { COLOR_SCHEME_STORAGE_KEY, rtlTheme, theme } from './theme';

/**
 * The theme with its light and dark schemes. The staff panel remembers the user's choice in this
 * browser (and on the server, see use-color-scheme-preference.ts); the customers' web chat always
 * follows the system's setting and keeps nothing. `rtl` mirrors it for a right-to-left language.
 */
export function AppTheme({ children, followSystem = false, rtl = false }: { children: ReactNode; followSystem?: boolean; rtl?: boolean }) {
  const themed = useMemo(() => (rtl ? rtlTheme() : theme), [rtl]);
  return (
    <ThemeProvider
      theme={themed}
      defaultMode="system"
      modeStorageKey={COLOR_SCHEME_STORAGE_KEY}
      {...(followSystem ? { storageManager: null } : {})}
      disableTransitionOnChange
    >
      {children}
    </ThemeProvider>
  );
}
