import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import { Alert, Box, Button, ButtonBase, CircularProgress, IconButton, Stack, Typography, type Theme } from '@mui/material';
import { lazy, memo, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Conversation, ConversationView } from '../../../contract/conversations';
import { useClock } from '../../../hooks/use-clock';
import { useRowWindow } from '../../../hooks/use-row-window';
import { useCommand } from '../../../hooks/use-shortcuts';
import { takeFocusIntent } from '../../../lib/shortcuts';
import { formatDuration, formatStamp } from '../../../lib/format';
import { isTouch } from '../../../lib/layout';
import { strings } from '../../../lib/strings';
import { conversationListStrings, drawerStrings, panelStrings } from '../../../lib/staff-page-strings';
import { visuallyHidden } from '../../../lib/theme';
import { customerLabel, type UnreadCounts } from '../../../contract/list-order';
import { ChannelBadge } from '../../../components/channel-badge';
import { Tag } from '../../../components/tag';
import { DRAWER_SECTIONS, type DrawerSection } from '../drawer-section';
import { replyUrgency } from '../reply-urgency';
import { ListRowMenu, type RowMenuTarget } from './list-row-menu';

// On touch devices only: swipes, long press and the action sheet (row-touch.tsx).
const RowTouch = lazy(() => import('./row-touch').then((m) => ({ default: m.RowTouch })));

interface Props {
  view: ConversationView;
  /** In display order. */
  conversations: Conversation[];
  selectedId?: string;
  onOpen(id: string, section?: DrawerSection): void;
  /** Shown on picklist rows when the user may pick. */
  onPick?(id: string): void;
  pickingId?: string;
  /** Unread customer messages per conversation, shown as a blue count. */
  unread?: UnreadCounts;
  /** The admin's limits: waiting times (in the queue on the Picklist, for a reply on mine) turn amber near them and red past them. */
  limits?: WaitLimits;
  /** The side-drawer sections each row's ⋮ menu offers. */
  sections?: readonly DrawerSection[];
  /** More rows exist on the server: scrolling near the end asks for them. */
  hasMore?: boolean;
  loadingMore?: boolean;
  /** Why the last page could not be loaded; shown with a retry. */
  loadMoreError?: string | null;
  onLoadMore?(): void;
}

/** The admin's waiting limits in seconds (RoutingSettings); unknown until the settings are in. */
export interface WaitLimits {
  waitingLimitSeconds?: number;
  replyTimeLimitSeconds?: number;
}
const NO_LIMITS: WaitLimits = {};

const ROW_HEIGHT = 84;
/** How many rows before the end the next page is fetched. */
const PREFETCH_ROWS = 15;
const NO_UNREAD: UnreadCounts = {};

/**
 * A virtualized list of conversations: thousands of rows cost no more than the visible ones.
 * Rows are memoized and only their time labels tick, so a second passing or a message in one
 * conversation re-renders one small label or one row, not the list.
 */
export function ConversationList({
  view,
  conversations,
  selectedId,
  onOpen,
  onPick,
  pickingId,
  unread = NO_UNREAD,
  limits = NO_LIMITS,
  sections = DRAWER_SECTIONS,
  hasMore = false,
  loadingMore = false,
  loadMoreError = null,
  onLoadMore,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const rowWindow = useRowWindow({ count: conversations.length, rowHeight: ROW_HEIGHT, overscan: 8, scroller });
  const { scrollToIndex } = rowWindow;
  // Stable callbacks for the memoized rows, always calling the latest props.
  const latest = useRef({ onOpen, onPick, onLoadMore });
  latest.current = { onOpen, onPick, onLoadMore };
  const open = useCallback((id: string, section?: DrawerSection) => latest.current.onOpen(id, section), []);
  const pick = useCallback((id: string) => latest.current.onPick?.(id), []);
  const [menu, setMenu] = useState<RowMenuTarget | null>(null);
  // A finger gets the action sheet instead, with the same choices as a swipe (and End chat on held rows).
  const [touch] = useState(isTouch);
  const [sheet, setSheet] = useState<string | null>(null);
  const openMenu = useCallback((id: string, anchor: HTMLElement) => (touch ? setSheet(id) : setMenu({ id, anchor })), [touch]);
  // My own conversations' rows also end or hand over the conversation.
  const held = view === 'mine';
  // The keyboard moves through the rows (arrow keys, Home, End) and J/K open the next or previous
  // one; rows are virtualized, so the list scrolls to a row before it is focused.
  const focusRow = useCallback(
    (index: number) => {
      const id = conversations[index]?.id;
      if (!id) return;
      scrollToIndex(index);
      const focus = (tries: number) => {
        const button = scroller.current?.querySelector<HTMLElement>(`[data-row="${CSS.escape(id)}"] [data-row-button]`);
        if (button) button.focus();
        else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
      };
      focus(10);
    },
    [conversations, scrollToIndex],
  );
  const rowIndexOf = (el: Element | null) => {
    const id = el?.closest('[data-row]')?.getAttribute('data-row');
    return id ? conversations.findIndex((c) => c.id === id) : -1;
  };
  const onListKey = (e: React.KeyboardEvent) => {
    const at = rowIndexOf(e.target as Element);
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? conversations.length - 1 : -1;
    if (to < 0 || to >= conversations.length) return;
    e.preventDefault();
    focusRow(to);
  };
  const step = (by: 1 | -1) => {
    const at = conversations.findIndex((c) => c.id === selectedId);
    const to = at < 0 ? 0 : Math.min(Math.max(at + by, 0), conversations.length - 1);
    const next = conversations[to];
    if (!next) return;
    if (next.id !== selectedId) {
      latest.current.onOpen(next.id);
      // J and K leave the keyboard on the list, so the next press moves on.
      takeFocusIntent('composer');
    }
    focusRow(to);
  };
  useCommand('next', () => step(1));
  useCommand('previous', () => step(-1));
  // After End chat the keyboard comes back to the list.
  useEffect(() => {
    if (takeFocusIntent('list')) focusRow(0);
  }, [focusRow]);

  // The next page is asked for while a screenful of rows is still left to scroll through.
  const lastShown = rowWindow.indexes.at(-1) ?? -1;
  const nearEnd = lastShown >= conversations.length - PREFETCH_ROWS;
  useEffect(() => {
    if (nearEnd && hasMore && !loadingMore && !loadMoreError) latest.current.onLoadMore?.();
  }, [nearEnd, hasMore, loadingMore, loadMoreError]);

  return (
    <Box ref={scroller} sx={{ flex: 1, overflowY: 'auto' }}>
      <Box
        role="list"
        aria-label={view === 'picklist' ? panelStrings.picklist : panelStrings.conversations}
        onKeyDown={onListKey}
        sx={{ position: 'relative', height: rowWindow.totalHeight }}
      >
        {rowWindow.indexes.map((index) => {
          const c = conversations[index]!;
          return (
            <ConversationRow
              key={c.id}
              top={rowWindow.rowTop(index)}
              view={view}
              conversation={c}
              selected={c.id === selectedId}
              unread={unread[c.id] ?? 0}
              limits={limits}
              onOpen={open}
              onMore={openMenu}
              onPick={onPick ? pick : undefined}
              picking={pickingId === c.id}
            />
          );
        })}
      </Box>
      {loadMoreError ? (
        <Alert severity="error" sx={{ m: 1 }} action={<Button onClick={() => onLoadMore?.()}>{strings.common.retry}</Button>}>
          {loadMoreError}
        </Alert>
      ) : (
        hasMore && (
          <Box role="status" sx={{ p: 2, display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 1 }}>
            <CircularProgress size={18} aria-hidden />
            <Typography variant="body2" color="text.secondary">
              {conversationListStrings.loadingMore}
            </Typography>
          </Box>
        )
      )}
      {touch && (
        <Suspense fallback={null}>
          <RowTouch scroller={scroller} conversations={conversations} held={held} sections={sections} onOpen={onOpen} sheetFor={sheet} onSheet={setSheet} />
        </Suspense>
      )}
      <ListRowMenu
        target={menu}
        onClose={() => setMenu(null)}
        sections={sections}
        onOpen={onOpen}
        held={held && menu ? conversations.find((c) => c.id === menu.id) : undefined}
      />
    </Box>
  );
}

interface RowProps {
  top: number;
  view: ConversationView;
  conversation: Conversation;
  selected: boolean;
  unread: number;
  limits: WaitLimits;
  onOpen(id: string, section?: DrawerSection): void;
  onMore(id: string, anchor: HTMLElement): void;
  onPick?(id: string): void;
  picking: boolean;
}

const rowSx = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: '100%',
  height: ROW_HEIGHT,
  overflow: 'hidden',
  borderBottom: 1,
  borderColor: 'divider',
} as const;
/** What slides left under a finger (row-touch.tsx), over the actions it reveals; vertical moves stay scrolling. */
const rowFrontSx = { position: 'relative', zIndex: 1, height: '100%', display: 'flex', alignItems: 'center', bgcolor: 'background.paper', touchAction: 'pan-y pinch-zoom' } as const;

// Rows mount by the dozen while scrolling: plain boxes with hoisted styles keep each one cheap.
// The row's button draws what MUI's ListItemButton would (hover, selected, keyboard focus), on the
// ButtonBase the login page already loads: ListItemButton's styled root is in no other part of the
// agent's first load. Selected is the row with aria-current.
const selectedBg = (theme: Theme, extra?: 'hoverOpacity' | 'focusOpacity') => {
  const { action, primary } = (theme.vars ?? theme).palette;
  return theme.alpha(primary.main, extra ? `${action.selectedOpacity} + ${action[extra]}` : action.selectedOpacity);
};
const rowButtonSx = (theme: Theme) =>
  ({
    flexGrow: 1,
    minWidth: 0,
    height: '100%',
    display: 'flex',
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    boxSizing: 'border-box',
    textAlign: 'start',
    px: 2,
    py: 1,
    transition: theme.transitions.create('background-color', { duration: theme.transitions.duration.shortest }),
    '&:hover': { bgcolor: 'action.hover', '@media (hover: none)': { bgcolor: 'transparent' } },
    '&.Mui-focusVisible': { bgcolor: 'action.focus' },
    '&[aria-current="true"]': {
      bgcolor: selectedBg(theme),
      '&.Mui-focusVisible': { bgcolor: selectedBg(theme, 'focusOpacity') },
      '&:hover': { bgcolor: selectedBg(theme, 'hoverOpacity'), '@media (hover: none)': { bgcolor: selectedBg(theme) } },
    },
  }) as const;
const rowBodySx = { minWidth: 0, flex: 1, display: 'flex', flexDirection: 'column', gap: 0.25 } as const;
const rowLineSx = { display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 } as const;
const rowTopLineSx = { ...rowLineSx, alignItems: 'flex-start' } as const;
const twoLinesSx = { flex: 1, minWidth: 0, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' } as const;
/** The row's tags (its queue, "For you") are a little smaller than the header's. */
const rowTagSx = { height: 20, fontSize: 12 } as const;

const ConversationRow = memo(function ConversationRow({
  top,
  view,
  conversation: c,
  selected,
  unread,
  limits,
  onOpen,
  onMore,
  onPick,
  picking,
}: RowProps) {
  const preview = view === 'picklist' ? c.firstMessage : c.lastMessage;
  const name = customerLabel(c);
  return (
    <Box
      role="listitem"
      aria-label={c.customer.name}
      data-row={c.id}
      // The position changes on every scroll: a style, not sx, which would make a CSS class per offset.
      style={{ transform: `translateY(${top}px)` }}
      sx={rowSx}
    >
      <Box data-row-front sx={rowFrontSx}>
      <ButtonBase component="div" onClick={() => onOpen(c.id)} sx={rowButtonSx} data-row-button aria-current={selected ? 'true' : undefined}>
        <Box sx={rowBodySx}>
          <Box sx={rowLineSx}>
            <Typography variant="subtitle2" component="p" noWrap sx={{ flex: 1, fontWeight: unread > 0 ? 700 : undefined }}>
              {name}
            </Typography>
            {view === 'picklist' ? (
              <Wait kind="queue" since={c.arrivedAt} limitSeconds={limits.waitingLimitSeconds} />
            ) : c.awaitingReplySince ? (
              <Wait kind="reply" since={c.awaitingReplySince} limitSeconds={limits.replyTimeLimitSeconds} />
            ) : (
              c.lastMessage && (
                <Typography variant="caption" color="text.secondary" noWrap title={conversationListStrings.lastMessageAt(formatStamp(c.lastMessage.createdAt))}>
                  {formatStamp(c.lastMessage.createdAt)}
                </Typography>
              )
            )}
          </Box>
          <Box sx={view === 'picklist' ? rowTopLineSx : rowLineSx}>
            <ChannelBadge channel={c.channel} compact />
            <Tag label={c.queue.name} sx={rowTagSx} />
            {c.reservedFor && <Tag label={strings.transfer.forYou} variant="filled" color="secondary" sx={rowTagSx} />}
            {/* The Picklist shows two lines of what the customer asked: enough to choose by. */}
            <Typography variant="body2" color={unread > 0 ? 'text.primary' : 'text.secondary'} noWrap={view !== 'picklist'} sx={view === 'picklist' ? twoLinesSx : { flex: 1 }}>
              {preview?.text ?? panelStrings.noMessagesYet}
            </Typography>
            {unread > 0 && <UnreadBadge count={unread} />}
          </Box>
        </Box>
      </ButtonBase>
      <IconButton
        size="small"
        aria-label={drawerStrings.more(c.customer.name)}
        title={drawerStrings.more(c.customer.name)}
        aria-haspopup="menu"
        onClick={(e) => onMore(c.id, e.currentTarget)}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      {onPick && (
        <Button
          size="small"
          variant="contained"
          sx={{ mr: 1, flexShrink: 0 }}
          aria-label={panelStrings.pickCustomer(c.customer.name)}
          loading={picking}
          onClick={() => onPick(c.id)}
        >
          {panelStrings.pick}
        </Button>
      )}
      </Box>
    </Box>
  );
});

/** The blue count of unread customer messages; read out as words, not a bare number. */
function UnreadBadge({ count }: { count: number }) {
  return (
    <Box
      component="span"
      sx={{
        flexShrink: 0,
        minWidth: 22,
        height: 22,
        px: 0.75,
        borderRadius: 11,
        bgcolor: 'unread.main',
        color: 'unread.contrastText',
        fontSize: 12,
        fontWeight: 700,
        lineHeight: '22px',
        textAlign: 'center',
      }}
    >
      <span aria-hidden>{count > 999 ? '999+' : count}</span>
      <Box component="span" sx={visuallyHidden}>
        {conversationListStrings.unread(count)}
      </Box>
    </Box>
  );
}

/**
 * How long the customer has waited, in the queue (`queue`, Picklist rows, since arrival) or for
 * my reply (`reply`): amber with an hourglass from 75 % of the admin's limit, red with a warning
 * sign past it — words and icons as well as colour, for those who cannot tell amber from red.
 */
function Wait({ kind, since, limitSeconds }: { kind: 'queue' | 'reply'; since: string; limitSeconds?: number }) {
  const now = useClock();
  const duration = formatDuration(now - Date.parse(since));
  const urgency = limitSeconds ? (replyUrgency(since, now, limitSeconds) ?? 'ok') : 'ok';
  const color = urgency === 'over' ? 'error.main' : urgency === 'near' ? 'warning.dark' : 'text.secondary';
  const Icon = urgency === 'over' ? ErrorOutlineIcon : urgency === 'near' ? HourglassBottomIcon : null;
  return (
    <Stack
      direction="row"
      spacing={0.5}
      title={conversationListStrings.waitLabel(kind, duration, urgency)}
      sx={{ alignItems: 'center', color, flexShrink: 0 }}
    >
      {Icon && <Icon aria-hidden sx={{ fontSize: 16 }} />}
      <Typography variant="caption" noWrap sx={{ fontWeight: urgency === 'ok' ? undefined : 700 }}>
        {kind === 'reply' || urgency === 'ok' ? (
          conversationListStrings[kind === 'queue' ? 'queueWait' : 'replyWait'](duration, urgency)
        ) : (
          // Picklist rows also hold a Pick button: the icon and colour say it, the words are read out
          // (and shown on hover), so the customer's name keeps its room.
          <>
            <Box component="span" sx={visuallyHidden}>
              {conversationListStrings.queueUrgency[urgency]}
            </Box>
            {duration}
          </>
        )}
      </Typography>
    </Stack>
  );
}
