import CircleIcon from '@mui/icons-material/Circle';
import { Stack, Typography } from '@mui/material';
import type { Presence, PresenceState } from '../../../contract/presence';
import { presenceStrings } from '../../../lib/staff-page-strings';
import { supervisorStrings } from '../../../lib/supervisor-strings';

/** Theme colours per presence: green takes offers, red busy, amber away, grey offline. */
const presenceColor: Record<PresenceState, string> = {
  available: 'success.main',
  busy: 'error.main',
  away: 'warning.main',
  offline: 'text.disabled',
};

/** A presence as a coloured dot and its name (the colour is never the only cue), and why the server set it. */
export function PresenceLabel({ presence }: { presence: Presence }) {
  return (
    <Stack>
      <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
        <CircleIcon aria-hidden sx={{ fontSize: 12, color: presenceColor[presence.state] }} />
        <span>{presenceStrings.states[presence.state]}</span>
      </Stack>
      {presence.reason && (
        <Typography variant="caption" color="text.secondary">
          {supervisorStrings.presenceSetBy[presence.reason]}
        </Typography>
      )}
    </Stack>
  );
}
