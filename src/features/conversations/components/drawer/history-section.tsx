import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemButton, ListItemText, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import type { Conversation } from '../../../../contract/conversations';
import type { HistoryOrder } from '../../../../contract/history';
import { errorMessage } from '../../../../lib/api-client';
import { formatDateTime } from '../../../../lib/format';
import { strings } from '../../../../lib/strings';
import { drawerContentStrings } from '../../../../lib/drawer-strings';
import { drawerStrings, panelStrings } from '../../../../lib/staff-page-strings';
import { useCustomerHistory } from '../../api/get-customer-history';
import { TranscriptDialog } from './transcript-dialog';

export function HistorySection({ conversation }: { conversation: Conversation }) {
  const [order, setOrder] = useState<HistoryOrder>('newest');
  const [open, setOpen] = useState<Conversation | null>(null);
  const history = useCustomerHistory(conversation.id, order);
  const items = history.data?.pages.flatMap((p) => p.conversations) ?? [];
  const s = drawerContentStrings;

  return (
    <Box>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={order}
        onChange={(_, value: HistoryOrder | null) => value && setOrder(value)}
        aria-label={drawerContentStrings.sortOrder}
        sx={{ mb: 1 }}
      >
        <ToggleButton value="newest">{s.newestFirst}</ToggleButton>
        <ToggleButton value="oldest">{s.oldestFirst}</ToggleButton>
      </ToggleButtonGroup>
      {history.isPending ? (
        <Box sx={{ p: 2, textAlign: 'center' }}>
          <CircularProgress size={24} aria-label={strings.common.loading} />
        </Box>
      ) : history.isError ? (
        <Alert severity="error">{errorMessage(history.error)}</Alert>
      ) : items.length === 0 ? (
        <Typography color="text.secondary" variant="body2">
          {s.noHistory}
        </Typography>
      ) : (
        <List dense aria-label={drawerStrings.sections.history} disablePadding>
          {items.map((c) => (
            // Each button in an item of its own: a list holds list items only.
            <ListItem key={c.id} disablePadding divider>
            <ListItemButton onClick={() => setOpen(c)} aria-label={s.openTranscript(formatDateTime(c.arrivedAt))}>
              <ListItemText
                primary={`${formatDateTime(c.arrivedAt)} · ${c.queue.name}`}
                secondary={`${c.agent?.displayName ?? s.notPicked} — ${c.firstMessage?.text ?? panelStrings.noMessagesYet}`}
                slotProps={{ secondary: { noWrap: true } }}
              />
            </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      {history.hasNextPage && (
        <Button fullWidth sx={{ mt: 1 }} onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {drawerStrings.loadMore}
        </Button>
      )}
      {open && <TranscriptDialog conversation={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
