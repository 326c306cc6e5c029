import CloudOffIcon from '@mui/icons-material/CloudOff';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { strings } from '../lib/strings';

/**
 * What a page shows when it could not reach the server: the app itself is there (the service
 * worker keeps its shell), the data is not. Tries again when the browser reports the network is
 * back, or when the user asks.
 */
export function OfflineScreen({ onRetry }: { onRetry: () => void }) {
  useEffect(() => {
    window.addEventListener('online', onRetry);
    return () => window.removeEventListener('online', onRetry);
  }, [onRetry]);
  return (
    // Fills whatever it replaces: the whole page on a cold start, a page's pane inside the panel.
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: { xs: 4, sm: 8 } }}>
      <Stack spacing={2} sx={{ maxWidth: 420, alignItems: 'center', textAlign: 'center' }}>
        <CloudOffIcon color="action" sx={{ fontSize: 56 }} />
        <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
          {strings.app.offlineTitle}
        </Typography>
        <Typography color="text.secondary">{strings.app.offlineBody}</Typography>
        <Button variant="contained" onClick={onRetry}>
          {strings.common.retry}
        </Button>
      </Stack>
    </Box>
  );
}
