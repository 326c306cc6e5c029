import type { Conversation } from '../../../../contract/conversations';
import { formatDateTime } from '../../../../lib/format';
import { strings } from '../../../../lib/strings';
import { drawerContentStrings } from '../../../../lib/drawer-strings';
import { Alert, Box, CircularProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { Transfer } from '../../../../contract/conversations';
import { errorMessage } from '../../../../lib/api-client';
import { useTransfers } from '../../api/get-transfers';
import { useConversationRating } from '../../api/get-rating';
import { FieldList } from './field-list';
import { channelLabel, channelStrings } from '../../../../lib/channel-strings';

export function ConversationDetailsSection({ conversation: c }: { conversation: Conversation }) {
  const s = drawerContentStrings;
  const rating = useConversationRating(c.id, c.state === 'ended');
  const endedBy = c.endedBy && `${s.endedByWho[c.endedBy] ?? c.endedBy}${c.endReason ? ` (${s.endReasons[c.endReason] ?? c.endReason})` : ''}`;
  return (
    <Box>
    <FieldList
      fields={[
        [s.state, s.states[c.state]],
        [s.source, c.source],
        [s.destination, c.channel === 'webchat' ? `${c.destination} (${c.queue.name})` : channelStrings.destination(c.destination, channelLabel(c.channel), c.queue.name)],
        [s.channel, channelLabel(c.channel)],
        [s.arrived, formatDateTime(c.arrivedAt)],
        [s.pickedBy, c.agent?.displayName ?? s.notPicked],
        [s.pickedAt, c.pickedAt && formatDateTime(c.pickedAt)],
        ...(c.state === 'ended'
          ? ([
              [s.endedAt, c.endedAt && formatDateTime(c.endedAt)],
              [s.endedBy, endedBy],
              [s.rating, rating.data ? s.ratingValue(rating.data.rating, rating.data.comment) : rating.isSuccess ? s.notRated : null],
            ] as [string, string | null][])
          : []),
      ]}
    />
    <TransferList conversationId={c.id} />
    </Box>
  );
}

const target = (t: Transfer) => t.toAgent?.displayName ?? t.toQueue?.name ?? '';

function TransferList({ conversationId }: { conversationId: string }) {
  const transfers = useTransfers(conversationId);
  const s = strings.transfer;
  return (
    <Box sx={{ mt: 3 }}>
      <Typography variant="subtitle2" component="h4">
        {s.transfers}
      </Typography>
      {transfers.isPending ? (
        <CircularProgress size={20} aria-label={strings.common.loading} />
      ) : transfers.isError ? (
        <Alert severity="error">{errorMessage(transfers.error)}</Alert>
      ) : transfers.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {s.none}
        </Typography>
      ) : (
        <List dense disablePadding aria-label={s.transfers}>
          {transfers.data.map((t) => (
            <ListItem key={t.id} disableGutters divider>
              <ListItemText primary={s.describe(t.from.displayName, target(t))} secondary={[formatDateTime(t.at), t.note].filter(Boolean).join(' — ')} />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
