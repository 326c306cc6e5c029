import { Box } from '@mui/material';
import { useSyncExternalStore } from 'react';
import { announcement, subscribeAnnouncements } from '../lib/announcer';
import { visuallyHidden } from '../lib/theme';

/** The page's polite live region for lib/announcer.ts: read by screen readers, not shown. */
export function LiveAnnouncer() {
  const text = useSyncExternalStore(subscribeAnnouncements, announcement);
  return (
    <Box role="status" aria-live="polite" aria-atomic="true" sx={visuallyHidden}>
      {text}
    </Box>
  );
}
