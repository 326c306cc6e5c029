import { Alert, Box, Button, CircularProgress, List, ListItemButton, ListItemText, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useDeferredValue, useState } from 'react';
import type { HandledSort, HistoryOrder } from '../../../contract/history';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { strings } from '../../../lib/strings';
import { drawerStrings } from '../../../lib/staff-page-strings';
import { useHandledConversations } from '../api/get-handled-conversations';

interface Props {
  selectedId?: string;
  onOpen(id: string): void;
}

/** History: the ended conversations I handled, searchable and sortable, each opening its transcript. */
export function HandledList({ selectedId, onOpen }: Props) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<HandledSort>('ended');
  const [order, setOrder] = useState<HistoryOrder>('newest');
  // Typing stays responsive; the query follows the settled text.
  const deferredSearch = useDeferredValue(search.trim());
  const handled = useHandledConversations({ search: deferredSearch, sort, order });
  const items = handled.data?.pages.flatMap((p) => p.conversations) ?? [];
  const s = strings.history;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Stack spacing={1} sx={{ p: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <TextField size="small" type="search" label={s.search} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField select size="small" label={s.sort} value={sort} onChange={(e) => setSort(e.target.value as HandledSort)} sx={{ flex: 1 }}>
            <MenuItem value="ended">{s.byEnded}</MenuItem>
            <MenuItem value="arrived">{s.byArrived}</MenuItem>
          </TextField>
          <ToggleButtonGroup size="small" exclusive value={order} onChange={(_, v: HistoryOrder | null) => v && setOrder(v)} aria-label="Sort order">
            <ToggleButton value="newest">{drawerStrings.newestFirst}</ToggleButton>
            <ToggleButton value="oldest">{drawerStrings.oldestFirst}</ToggleButton>
          </ToggleButtonGroup>
        </Stack>
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
              <ListItemButton key={c.id} selected={c.id === selectedId} divider onClick={() => onOpen(c.id)} aria-label={c.customer.name}>
                <ListItemText
                  primary={c.customer.name}
                  secondary={`${c.queue.name} · ${sort === 'ended' && c.endedAt ? s.ended(formatDateTime(c.endedAt)) : formatDateTime(c.arrivedAt)}`}
                />
              </ListItemButton>
            ))}
          </List>
        )}
        {handled.hasNextPage && (
          <Button fullWidth onClick={() => void handled.fetchNextPage()} loading={handled.isFetchingNextPage}>
            {drawerStrings.loadMore}
          </Button>
        )}
      </Box>
    </Box>
  );
}
