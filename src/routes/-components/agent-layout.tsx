import LogoutIcon from '@mui/icons-material/Logout';
import { AppBar, Box, Button, Stack, Toolbar, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from '@tanstack/react-router';
import { useCallback, type ReactNode } from 'react';
import type { User } from '../../contract/auth';
import { ConnectionStatusChip, ConnectionStatusContext } from '../../components/connection-status';
import { useLogout } from '../../features/auth/api/logout';
import { useUnreadTitle } from '../../features/conversations/hooks/use-unread-title';
import { usePreferences } from '../../features/preferences/api/get-preferences';
import { PresenceMenu } from '../../features/presence/components/presence-menu';
import { PresenceNotice } from '../../features/presence/components/presence-notice';
import { useNotifier } from '../../hooks/use-notifier';
import { useStaffRealtime } from '../../hooks/use-staff-realtime';
import { TypingContext } from '../../hooks/use-typing';
import type { Alerting } from '../../lib/notification-rules';
import { queryKeys } from '../../lib/query-keys';
import { strings } from '../../lib/strings';
import { adminStrings, preferencesStrings, settingsStrings, supervisorStrings } from '../../lib/staff-page-strings';

// Router links mark the page they lead to with aria-current.
const navLinkSx = { '&[aria-current="page"]': { bgcolor: 'action.selected' } };

/** The panel's frame: header with user and connection, and the realtime connection for everything inside. */
export function AgentLayout({ user, children }: { user: User; children: ReactNode }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const onUnauthorized = useCallback(() => {
    queryClient.setQueryData(queryKeys.session(), null);
    void navigate({ to: '/login' });
  }, [queryClient, navigate]);
  // A clicked notification leads to what it is about: the conversation, or the offer in the sidebar.
  const openAlerting = useCallback(
    (alerting: Alerting) =>
      void (alerting.kind === 'offer'
        ? navigate({ to: '/agent', search: { list: 'picklist' } })
        : navigate({
            to: '/agent/conversations/$conversationId',
            params: { conversationId: alerting.conversationId },
            search: { list: alerting.kind === 'message' ? 'mine' : 'picklist' },
          })),
    [navigate],
  );
  const preferences = usePreferences();
  const viewingId = useParams({ strict: false }).conversationId;
  const notify = useNotifier({ user, preferences: preferences.data?.notifications, viewingId, open: openAlerting });
  // The tab title counts unread customer messages on every page of the panel.
  useUnreadTitle();
  const { status, typing } = useStaffRealtime(user, onUnauthorized, notify);
  const { pathname } = useLocation();
  const inAdminArea = pathname.startsWith('/admin/');

  return (
    <ConnectionStatusContext.Provider value={status}>
      <TypingContext.Provider value={typing}>
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
        <AppBar position="static" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <Toolbar variant="dense" sx={{ gap: 2 }}>
            <Typography variant="h6" component="h1" sx={{ flex: 1, fontSize: 18 }}>
              {strings.appName}
            </Typography>
            <Stack component="nav" aria-label={settingsStrings.navLabel} direction="row" spacing={0.5}>
              <Button component={Link} to="/agent" color="inherit" sx={navLinkSx}>
                {settingsStrings.conversations}
              </Button>
              {user.role !== 'agent' && (
                <Button component={Link} to="/supervisor" color="inherit" sx={navLinkSx}>
                  {supervisorStrings.nav}
                </Button>
              )}
              {user.role === 'admin' && (
                // Current on every admin page; the admin area's own tabs lead to Settings and the rest.
                <Button component={Link} to="/admin/queues" color="inherit" sx={navLinkSx} aria-current={inAdminArea ? 'page' : undefined}>
                  {adminStrings.nav}
                </Button>
              )}
              <Button component={Link} to="/preferences" color="inherit" sx={navLinkSx}>
                {preferencesStrings.nav}
              </Button>
            </Stack>
            {user.role === 'agent' && <PresenceMenu />}
            <ConnectionStatusChip status={status} />
            <Stack sx={{ textAlign: 'right' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {user.displayName}
              </Typography>
              <Typography variant="caption" color="text.secondary" sx={{ textTransform: 'capitalize' }}>
                {user.role}
              </Typography>
            </Stack>
            <Button
              startIcon={<LogoutIcon />}
              color="inherit"
              loading={logout.isPending}
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
            >
              {strings.login.logout}
            </Button>
          </Toolbar>
        </AppBar>
        {user.role === 'agent' && <PresenceNotice />}
        <Box component="main" sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
          {children}
        </Box>
      </Box>
      </TypingContext.Provider>
    </ConnectionStatusContext.Provider>
  );
}
