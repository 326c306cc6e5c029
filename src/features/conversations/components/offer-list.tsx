import { Alert, Box, Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { useClock } from '../../../hooks/use-clock';
import { errorMessage } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import { offersStrings } from '../../../lib/staff-page-strings';
import { visuallyHidden } from '../../../lib/theme';
import { useAcceptOffer } from '../api/accept-offer';
import { useOffers } from '../api/get-conversations';
import { useRoutingSettings } from '../../../hooks/use-routing-settings';
import { useRejectOffer } from '../api/reject-offer';

/** How long past its end an offer may still show before the list is asked again (events lost). */
const OVERDUE_REFETCH_MS = 3000;

/**
 * Conversations the system offers to me, one card each above the lists, until I accept or reject
 * them or the offer ends (then the offers list drops them, following the realtime events).
 */
export function OfferList({ onAccepted }: { onAccepted(conversation: Conversation): void }) {
  const offers = useOffers();
  const accept = useAcceptOffer();
  const reject = useRejectOffer();
  // Kept here, not on the card: a refused accept means the offer is gone, and its card with it.
  const [failure, setFailure] = useState<string | null>(null);
  const list = offers.data ?? [];

  const act = (c: Conversation, action: 'accept' | 'reject') => {
    setFailure(null);
    const onError = (err: Error) => setFailure(offersStrings.failed(c.customer.name, errorMessage(err)));
    if (action === 'accept') accept.mutate(c.id, { onSuccess: onAccepted, onError });
    else reject.mutate(c.id, { onError });
  };

  return (
    <Box {...(list.length > 0 && { role: 'group', 'aria-label': offersStrings.list })}>
      {/* Cards appear silently; this tells screen-reader users an offer arrived. */}
      <Box role="status" sx={visuallyHidden}>
        {list.map((c) => offersStrings.newOffer(c.customer.name)).join('. ')}
      </Box>
      {failure && (
        <Alert severity="warning" onClose={() => setFailure(null)} sx={{ borderRadius: 0 }}>
          {failure}
        </Alert>
      )}
      {list.map((c) => (
        <OfferCard
          key={c.id}
          conversation={c}
          accepting={accept.isPending && accept.variables === c.id}
          rejecting={reject.isPending && reject.variables === c.id}
          onAccept={() => act(c, 'accept')}
          onReject={() => act(c, 'reject')}
        />
      ))}
    </Box>
  );
}

interface CardProps {
  conversation: Conversation;
  accepting: boolean;
  rejecting: boolean;
  onAccept(): void;
  onReject(): void;
}

function OfferCard({ conversation: c, accepting, rejecting, onAccept, onReject }: CardProps) {
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
      aria-label={offersStrings.region(name)}
      square
      elevation={0}
      sx={{ p: 1.5, borderBottom: 1, borderLeft: 4, borderColor: 'divider', borderLeftColor: 'primary.main', bgcolor: 'action.hover' }}
    >
      <Stack spacing={0.75}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="overline" color="primary" sx={{ lineHeight: 1.5, flex: 1 }}>
            {offersStrings.heading}
          </Typography>
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
            {seconds > 0 ? offersStrings.secondsLeft(seconds) : offersStrings.expiring}
          </Typography>
          <LinearProgress
            variant="determinate"
            aria-label={offersStrings.timeLeft}
            aria-valuetext={offersStrings.secondsLeft(seconds)}
            color={seconds <= 5 ? 'error' : 'primary'}
            value={Math.min(100, Math.max(0, (leftMs / totalMs) * 100))}
            sx={{ height: 6, borderRadius: 3 }}
          />
        </Stack>
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', pt: 0.5 }}>
          <Button size="small" variant="outlined" color="inherit" disabled={busy} loading={rejecting} onClick={onReject}>
            {offersStrings.reject}
          </Button>
          <Button size="small" variant="contained" disabled={busy} loading={accepting} onClick={onAccept}>
            {offersStrings.accept}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
