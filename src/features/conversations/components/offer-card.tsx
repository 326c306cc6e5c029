import { ChannelBadge } from '../../../components/channel-badge';
import { Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { useClock } from '../../../hooks/use-clock';
import { useRoutingSettings } from '../../../hooks/use-routing-settings';
import { queryKeys } from '../../../lib/query-keys';
import { offerCardStrings } from '../../../lib/offer-card-strings';

/** How long past its end an offer may still show before the list is asked again (events lost). */
const OVERDUE_REFETCH_MS = 3000;

export interface CardProps {
  conversation: Conversation;
  accepting: boolean;
  rejecting: boolean;
  onAccept(): void;
  onReject(): void;
}

/** One offer: customer, queue, first message, the time left, Accept and Reject. */
export function OfferCard({ conversation: c, accepting, rejecting, onAccept, onReject }: CardProps) {
  const queryClient = useQueryClient();
  const now = useClock();
  const timeout = useRoutingSettings().data?.offerTimeoutSeconds;
  const expiresAt = c.offer ? Date.parse(c.offer.expiresAt) : now;
  // Until the settings arrive, the time left when the card appeared stands for the whole.
  const [firstSeenLeft] = useState(() => Math.max(1, expiresAt - Date.now()));
  const leftMs = expiresAt - now;
  const totalMs = Math.max(timeout ? timeout * 1000 : firstSeenLeft, leftMs, 1);
  const seconds = Math.max(0, Math.ceil(leftMs / 1000));
  const overdue = leftMs < -OVERDUE_REFETCH_MS;

  // The server ends offers and says so; if that word got lost, ask for the list once more.
  useEffect(() => {
    if (overdue) void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.list('offers') });
  }, [overdue, queryClient]);

  const name = c.customer.name || c.customer.phone || c.source;
  const busy = accepting || rejecting;
  return (
    <Paper
      component="section"
      aria-label={offerCardStrings.region(name)}
      square
      elevation={0}
      sx={{ p: 1.5, borderBottom: 1, borderLeft: 4, borderColor: 'divider', borderLeftColor: 'primary.main', bgcolor: 'action.hover' }}
    >
      <Stack spacing={0.75}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="overline" color="primary" sx={{ lineHeight: 1.5, flex: 1 }}>
            {offerCardStrings.heading}
          </Typography>
          <ChannelBadge channel={c.channel} />
          <Chip label={c.queue.name} size="small" variant="outlined" sx={{ height: 20 }} />
        </Stack>
        <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, lineHeight: 1.3 }} noWrap>
          {name}
        </Typography>
        {c.firstMessage && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}
          >
            {c.firstMessage.text}
          </Typography>
        )}
        <Stack spacing={0.5}>
          <Typography variant="caption" color={seconds <= 5 ? 'error' : 'text.secondary'} sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {seconds > 0 ? offerCardStrings.secondsLeft(seconds) : offerCardStrings.expiring}
          </Typography>
          <LinearProgress
            variant="determinate"
            aria-label={offerCardStrings.timeLeft}
            aria-valuetext={offerCardStrings.secondsLeft(seconds)}
            color={seconds <= 5 ? 'error' : 'primary'}
            value={Math.min(100, Math.max(0, (leftMs / totalMs) * 100))}
            sx={{ height: 6, borderRadius: 3 }}
          />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', pt: 0.5 }}>
          <Button size="small" variant="outlined" color="inherit" disabled={busy} loading={rejecting} onClick={onReject}>
            {offerCardStrings.reject}
          </Button>
          <Button size="small" variant="contained" disabled={busy} loading={accepting} onClick={onAccept}>
            {offerCardStrings.accept}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
