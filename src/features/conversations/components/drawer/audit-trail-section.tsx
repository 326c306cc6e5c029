import { Alert, Box, Button, CircularProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { Conversation } from '../../../../contract/conversations';
import type { AuditActor } from '../../../../contract/supervision';
import { useLiveRefresh } from '../../../../hooks/use-live-refresh';
import { errorMessage } from '../../../../lib/api-client';
import { formatDateTime } from '../../../../lib/format';
import { queryKeys } from '../../../../lib/query-keys';
import type { EventFrame } from '../../../../lib/realtime-events';
import { strings } from '../../../../lib/strings';
import { oversightStrings } from '../../../../lib/oversight-strings';
import { drawerStrings } from '../../../../lib/staff-page-strings';
import { useAuditTrail } from '../../api/get-audit-trail';

const actorName = (actor: AuditActor) => (actor.kind === 'staff' ? actor.name : `${actor.name} (${oversightStrings.audit.actors[actor.kind]})`);

/** Supervisors and admins: everything that happened to the conversation, with who and when, oldest first. */
export function AuditTrailSection({ conversation }: { conversation: Conversation }) {
  const trail = useAuditTrail(conversation.id);
  // Offers, picks, transfers and the end arrive as events about this conversation.
  useLiveRefresh(
    queryKeys.conversations.audit(conversation.id),
    (f: EventFrame) => f.kind === 'event' && 'conversation' in f.event && f.event.conversation.id === conversation.id,
  );
  const s = oversightStrings.audit;
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {s.hint}
      </Typography>
      {trail.isPending ? (
        <Box sx={{ textAlign: 'center' }}>
          <CircularProgress size={24} aria-label={strings.common.loading} />
        </Box>
      ) : trail.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void trail.refetch()}>
              {strings.common.retry}
            </Button>
          }
        >
          {errorMessage(trail.error)}
        </Alert>
      ) : trail.data.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {s.empty}
        </Typography>
      ) : (
        <List component="ol" dense disablePadding aria-label={drawerStrings.sections.audit}>
          {trail.data.map((entry) => (
            <ListItem key={entry.id} divider disableGutters>
              <ListItemText
                primary={entry.summary}
                secondary={
                  <>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time> · {actorName(entry.actor)}
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
