import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { Alert, Box, Button, Chip, Divider, ListItemIcon, ListItemText, Menu, MenuItem, Stack, Tooltip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ChosenPresenceSchema, type ChosenPresence } from '../../../contract/presence';
import { errorMessage } from '../../../lib/api-client';
import { dismissPresenceNotice } from '../../../lib/presence-cache';
import { strings } from '../../../lib/strings';
import { presenceStrings } from '../../../lib/staff-page-strings';
import { usePresence } from '../api/get-presence';
import { useSetPresence } from '../api/set-presence';
import { PresenceDot } from './presence-dot';

/**
 * The agent's presence in the header: a button naming it, opening a menu to change it, and the
 * workload next to it (conversations held / capacity).
 */
export function PresenceMenu() {
  const queryClient = useQueryClient();
  const presence = usePresence();
  const setPresence = useSetPresence();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const buttonId = useId();

  if (presence.isError) return null;
  const data = presence.data;
  const state = data?.presence.state;
  const label = state ? presenceStrings.states[state] : strings.common.loading;
  const full = data ? data.load >= data.capacity : false;

  const close = () => {
    setAnchor(null);
    setPresence.reset();
  };
  const choose = (next: ChosenPresence) => {
    if (next === state) return close();
    setPresence.mutate(next, {
      onSuccess: () => {
        // Choosing a presence answers "you were set to Away because…": the notice has done its job.
        if (data?.presence.reason) dismissPresenceNotice(queryClient, { reason: data.presence.reason, since: data.presence.since });
        close();
      },
    });
  };

  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
      <Button
        id={buttonId}
        color="inherit"
        disabled={!data}
        aria-label={presenceStrings.label(label)}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? menuId : undefined}
        startIcon={state && <PresenceDot state={state} />}
        endIcon={<ArrowDropDownIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ px: 1.25 }}
      >
        {label}
      </Button>
      {data && (
        <Tooltip title={presenceStrings.loadTitle(data.load, data.capacity)}>
          <Chip
            size="small"
            variant={full ? 'filled' : 'outlined'}
            color={full ? 'warning' : 'default'}
            // The visible "2/3" is terse; screen readers hear it in words.
            aria-label={presenceStrings.loadLabel(data.load, data.capacity)}
            icon={<ForumOutlinedIcon aria-hidden />}
            label={presenceStrings.load(data.load, data.capacity)}
            tabIndex={0}
          />
        </Tooltip>
      )}
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={close}
        slotProps={{ list: { 'aria-labelledby': buttonId, dense: true } }}
      >
        {ChosenPresenceSchema.options.map((option) => (
          <MenuItem
            key={option}
            role="menuitemradio"
            aria-checked={option === state}
            selected={option === state}
            disabled={setPresence.isPending}
            onClick={() => choose(option)}
          >
            <ListItemIcon>
              <PresenceDot state={option} />
            </ListItemIcon>
            <ListItemText primary={presenceStrings.states[option]} secondary={presenceStrings.hints[option]} />
          </MenuItem>
        ))}
        {data && <Divider />}
        {data && (
          <Box sx={{ px: 2, py: 1, maxWidth: 340 }}>
            <Typography variant="caption" color="text.secondary" component="p">
              {presenceStrings.loadTitle(data.load, data.capacity)}
            </Typography>
            {full && (
              <Typography variant="caption" color="warning.dark" component="p">
                {presenceStrings.full}
              </Typography>
            )}
          </Box>
        )}
        {setPresence.isError && (
          <Alert severity="error" sx={{ mx: 1, mb: 1, maxWidth: 340 }}>
            {errorMessage(setPresence.error)}
          </Alert>
        )}
      </Menu>
    </Stack>
  );
}
