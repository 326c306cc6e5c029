import { Box } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * An error message of a first-load page (the customers' start form), drawn as MUI's standard error
 * Alert in either scheme from the theme's own Alert colours. Not MUI's Alert: it brings Paper,
 * IconButton, ButtonBase with its ripple and the SVG icon parts, about 5 KB gzipped, into the web
 * chat's first load (issue 11's 120 KB); loaded on first use instead, it could not say that the
 * network is gone. An alert role, so screen readers read it out when it appears.
 */
export function NativeAlert({ children }: { children: ReactNode }) {
  return (
    <Box
      role="alert"
      sx={{
        display: 'flex',
        gap: 1.5,
        px: 2,
        py: 0.75,
        borderRadius: 1,
        typography: 'body2',
        color: (theme) => theme.vars?.palette.Alert.errorColor,
        bgcolor: (theme) => theme.vars?.palette.Alert.errorStandardBg,
      }}
    >
      <Box component="svg" viewBox="0 0 24 24" aria-hidden="true" sx={{ flex: 'none', width: 22, height: 22, my: 0.875, color: (theme) => theme.vars?.palette.Alert.errorIconColor }}>
        {/* A ring with an exclamation mark, in the icon's colour. */}
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 7v6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        <circle cx="12" cy="16.5" r="1.25" fill="currentColor" />
      </Box>
      <Box sx={{ py: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Box>
    </Box>
  );
}
