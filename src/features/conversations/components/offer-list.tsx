import { Alert, Box } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { errorMessage } from '../../../lib/api-client';
import { offersStrings } from '../../../lib/staff-page-strings';
import { visuallyHidden } from '../../../lib/theme';
import { useAcceptOffer } from '../api/accept-offer';
import { useOffers } from '../api/get-conversations';
import { useRejectOffer } from '../api/reject-offer';

// The card (with MUI's progress bar) is not needed to show the lists: it loads right after the
// first paint, before any offer is likely (the agent's first load, issue 11).
const offerCard = () => import('./offer-card');
const OfferCard = lazy(() => offerCard().then((m) => ({ default: m.OfferCard })));

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
  useEffect(() => void offerCard(), []);

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
      <Suspense fallback={null}>
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
      </Suspense>
    </Box>
  );
}
