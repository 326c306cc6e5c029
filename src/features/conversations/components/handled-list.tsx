import { ChannelBadge } from '../../../components/channel-badge';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useDeferredValue, useState } from 'react';
import type { HandledSort, HistoryOrder } from '../../../contract/history';
import { errorMessage } from '../../../lib/api-client';
import { formatStamp } from '../../../lib/format';
import { strings } from '../../../lib/strings';
import { drawerStrings } from '../../../lib/staff-page-strings';
import { useHandledConversations } from '../api/get-handled-conversations';
import type { DrawerSection } from '../drawer-section';
import { ListRowMenu, type RowMenuTarget } from './list-row-menu';

interface Props {
  selectedId?: string;
  /** With a section: the conversation opens with that side-drawer section (the row's ⋮ menu). */
  onOpen(id: string, section?: DrawerSection): void;
  /** The side-drawer sections each row's ⋮ menu offers. */
  sections: readonly DrawerSection[];
}

/** History: the ended conversations I handled, searchable and sortable, each opening its transcript. */
export function HandledList({ selectedId, onOpen, sections }: Props) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<HandledSort>('ended');
  const [order, setOrder] = useState<HistoryOrder>('newest');
  // Typing stays responsive; the query follows the settled text.
  const deferredSearch = useDeferredValue(search.trim());
  const handled = useHandledConversations({ search: deferredSearch, sort, order });
  const items = handled.data?.pages.flatMap((p) => p.conversations) ?? [];
  const s = strings.history;
  // One ⋮ menu for the list, opened at the row's button (as the Picklist and Conversations do).
  const [menu, setMenu] = useState<RowMenuTarget | null>(null);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      {/* One field per line, each as wide as the list, so neither label is cut short (phone widths included). */}
      <Stack spacing={1.5} sx={{ p: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <TextField
          size="small"
          type="search"
          label={s.search}
          placeholder={s.searchPlaceholder}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          select
          size="small"
          label={s.sort}
          value={`${sort}:${order}`}
          onChange={(e) => {
            const [nextSort, nextOrder] = e.target.value.split(':') as [HandledSort, HistoryOrder];
            setSort(nextSort);
            setOrder(nextOrder);
          }}
        >
          {Object.entries(s.orders).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Box sx={{ overflowY: 'auto', flex: 1 }}>
        {handled.isPending ? (
          <Box sx={{ p: 3, textAlign: 'center' }}>
            <CircularProgress aria-label={strings.common.loading} />
          </Box>
        ) : handled.isError ? (
          <Alert severity="error" sx={{ m: 2 }}>
            {errorMessage(handled.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
            {deferredSearch ? s.noMatch(deferredSearch) : s.empty}
          </Typography>
        ) : (
          <List disablePadding aria-label={s.tab}>
            {items.map((c) => (
              <ListItem
                key={c.id}
                divider
                disablePadding
                secondaryAction={
                  <IconButton
                    size="small"
                    edge="end"
                    aria-label={drawerStrings.more(c.customer.name)}
                    title={drawerStrings.more(c.customer.name)}
                    aria-haspopup="menu"
                    onClick={(e) => setMenu({ id: c.id, anchor: e.currentTarget })}
                  >
                    <MoreVertIcon fontSize="small" />
                  </IconButton>
                }
              >
                <ListItemButton selected={c.id === selectedId} onClick={() => onOpen(c.id)} aria-label={c.customer.name}>
                  <ListItemText
                    primary={c.customer.name}
                    secondary={
                      <>
                        <ChannelBadge channel={c.channel} /> · {c.queue.name} · {sort === 'ended' && c.endedAt ? s.ended(formatStamp(c.endedAt)) : formatStamp(c.arrivedAt)}
                      </>
                    }
                  />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
        <ListRowMenu target={menu} onClose={() => setMenu(null)} sections={sections} onOpen={onOpen} />
        {handled.hasNextPage && (
          <Button fullWidth onClick={() => void handled.fetchNextPage()} loading={handled.isFetchingNextPage}>
            {drawerStrings.loadMore}
          </Button>
        )}
      </Box>
    </Box>
  );
}
