import { Alert, Box, Divider, ListItemIcon, ListItemText, Menu, MenuItem, Typography } from '@mui/material';
import { ChosenPresenceSchema, type ChosenPresence, type PresenceState } from '../../../contract/presence';
import { errorMessage } from '../../../lib/api-client';
import { presenceDetailStrings } from '../../../lib/presence-strings';
import { presenceStrings } from '../../../lib/staff-page-strings';
import { PresenceDot } from './presence-dot';

interface Props {
  id: string;
  buttonId: string;
  anchor: HTMLElement | null;
  onClose(): void;
  state?: PresenceState;
  /** Conversations held and the most the agent may hold, once known. */
  load?: { load: number; capacity: number };
  busy: boolean;
  error: unknown;
  onChoose(next: ChosenPresence): void;
}

/** The presence menu's choices and the workload under them. Loaded on its first opening (presence-menu.tsx). */
export function PresenceChoices({ id, buttonId, anchor, onClose, state, load, busy, error, onChoose }: Props) {
  const full = load ? load.load >= load.capacity : false;
  return (
    <Menu id={id} anchorEl={anchor} open={Boolean(anchor)} onClose={onClose} slotProps={{ list: { 'aria-labelledby': buttonId, dense: true } }}>
      {ChosenPresenceSchema.options.map((option) => (
        <MenuItem key={option} role="menuitemradio" aria-checked={option === state} selected={option === state} disabled={busy} onClick={() => onChoose(option)}>
          <ListItemIcon>
            <PresenceDot state={option} />
          </ListItemIcon>
          <ListItemText primary={presenceStrings.states[option]} secondary={presenceDetailStrings.hints[option]} />
        </MenuItem>
      ))}
      {load && <Divider />}
      {load && (
        <Box sx={{ px: 2, py: 1, maxWidth: 340 }}>
          <Typography variant="caption" color="text.secondary" component="p">
            {presenceStrings.loadTitle(load.load, load.capacity)}
          </Typography>
          {full && (
            <Typography variant="caption" color="warning.dark" component="p">
              {presenceDetailStrings.full}
            </Typography>
          )}
        </Box>
      )}
      {Boolean(error) && (
        <Alert severity="error" sx={{ mx: 1, mb: 1, maxWidth: 340 }}>
          {errorMessage(error)}
        </Alert>
      )}
    </Menu>
  );
}
