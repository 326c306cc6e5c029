import { Box, Button, Stack } from '@mui/material';
import { useQueryErrorResetBoundary } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { useCallback, useEffect } from 'react';
import { LoadError } from '../../components/query-status';
import { OfflineScreen } from '../../components/offline-screen';
import { errorMessage, ApiRequestError } from '../../lib/api-client';
import { strings } from '../../lib/strings';

/**
 * What a user sees when a page cannot be shown: why (a loader's or a suspended query's error),
 * with Retry, which runs the route's loaders again and lets its suspended queries fetch again.
 */
export function RouteError({ error }: { error: unknown }) {
  const router = useRouter();
  const queryErrors = useQueryErrorResetBoundary();
  // A failed suspended query stays failed until its boundary is reset; the next render may retry.
  useEffect(() => queryErrors.reset(), [queryErrors]);
  const retry = useCallback(() => void router.invalidate(), [router]);
  // No answer and the device has no network (a cold start offline): the offline screen. With a
  // network but no answer, the server is out of reach: the error says so, with Retry.
  if (error instanceof ApiRequestError && error.code === 'network' && !navigator.onLine) return <OfflineScreen onRetry={retry} />;
  const message = error instanceof ApiRequestError ? errorMessage(error) : error instanceof Error ? error.message : errorMessage(error);
  return (
    <Box sx={{ flex: 1, p: 4, display: 'grid', placeItems: 'center' }}>
      <Stack spacing={2} sx={{ maxWidth: 480 }}>
        <LoadError error={error} message={message} onRetry={retry} />
        <Button component={Link} to="/">
          {strings.common.backToStart}
        </Button>
      </Stack>
    </Box>
  );
}
