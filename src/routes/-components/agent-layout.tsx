import LogoutIcon from '@mui/icons-material/Logout';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useNavigate, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, type ReactNode } from 'react';
import type { User } from '../../contract/auth';
import { ConnectionStatusChip, ConnectionStatusContext } from '../../components/connection-status';
import { LiveAnnouncer } from '../../components/live-announcer';
import { useLogout } from '../../features/auth/api/logout';
import { useUnreadTitle } from '../../features/conversations/hooks/use-unread-title';
import { usePreferences } from '../../features/preferences/api/get-preferences';
import { PresenceMenu } from '../../features/presence/components/presence-menu';
import { PresenceNoticeSlot } from '../../features/presence/components/presence-notice-slot';
import { useColorSchemePreference } from '../../hooks/use-color-scheme-preference';
import { useLayout } from '../../hooks/use-layout';
import { useNotifier } from '../../hooks/use-notifier';
import { useStaffRealtime } from '../../hooks/use-staff-realtime';
import { TypingContext } from '../../hooks/use-typing';
import type { Alerting } from '../../lib/notification-rules';
import { queryKeys } from '../../lib/query-keys';
import { applyLanguage } from '../../lib/i18n';
import { strings } from '../../lib/strings';
import { staffFrameStrings } from '../../lib/staff-page-strings';
import { SkipLinks } from './skip-links';
import { createStaffEvents } from './staff-events';

// One registry for the panel's lifetime: the socket hands each event to the features' handlers.
const staffEvents = createStaffEvents();

// Router links mark the page they lead to with aria-current.
const navLinkSx = { '&[aria-current="page"]': { bgcolor: 'action.selected' } };
// The desktop header: a dense toolbar's height and insets, drawn without MUI's AppBar and Toolbar
// (Paper's elevation and colour machinery, in the agent's first load for a bordered strip).
const headerSx = {
  flexShrink: 0,
  display: 'flex',
  alignItems: 'center',
  minHeight: 48,
  px: { xs: 2, sm: 3 },
  gap: { xs: 1, lg: 2 },
  borderBottom: 1,
  borderColor: 'divider',
  bgcolor: 'background.paper',
  color: 'text.primary',
} as const;
// On a tablet the header's words give way to icons and the app's name (lib/layout.ts).
const wideOnly = { display: { xs: 'none', lg: 'flex' } };

// The phone's top bar and bottom navigation: loaded only on a phone, so the desktop's first load does not grow.
const phoneChrome = () => import('./phone-chrome');
const PhoneTopBar = lazy(() => phoneChrome().then((m) => ({ default: m.PhoneTopBar })));
const PhoneBottomNav = lazy(() => phoneChrome().then((m) => ({ default: m.PhoneBottomNav })));
// A colleague's @mention notice: its Snackbar loads after the first paint, outside the first load's budget.
const MentionNotice = lazy(() => import('../../features/conversations/components/mention-notice').then((m) => ({ default: m.MentionNotice })));
const VisualViewportHeight = lazy(() => phoneChrome().then((m) => ({ default: m.VisualViewportHeight })));

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
  // A mention's notice opens the conversation with its notes beside the chat.
  const openMention = useCallback(
    (conversationId: string) => void navigate({ to: '/agent/conversations/$conversationId', params: { conversationId }, search: (prev) => ({ ...prev, panel: 'notes' as const }) }),
    [navigate],
  );
  const preferences = usePreferences();
  // A language chosen on another device (a preferences.updated event) follows the user here.
  const language = preferences.data?.language;
  useEffect(() => {
    if (language !== undefined) void applyLanguage(language);
  }, [language]);
  useColorSchemePreference(preferences.data?.colorScheme);
  const viewingId = useParams({ strict: false }).conversationId;
  const notify = useNotifier({ user, preferences: preferences.data?.notifications, viewingId, open: openAlerting });
  // The tab title counts unread customer messages on every page of the panel.
  useUnreadTitle();
  const { status, typing } = useStaffRealtime(user, staffEvents, onUnauthorized, notify);
  const { pathname } = useLocation();
  const inAdminArea = pathname.startsWith('/admin/');
  const phone = useLayout() === 'phone';
  // On a phone an open conversation fills the screen: its own header has the way back.
  const fullScreen = phone && viewingId !== undefined;
  const logOut = () => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) });

  const header = phone ? (
    <Suspense fallback={<Box sx={{ height: 53 }} />}>
      <PhoneTopBar status={status}>{user.role === 'agent' && <PresenceMenu />}</PhoneTopBar>
    </Suspense>
  ) : (
    <Box component="header" sx={headerSx}>
        <Typography variant="h6" component="h1" noWrap sx={{ flex: 1, minWidth: 0, fontSize: 18 }}>
          {strings.appName}
        </Typography>
        <Stack component="nav" aria-label={staffFrameStrings.navLabel} direction="row" spacing={0.5} sx={{ minWidth: 0, overflowX: 'auto', flexShrink: 0, maxWidth: '60%' }}>
          <Button component={Link} to="/agent" color="inherit" sx={navLinkSx}>
            {staffFrameStrings.conversations}
          </Button>
          {user.role !== 'agent' && (
            <Button component={Link} to="/supervisor" color="inherit" sx={navLinkSx}>
              {staffFrameStrings.supervisor}
            </Button>
          )}
          {user.role === 'admin' && (
            // Current on every admin page; the admin area's own tabs lead to Settings and the rest.
            <Button component={Link} to="/admin/queues" color="inherit" sx={navLinkSx} aria-current={inAdminArea ? 'page' : undefined}>
              {staffFrameStrings.admin}
            </Button>
          )}
          <Button component={Link} to="/canned-responses" color="inherit" sx={navLinkSx}>
            {staffFrameStrings.cannedResponses}
          </Button>
          <Button component={Link} to="/preferences" color="inherit" sx={navLinkSx}>
            {staffFrameStrings.preferences}
          </Button>
        </Stack>
        {user.role === 'agent' && <PresenceMenu />}
        <ConnectionStatusChip status={status} />
        <Stack sx={{ textAlign: 'right', ...wideOnly }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {user.displayName}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {staffFrameStrings.roles[user.role]}
          </Typography>
        </Stack>
        <Button
          startIcon={<LogoutIcon />}
          color="inherit"
          loading={logout.isPending}
          onClick={logOut}
          aria-label={strings.login.logout}
          // A tablet shows the icon alone; its name stays the same.
          sx={{ flexShrink: 0 }}
        >
          <Box component="span" sx={wideOnly}>
            {strings.login.logout}
          </Box>
        </Button>
    </Box>
  );

  return (
    <ConnectionStatusContext.Provider value={status}>
      <TypingContext.Provider value={typing}>
      <Box className="app-frame" sx={{ display: 'flex', flexDirection: 'column' }}>
        {phone && (
          <Suspense fallback={null}>
            <VisualViewportHeight />
          </Suspense>
        )}
        {pathname.startsWith('/agent') && <SkipLinks chat={viewingId !== undefined} />}
        <LiveAnnouncer />
        {!fullScreen && header}
        {user.role === 'agent' && <PresenceNoticeSlot />}
        <Box component="main" sx={{ flex: 1, display: 'flex', minHeight: 0, minWidth: 0 }}>
          {children}
        </Box>
        <Suspense fallback={null}>
          <MentionNotice desktop={preferences.data?.notifications.desktop === true} onOpen={openMention} />
        </Suspense>
        {phone && !fullScreen && (
          <Suspense fallback={<Box sx={{ height: 61 }} />}>
            <PhoneBottomNav user={user} />
          </Suspense>
        )}
      </Box>
      </TypingContext.Provider>
    </ConnectionStatusContext.Provider>
  );
}
