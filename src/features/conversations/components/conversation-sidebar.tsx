import { Alert, Badge, Box, Button, CircularProgress, Tab, Tabs, Typography } from '@mui/material';
import { useMemo } from 'react';
import type { User } from '../../../contract/auth';
import type { ConversationSort } from '../../../contract/preferences';
import { errorMessage } from '../../../lib/api-client';
import { strings } from '../../../lib/strings';
import { useConversationPages } from '../api/get-conversations';
import { useRoutingSettings } from '../../../hooks/use-routing-settings';
import { useReads } from '../api/get-unread';
import { usePickConversation } from '../api/pick-conversation';
import { listOrder, type UnreadCounts } from '../../../contract/list-order';
import { drawerSectionsFor, type DrawerSection } from '../drawer-section';
import type { SidebarView } from '../sidebar-view';
import { HandledList } from './handled-list';
import { ConversationList } from './conversation-list';
import { OfferList } from './offer-list';
import { SortSelect } from './sort-select';

interface Props {
  user: User;
  view: SidebarView;
  onViewChange(view: SidebarView): void;
  selectedId?: string;
  onOpen(id: string, view: SidebarView, section?: DrawerSection): void;
  /** The order of my Conversations (kept in the URL and the user's preferences by the caller). */
  sort: ConversationSort;
  onSortChange(sort: ConversationSort): void;
}

const NO_COUNTS: UnreadCounts = {};

/** The left pane: the Picklist (waiting in my queues) and my Conversations. */
export function ConversationSidebar({ user, view, onViewChange, selectedId, onOpen, sort, onSortChange }: Props) {
  const picklist = useConversationPages('picklist');
  const mine = useConversationPages('mine', sort);
  const pick = usePickConversation();
  const unread = useReads();
  const replyTimeLimitSeconds = useRoutingSettings().data?.replyTimeLimitSeconds;
  const counts = useMemo(
    () => (unread.data ? Object.fromEntries(Object.values(unread.data).map((s) => [s.conversationId, s.unreadCount])) : NO_COUNTS),
    [unread.data],
  );
  // The server sorts; unread counts change without a list event, so 'unread-first' re-sorts the loaded rows.
  const mineRows = mine.data?.rows;
  const sortedMine = useMemo(
    () => (sort === 'unread-first' && mineRows ? mineRows.slice().sort(listOrder({ view: 'mine', sort }, counts)) : mineRows),
    [mineRows, sort, counts],
  );
  const current = view === 'mine' ? mine : picklist;
  const rows = view === 'mine' ? sortedMine : picklist.data?.rows;
  const canPick = user.role === 'agent';

  return (
    <Box component="nav" aria-label="Conversation lists" sx={{ width: 340, flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      {canPick && <OfferList onAccepted={(c) => onOpen(c.id, 'mine')} />}
      <Tabs value={view} onChange={(_, v: SidebarView) => onViewChange(v)} variant="fullWidth">
        <Tab value="picklist" label={<Counted label={strings.panel.picklist} count={picklist.data?.total} />} />
        <Tab value="mine" label={<Counted label={strings.panel.conversations} count={mine.data?.total} />} />
        <Tab value="history" label={strings.history.tab} />
      </Tabs>
      {pick.isError && (
        <Alert severity="warning" onClose={() => pick.reset()} sx={{ borderRadius: 0 }}>
          {errorMessage(pick.error)}
        </Alert>
      )}
      {view === 'mine' && <SortSelect value={sort} onChange={onSortChange} />}
      {view === 'history' ? (
        <HandledList selectedId={selectedId} onOpen={(id) => onOpen(id, 'history')} />
      ) : current.isPending ? (
        <Box sx={{ p: 4, textAlign: 'center' }}>
          <CircularProgress aria-label={strings.common.loading} />
        </Box>
      ) : !rows ? (
        <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={() => void current.refetch()}>{strings.common.retry}</Button>}>
          {errorMessage(current.error)}
        </Alert>
      ) : rows.length === 0 ? (
        <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
          {view === 'picklist' ? strings.panel.emptyPicklist : strings.panel.emptyMine}
        </Typography>
      ) : (
        <ConversationList
          view={view}
          conversations={rows}
          unread={counts}
          replyTimeLimitSeconds={replyTimeLimitSeconds}
          sections={drawerSectionsFor(user.role)}
          selectedId={selectedId}
          onOpen={(id, section) => onOpen(id, view, section)}
          hasMore={current.hasNextPage}
          loadingMore={current.isFetchingNextPage}
          loadMoreError={current.error ? errorMessage(current.error) : null}
          onLoadMore={() => void current.fetchNextPage()}
          pickingId={pick.isPending ? pick.variables : undefined}
          onPick={
            view === 'picklist' && canPick
              ? (id) => pick.mutate(id, { onSuccess: (c) => onOpen(c.id, 'mine') })
              : undefined
          }
        />
      )}
    </Box>
  );
}

function Counted({ label, count }: { label: string; count?: number }) {
  return (
    <Badge badgeContent={count} color="primary" max={999} sx={{ '& .MuiBadge-badge': { right: -14 } }}>
      {label}
    </Badge>
  );
}
