import { Alert, Box, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useSettledValue } from '../../../hooks/use-settled-value';
import { useCommand } from '../../../hooks/use-shortcuts';
import { loadedRows } from '../../../lib/list-pages';
import { requestFocus, takeFocusIntent } from '../../../lib/shortcuts';
import { Loading } from '../../../components/query-status';
import { TabStrip } from '../../../components/tab-strip';
import type { User } from '../../../contract/auth';
import type { Layout } from '../../../lib/layout';
import type { ConversationSort } from '../../../contract/preferences';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { conversationListStrings, panelStrings } from '../../../lib/staff-page-strings';
import { conversationPagesQueryOptions, useConversationPages, useConversationTotal } from '../api/get-conversations';
import { useRoutingSettings } from '../../../hooks/use-routing-settings';
import { useReads } from '../api/get-unread';
import { usePickConversation } from '../api/pick-conversation';
import { prefetchChat } from '../api/prefetch-chat';
import { listOrder, type UnreadCounts } from '../../../contract/list-order';
import { drawerSectionsFor, type DrawerSection } from '../drawer-section';
import type { SidebarView } from '../sidebar-view';
import { ConversationList } from './conversation-list';
import { OfferList } from './offer-list';
import { SearchBox } from './search-box';
import type { SearchResultsHandle } from './search-results';

interface Props {
  user: User;
  view: SidebarView;
  onViewChange(view: SidebarView): void;
  selectedId?: string;
  onOpen(id: string, view: SidebarView, section?: DrawerSection): void;
  /** A search result's message: its conversation opens at that message. */
  onOpenMessage(id: string, seq: number): void;
  /** The order of my Conversations (kept in the URL and the user's preferences by the caller). */
  sort: ConversationSort;
  onSortChange(sort: ConversationSort): void;
  /** On a phone the list fills the screen and the bottom navigation replaces its tabs. */
  layout?: Layout;
  /** Kept mounted but not shown (a phone showing a conversation): the list keeps its place. */
  hidden?: boolean;
  /** Called when the Picklist or Conversations list (or its empty state) mounts on screen: after the first load, and again after History or a search. */
  onShown?(): void;
}

const NO_COUNTS: UnreadCounts = {};

// The Conversations' order and the History list bring MUI's select, menu and text fields: loaded
// when first shown, so the Picklist, where an agent lands, does not wait for them (issue 11).
const SortSelect = lazy(() => import('./sort-select').then((m) => ({ default: m.SortSelect })));
const HandledList = lazy(() => import('./handled-list').then((m) => ({ default: m.HandledList })));
// Loaded with the first search: most visits never search.
const SearchResults = lazy(() => import('./search-results').then((m) => ({ default: m.SearchResults })));

/** Typing pauses this long before the search is asked: one request per pause, not per key. */
const SEARCH_SETTLE_MS = 250;

/** The left pane: the Picklist (waiting in my queues) and my Conversations. */
export function ConversationSidebar({ user, view, onViewChange, selectedId, onOpen, onOpenMessage, sort, onSortChange, layout = 'desktop', hidden = false, onShown }: Props) {
  const picklistTotal = useConversationTotal('picklist');
  const mineTotal = useConversationTotal('mine', sort);
  const pick = usePickConversation();
  const canPick = user.role === 'agent';
  // Deferred: while another list or order loads, the rows shown stay on screen (no spinner, no jump).
  const shownView = useDeferredValue(view);
  const shownSort = useDeferredValue(sort);
  const queryClient = useQueryClient();
  // A row chosen: its data loads alongside the conversation page's code (prefetch-chat.ts).
  const openRow = (id: string, rowView: SidebarView, section?: DrawerSection) => {
    prefetchChat(queryClient, id);
    // The agent's work continues in the reply (or, with a section asked for, in that section).
    if (!section) requestFocus('composer');
    onOpen(id, rowView, section);
  };
  // The search replaces the lists below the box while it has text; kept here, so it survives
  // opening a result (on a phone, going back finds the results).
  const [typed, setTyped] = useState('');
  const settled = useSettledValue(typed.trim(), SEARCH_SETTLE_MS);
  const searching = typed.trim() !== '' && settled !== '';
  const results = useRef<SearchResultsHandle>(null);
  const box = useRef<HTMLDivElement>(null);
  // Picked: the chat opens as mine, with the keyboard in its composer.
  const pickAndOpen = (id: string) => {
    requestFocus('composer');
    pick.mutate(id, { onSuccess: (c) => onOpen(c.id, 'mine') });
  };
  useCommand(
    'pickTop',
    () => {
      const top = loadedRows(queryClient.getQueryData(conversationPagesQueryOptions('picklist').queryKey))[0];
      if (top && !pick.isPending) pickAndOpen(top.id);
    },
    canPick,
  );
  useCommand('search', () => box.current?.querySelector('input')?.focus());

  return (
    <Box
      component="nav"
      id="conversation-lists"
      tabIndex={-1}
      aria-label={conversationListStrings.lists}
      sx={{ width: layout === 'phone' ? '100%' : 340, flexShrink: 0, display: hidden ? 'none' : 'flex', flexDirection: 'column', borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      {canPick && <OfferList onAccepted={(c) => onOpen(c.id, 'mine')} />}
      <Box ref={box}>
        <SearchBox value={typed} onChange={setTyped} onEnterResults={() => results.current?.focusFirst()} />
      </Box>
      {searching && (
        <Suspense fallback={<Loading />}>
          <SearchResults
            ref={results}
            q={settled}
            selectedId={selectedId}
            onOpenConversation={(id) => openRow(id, view)}
            onOpenMessage={(id, seq) => {
              prefetchChat(queryClient, id);
              onOpenMessage(id, seq);
            }}
            onLeaveTop={() => box.current?.querySelector('input')?.focus()}
          />
        </Suspense>
      )}
      {!searching && layout !== 'phone' && (
        <TabStrip
          value={view}
          onChange={onViewChange}
          tabs={[
            { value: 'picklist', label: <Counted label={panelStrings.picklist} count={picklistTotal} /> },
            { value: 'mine', label: <Counted label={panelStrings.conversations} count={mineTotal} /> },
            { value: 'history', label: strings.history.tab },
          ]}
        />
      )}
      {pick.isError && (
        <Alert severity="warning" onClose={() => pick.reset()} sx={{ borderRadius: 0 }}>
          {errorMessage(pick.error)}
        </Alert>
      )}
      {!searching && view === 'mine' && (
        <Box sx={{ px: 1.5, pt: 1.5, pb: 1, borderBottom: 1, borderColor: 'divider' }}>
          {/* While it loads, the space of a small outlined field, so the list does not move. */}
          <Suspense fallback={<Box sx={{ height: 40 }} />}>
            <SortSelect value={sort} onChange={onSortChange} />
          </Suspense>
        </Box>
      )}
      {searching ? null : view === 'history' ? (
        <Suspense fallback={<Loading />}>
          <HandledList selectedId={selectedId} sections={drawerSectionsFor(user.role)} onOpen={(id, section) => openRow(id, 'history', section)} />
        </Suspense>
      ) : (
        // Coming back from History there are no rows to keep: a spinner until the list is in.
        <Suspense fallback={<Loading />}>
          <LiveList
            user={user}
            view={shownView === 'history' ? view : shownView}
            sort={shownSort}
            selectedId={selectedId}
            onOpen={(id, section) => openRow(id, view, section)}
            pickingId={pick.isPending ? pick.variables : undefined}
            onPick={view === 'picklist' && canPick ? pickAndOpen : undefined}
            onShown={onShown}
          />
        </Suspense>
      )}
    </Box>
  );
}

interface LiveListProps {
  user: User;
  view: 'picklist' | 'mine';
  sort: ConversationSort;
  selectedId?: string;
  onOpen(id: string, section?: DrawerSection): void;
  pickingId?: string;
  onPick?(id: string): void;
  onShown?(): void;
}

/** One live list, read from the cache the agent route's loader filled; it suspends only when it was not. */
function LiveList({ user, view, sort, selectedId, onOpen, pickingId, onPick, onShown }: LiveListProps) {
  const shown = useRef(onShown);
  useEffect(() => shown.current?.(), []);
  const list = useConversationPages(view, view === 'mine' ? sort : undefined);
  const unread = useReads();
  const routing = useRoutingSettings().data;
  const limits = useMemo(
    () => ({ waitingLimitSeconds: routing?.waitingLimitSeconds, replyTimeLimitSeconds: routing?.replyTimeLimitSeconds }),
    [routing?.waitingLimitSeconds, routing?.replyTimeLimitSeconds],
  );
  const counts = useMemo(
    () => (unread.data ? Object.fromEntries(Object.values(unread.data).map((s) => [s.conversationId, s.unreadCount])) : NO_COUNTS),
    [unread.data],
  );
  // The server sorts; unread counts change without a list event, so 'unread-first' re-sorts the loaded rows.
  const { rows: loaded } = list.data;
  const rows = useMemo(
    () => (view === 'mine' && sort === 'unread-first' ? loaded.slice().sort(listOrder({ view: 'mine', sort }, counts)) : loaded),
    [loaded, view, sort, counts],
  );
  if (rows.length === 0) {
    return (
      <Typography ref={focusWhenAsked} tabIndex={-1} color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
        {view === 'picklist' ? panelStrings.emptyPicklist : panelStrings.emptyMine}
      </Typography>
    );
  }
  return (
    <ConversationList
      view={view}
      conversations={rows}
      unread={counts}
      limits={limits}
      sections={drawerSectionsFor(user.role)}
      selectedId={selectedId}
      onOpen={onOpen}
      hasMore={list.hasNextPage}
      loadingMore={list.isFetchingNextPage}
      loadMoreError={list.error ? errorMessage(list.error) : null}
      onLoadMore={() => void list.fetchNextPage()}
      pickingId={pickingId}
      onPick={onPick}
    />
  );
}

/** An empty list's words take the keyboard when End chat sent it back to the list. */
const focusWhenAsked = (el: HTMLElement | null) => {
  if (el && takeFocusIntent('list')) el.focus();
};

// The count over a tab's top end corner, as MUI's Badge draws it (which the first load does without).
const countSx = {
  position: 'absolute',
  top: 0,
  // Starts just after the label (both directions), half above it.
  insetInlineStart: 'calc(100% + 4px)',
  transform: 'translateY(-50%)',
  minWidth: 20,
  height: 20,
  px: '6px',
  boxSizing: 'border-box',
  borderRadius: 10,
  bgcolor: 'primary.main',
  color: 'primary.contrastText',
  fontSize: '0.75rem',
  fontWeight: 500,
  lineHeight: '20px',
  textAlign: 'center',
} as const;

/** A tab's label with its count (none when 0 or not known yet), at most "999+". */
function Counted({ label, count }: { label: string; count?: number }) {
  return (
    <Box component="span" sx={{ position: 'relative', display: 'inline-flex' }}>
      {label}
      {count ? (
        <Box component="span" sx={countSx}>
          {count > 999 ? '999+' : count}
        </Box>
      ) : null}
    </Box>
  );
}
