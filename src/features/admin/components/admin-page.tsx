import { Alert, Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  intro: string;
  /** The page's main action (e.g. "New queue"), beside the title. */
  action?: ReactNode;
  /** What the last action did; read out by screen readers. */
  notice?: string | null;
  onDismissNotice?: () => void;
  children: ReactNode;
}

/** The frame of an admin page: title, what it is for, its main action and the outcome of the last one. */
export function AdminPage({ title, intro, action, notice, onDismissNotice, children }: Props) {
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          <Typography color="text.secondary">{intro}</Typography>
        </Box>
        {action}
      </Stack>
      {/* Always in the page, so the announcement is heard when its text changes. */}
      <Box role="status" aria-live="polite">
        {notice && (
          <Alert severity="success" onClose={onDismissNotice}>
            {notice}
          </Alert>
        )}
      </Box>
      {children}
    </Stack>
  );
}
