import { Box, LinearProgress, Skeleton, Stack } from '@mui/material';
import { strings } from '../../lib/strings';

/**
 * What a page shows while its loader fills the cache: a progress bar screen readers announce by
 * name, over the outline of a page (title, then rows), so the content does not jump when it comes.
 */
export function RoutePending() {
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <LinearProgress aria-label={strings.common.loading} />
      <Stack spacing={1.5} sx={{ maxWidth: 1200, mx: 'auto', p: { xs: 2, md: 4 } }} aria-hidden>
        <Skeleton variant="text" width="40%" sx={{ fontSize: '2rem' }} />
        <Skeleton variant="text" width="70%" />
        <Skeleton variant="rounded" height={160} />
      </Stack>
    </Box>
  );
}
