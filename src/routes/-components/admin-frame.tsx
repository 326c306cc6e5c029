import { Box, Button, Stack } from '@mui/material';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { adminStrings } from '../../lib/staff-page-strings';

// The current page's link is underlined, like a tab.
const tabSx = {
  borderRadius: 0,
  px: 2,
  py: 1.25,
  borderBottom: 2,
  borderColor: 'transparent',
  '&[aria-current="page"]': { borderColor: 'primary.main', color: 'primary.main' },
};

/** The admin area: its pages as tabs over the page itself. */
export function AdminFrame({ children }: { children: ReactNode }) {
  const s = adminStrings.tabs;
  return (
    <Box sx={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
      <Box component="nav" aria-label={adminStrings.tabsLabel} sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowX: 'auto' }}>
        {/* Lined up with the page's content column below. */}
        <Stack direction="row" sx={{ maxWidth: 1200, mx: 'auto', px: { xs: 1, md: 3 } }}>
          <Button component={Link} to="/admin/queues" color="inherit" sx={tabSx}>
            {s.queues}
          </Button>
          <Button component={Link} to="/admin/users" color="inherit" sx={tabSx}>
            {s.users}
          </Button>
          <Button component={Link} to="/admin/audit" color="inherit" sx={tabSx}>
            {s.audit}
          </Button>
          <Button component={Link} to="/admin/settings" color="inherit" sx={tabSx}>
            {s.settings}
          </Button>
        </Stack>
      </Box>
      <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>{children}</Box>
    </Box>
  );
}

/** A scrolling, centred column for an admin page's content. */
export function AdminContent({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ flex: 1, overflow: 'auto' }}>
      <Box sx={{ maxWidth: 1200, mx: 'auto', p: { xs: 2, md: 4 } }}>{children}</Box>
    </Box>
  );
}
