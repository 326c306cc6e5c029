import { Alert, Box, Button, Stack } from '@mui/material';
import { Link } from '@tanstack/react-router';
import { errorMessage, ApiRequestError } from '../../lib/api-client';

/** What a user sees when a page cannot be shown. */
export function RouteError({ error }: { error: unknown }) {
  const message = error instanceof ApiRequestError ? errorMessage(error) : error instanceof Error ? error.message : errorMessage(error);
  return (
    <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
      <Stack spacing={2} sx={{ maxWidth: 480 }}>
        <Alert severity="error">{message}</Alert>
        <Button component={Link} to="/">
          Back to the start page
        </Button>
      </Stack>
    </Box>
  );
}
