import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { errorMessage } from '../lib/api-client';
import { strings } from '../lib/strings';

/** A centred spinner for a region whose data is on its way. */
export function Loading({ label = strings.common.loading }: { label?: string }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
      <CircularProgress aria-label={label} />
    </Box>
  );
}

/** Why a region could not load (`message` when the caller knows better), with a way to try again. */
export function LoadError({ error, message = errorMessage(error), onRetry }: { error: unknown; message?: string; onRetry(): void }) {
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          {strings.common.retry}
        </Button>
      }
    >
      {message}
    </Alert>
  );
}
