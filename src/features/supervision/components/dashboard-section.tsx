import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';

interface Props<T> {
  title: string;
  /** The section's own query: it loads on its own, without holding up the dashboard above it. */
  query: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined };
  isEmpty(data: T): boolean;
  /** Said when there is nothing to show yet. */
  empty: string;
  children(data: T): ReactNode;
}

/** A titled section of the supervisor's page, with its loading, error and empty states. */
export function DashboardSection<T>({ title, query, isEmpty, empty, children }: Props<T>) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {query.isPending ? (
        <CircularProgress size={24} aria-label={strings.common.loading} />
      ) : query.isError || query.data === undefined ? (
        <Alert severity="error">{errorMessage(query.error)}</Alert>
      ) : isEmpty(query.data) ? (
        <Typography color="text.secondary">{empty}</Typography>
      ) : (
        children(query.data)
      )}
    </Box>
  );
}
