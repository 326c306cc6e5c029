import CircleIcon from '@mui/icons-material/Circle';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import HistoryIcon from '@mui/icons-material/History';
import InboxOutlinedIcon from '@mui/icons-material/InboxOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import MoreHorizIcon from '@mui/icons-material/MoreHoriz';
import { AppBar, Badge, Box, BottomNavigation, BottomNavigationAction, Divider, ListItemIcon, ListItemText, ListSubheader, Menu, MenuItem, Paper, Toolbar, Typography } from '@mui/material';
import { createLink, useLocation, useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import type { User } from '../../contract/auth';
import { ConnectionStatusChip } from '../../components/connection-status';
import type { ConnectionStatus } from '../../lib/realtime';
import { DEFAULT_CONVERSATION_SORT } from '../../contract/preferences';
import { useLogout } from '../../features/auth/api/logout';
import { useConversationTotal } from '../../features/conversations/api/get-conversations';
import type { SidebarView } from '../../features/conversations/sidebar-view';
import { usePreferences } from '../../features/preferences/api/get-preferences';
import { phoneStrings } from '../../lib/phone-strings';
import { strings } from '../../lib/strings';
import { panelStrings, staffFrameStrings } from '../../lib/staff-page-strings';

/**
 * The phone layout's frame (lib/layout.ts), loaded only on a phone: a short top bar naming the
 * screen, and bottom navigation to the three lists and a More menu (Preferences, the supervisor and
 * admin areas the user's role has, Log out).
 */

/** Where the user is: one of the agent's lists, or a page reached through More. */
function usePlace(): SidebarView | 'preferences' | 'canned' | 'supervisor' | 'admin' {
  const { pathname } = useLocation();
  const list = useSearch({ strict: false, select: (s) => ('list' in s ? (s.list as SidebarView | undefined) : undefined) });
  if (pathname.startsWith('/preferences')) return 'preferences';
  if (pathname.startsWith('/canned-responses')) return 'canned';
  if (pathname.startsWith('/supervisor')) return 'supervisor';
  if (pathname.startsWith('/admin')) return 'admin';
  return list ?? 'picklist';
}

const TITLES = {
  picklist: panelStrings.picklist,
  mine: panelStrings.conversations,
  history: phoneStrings.history,
  preferences: staffFrameStrings.preferences,
  canned: staffFrameStrings.cannedResponses,
  supervisor: staffFrameStrings.supervisor,
  admin: staffFrameStrings.admin,
};

/**
 * The top bar: the screen's name, and what the desktop header shows on the right (presence, and the
 * connection: a green dot while live, the words otherwise).
 */
export function PhoneTopBar({ children, status }: { children: ReactNode; status: ConnectionStatus }) {
  const place = usePlace();
  return (
    <AppBar position="static" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', pt: 'env(safe-area-inset-top)', px: 'env(safe-area-inset-left)' }}>
      <Toolbar
        variant="dense"
        sx={{
          gap: 1,
          px: 1.5,
          minHeight: 52,
          // Narrow phones: the presence button shows its coloured dot alone (its name still says the presence).
          '@media (max-width: 419.95px)': { '& button[aria-label^="Presence"]': { fontSize: 0, minWidth: 0, px: 0.5 } },
        }}
      >
        <Typography variant="h6" component="h1" noWrap sx={{ flex: 1, minWidth: 0, fontSize: 18 }}>
          {TITLES[place]}
        </Typography>
        {children}
        {status === 'online' ? (
          <Box role="status" aria-label={strings.connection.label(strings.connection.online)} title={strings.connection.online} sx={{ display: 'grid', placeItems: 'center', width: 24, height: 24, flexShrink: 0 }}>
            <CircleIcon color="success" sx={{ fontSize: 12 }} />
          </Box>
        ) : (
          <ConnectionStatusChip status={status} />
        )}
      </Toolbar>
    </AppBar>
  );
}

/** A bottom-navigation action that is a router link. */
const NavAction = createLink(BottomNavigationAction);

const actionSx = {
  minWidth: 0,
  px: 0.5,
  // The current page's link, like the selected action MUI draws.
  '&[aria-current="page"]': { color: 'primary.main' },
  '& .MuiBottomNavigationAction-label': { fontSize: 12, '&.Mui-selected': { fontSize: 12 } },
};

/** Bottom navigation: Conversations, Picklist, History and More. */
export function PhoneBottomNav({ user }: { user: User }) {
  const place = usePlace();
  const navigate = useNavigate();
  const logout = useLogout();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const sortInUrl = useSearch({ strict: false, select: (s) => ('sort' in s ? s.sort : undefined) });
  const preferences = usePreferences();
  const mineTotal = useConversationTotal('mine', sortInUrl ?? preferences.data?.conversationSort ?? DEFAULT_CONVERSATION_SORT);
  const picklistTotal = useConversationTotal('picklist');
  const inMore = place === 'preferences' || place === 'canned' || place === 'supervisor' || place === 'admin';
  const go = (to: '/preferences' | '/canned-responses' | '/supervisor' | '/admin/queues') => {
    setAnchor(null);
    void navigate({ to });
  };
  const list = (view: SidebarView, label: string, icon: ReactNode) => (
    <NavAction
      value={view}
      label={label}
      icon={icon}
      showLabel
      to="/agent"
      search={{ list: view }}
      // The list shown is the current page, also while a link of it is not the exact address.
      aria-current={place === view ? 'page' : undefined}
      sx={actionSx}
    />
  );
  return (
    <Paper component="nav" aria-label={staffFrameStrings.navLabel} square elevation={0} sx={{ borderTop: 1, borderColor: 'divider', pb: 'env(safe-area-inset-bottom)', px: 'env(safe-area-inset-left)' }}>
      <BottomNavigation value={inMore ? 'more' : place} showLabels sx={{ height: 60 }}>
        {list('mine', panelStrings.conversations, <Counted count={mineTotal} icon={<ForumOutlinedIcon />} />)}
        {list('picklist', panelStrings.picklist, <Counted count={picklistTotal} icon={<InboxOutlinedIcon />} />)}
        {list('history', phoneStrings.history, <HistoryIcon />)}
        <BottomNavigationAction
          value="more"
          label={phoneStrings.more}
          icon={<MoreHorizIcon />}
          showLabel
          aria-haspopup="menu"
          aria-expanded={anchor ? 'true' : undefined}
          aria-current={inMore ? 'page' : undefined}
          onClick={(e) => setAnchor(e.currentTarget)}
          sx={actionSx}
        />
      </BottomNavigation>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} aria-label={phoneStrings.moreLabel}>
        {/* Who is logged in, as the desktop header shows it: a heading of the menu, not a choice. */}
        <ListSubheader sx={{ lineHeight: 1.4, py: 1 }}>
          <Typography variant="body2" component="span" sx={{ display: 'block', fontWeight: 600, color: 'text.primary' }}>
            {user.displayName}
          </Typography>
          <Typography variant="caption" component="span">
            {staffFrameStrings.roles[user.role]}
          </Typography>
        </ListSubheader>
        <Divider />
        <MenuItem selected={place === 'canned'} onClick={() => go('/canned-responses')}>
          {staffFrameStrings.cannedResponses}
        </MenuItem>
        <MenuItem selected={place === 'preferences'} onClick={() => go('/preferences')}>
          {staffFrameStrings.preferences}
        </MenuItem>
        {user.role !== 'agent' && (
          <MenuItem selected={place === 'supervisor'} onClick={() => go('/supervisor')}>
            {staffFrameStrings.supervisor}
          </MenuItem>
        )}
        {user.role === 'admin' && (
          <MenuItem selected={place === 'admin'} onClick={() => go('/admin/queues')}>
            {staffFrameStrings.admin}
          </MenuItem>
        )}
        <Divider />
        <MenuItem
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate({ to: '/login' }) })}
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{strings.login.logout}</ListItemText>
        </MenuItem>
      </Menu>
    </Paper>
  );
}

function Counted({ count, icon }: { count?: number; icon: ReactNode }) {
  return (
    <Badge badgeContent={count} color="primary" max={99}>
      {icon}
    </Badge>
  );
}

/**
 * Keeps `--visual-height` at the visual viewport's height: where the browser does not shrink the
 * page for the on-screen keyboard (`interactive-widget=resizes-content` in index.html is not
 * honoured everywhere), the frame still ends above the keyboard, and the composer with it.
 */
export function VisualViewportHeight() {
  useEffect(() => {
    const viewport = window.visualViewport;
    if (!viewport) return;
    const root = document.documentElement;
    // Not while pinch-zoomed in: the visible part is then smaller than the page, by choice.
    const update = () => viewport.scale < 1.01 && root.style.setProperty('--visual-height', `${Math.round(viewport.height)}px`);
    update();
    viewport.addEventListener('resize', update);
    return () => {
      viewport.removeEventListener('resize', update);
      root.style.removeProperty('--visual-height');
    };
  }, []);
  return null;
}
