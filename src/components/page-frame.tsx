import { Box, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A page's content as a scrolling column, centred in the space the navigation leaves; `dense`
 * for pages of many figures (the supervisors' dashboards).
 */
export function PageColumn({ maxWidth, dense = false, children }: { maxWidth: number; dense?: boolean; children: ReactNode }) {
  return (
    <Box sx={{ flex: 1, overflow: 'auto' }}>
      <Stack spacing={dense ? 2 : 3} sx={{ maxWidth, mx: 'auto', p: { xs: 2, md: dense ? 3 : 4 } }}>
        {children}
      </Stack>
    </Box>
  );
}

interface HeadingProps {
  title: string;
  /** What the page is for. */
  intro: string;
  /** The page's main action, beside the title. */
  action?: ReactNode;
  /** More lines under the intro. */
  children?: ReactNode;
}

/** A page's title (the page's heading under the app's header) and what the page is for. */
export function PageHeading({ title, intro, action, children }: HeadingProps) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Box sx={{ flex: 1 }}>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        <Typography color="text.secondary">{intro}</Typography>
        {children}
      </Box>
      {action}
    </Stack>
  );
}
