import { Box, Button, Stack } from '@mui/material';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageColumn } from '../../components/page-frame';
import { adminStrings } from '../../lib/admin-strings';

// The current page's link is underlined, like a tab.
const tabSx = {
  borderRadius: 0,
  px: 2,
  // A phone scrolls the tabs sideways (the bar does) rather than breaking "Audit trail" in two.
  whiteSpace: 'nowrap',
  flexShrink: 0,
  py: 1.25,
  borderBottom: 2,
  borderColor: 'transparent',
  '&[aria-current="page"]': { borderColor: 'primary.main', color: 'primary.main' },
};

/** The admin pages, in the tabs' order (each one's route is `/admin/<tab>`). */
const ADMIN_TABS = ['queues', 'users', 'channels', 'wrap-up', 'audit', 'settings'] as const;

/** The admin area: its pages as tabs over the page itself. */
export function AdminFrame({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
      <Box component="nav" aria-label={adminStrings.tabsLabel} sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowX: 'auto' }}>
        {/* Lined up with the page's content column below. */}
        <Stack direction="row" sx={{ maxWidth: 1200, mx: 'auto', px: { xs: 1, md: 3 } }}>
          {ADMIN_TABS.map((tab) => (
            <Button key={tab} component={Link} to={`/admin/${tab}`} color="inherit" sx={tabSx}>
              {adminStrings.tabs[tab]}
            </Button>
          ))}
        </Stack>
      </Box>
      <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>{children}</Box>
    </Box>
  );
}

/** A scrolling, centred column for an admin page's content. */
export function AdminContent({ children }: { children: ReactNode }) {
  return (
    <PageColumn maxWidth={1200}>{children}</PageColumn>
  );
}
