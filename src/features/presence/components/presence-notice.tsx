import CloseIcon from '@mui/icons-material/Close';
import { Alert, Button, IconButton, Stack } from '@mui/material';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-client';
import { currentPresenceNotice, dismissPresenceNotice, type PresenceNotice as Notice } from '../presence-cache';
import { queryKeys } from '../../../lib/query-keys';
import { presenceDetailStrings } from '../../../lib/presence-strings';
import { usePresence } from '../api/get-presence';
import { useRoutingSettings } from '../../../hooks/use-routing-settings';
import { useSetPresence } from '../api/set-presence';

/**
 * Tells the agent, in plain words and until they dismiss it, why the server changed their
 * presence: offers left to expire, or a lost connection that sent their conversations back.
 */
export function PresenceNotice() {
  const queryClient = useQueryClient();
  const presence = usePresence();
  // Filled by realtime events only (see presence-cache); never fetched.
  const live = useQuery<Notice | null>({ queryKey: queryKeys.presenceNotice(), queryFn: skipToken });
  const notice = currentPresenceNotice(live.data, presence.data?.presence);
  const routing = useRoutingSettings({ enabled: notice !== null });
  const setPresence = useSetPresence();
  if (!notice) return null;

  const dismiss = () => dismissPresenceNotice(queryClient, notice);
  const message =
    notice.reason === 'missed_offers'
      ? presenceDetailStrings.missedOffers(routing.data?.maxMissedOffers)
      : presenceDetailStrings.lostConnection(routing.data?.lostAgentGraceSeconds);
  const canBecomeAvailable = presence.data && presence.data.presence.state !== 'available';

  return (
    <Alert
      severity="warning"
      role="alert"
      sx={{ borderRadius: 0, alignItems: 'center' }}
      action={
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {canBecomeAvailable && (
            <Button
              color="inherit"
              size="small"
              variant="outlined"
              loading={setPresence.isPending}
              onClick={() => setPresence.mutate('available', { onSuccess: dismiss })}
            >
              {presenceDetailStrings.backToAvailable}
            </Button>
          )}
          <IconButton color="inherit" size="small" aria-label={presenceDetailStrings.dismiss} onClick={dismiss}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Stack>
      }
    >
      {message}
      {setPresence.isError && ` ${errorMessage(setPresence.error)}`}
    </Alert>
  );
}
