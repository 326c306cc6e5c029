import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import ForumOutlinedIcon from '@mui/icons-material/ForumOutlined';
import { Button, Stack } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import type { ChosenPresence } from '../../../contract/presence';
import { useOpenedOnce } from '../../../hooks/use-opened-once';
import { dismissPresenceNotice } from '../presence-cache';
import { strings } from '../../../lib/strings';
import { presenceStrings } from '../../../lib/staff-page-strings';
import { usePresence } from '../api/get-presence';
import { useSetPresence } from '../api/set-presence';
import { PresenceDot } from './presence-dot';
import { Tag } from '../../../components/tag';

// Not needed to show the header: the menu (MUI's menu, popover, modal, transitions) loads on its
// first opening, the tooltip (MUI's popper) right after the first paint (issue 11's first load).
const PresenceChoices = lazy(() => import('./presence-choices').then((m) => ({ default: m.PresenceChoices })));
const Tooltip = lazy(() => import('@mui/material/Tooltip'));

/** The workload chip, "2/3". */
function loadChip(load: number, capacity: number) {
  const full = load >= capacity;
  return (
    <Tag
      variant={full ? 'filled' : 'outlined'}
      color={full ? 'warning' : 'default'}
      // The visible "2/3" is terse; screen readers hear it in words.
      aria-label={presenceStrings.loadLabel(load, capacity)}
      icon={<ForumOutlinedIcon aria-hidden sx={{ fontSize: 18 }} />}
      label={presenceStrings.load(load, capacity)}
      tabIndex={0}
    />
  );
}

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
  const opened = useOpenedOnce(anchor !== null);

  if (presence.isError) return null;
  const data = presence.data;
  const state = data?.presence.state;
  const label = state ? presenceStrings.states[state] : strings.common.loading;

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
        // Until the tooltip's code is in (right after the first paint), the chip alone.
        <Suspense fallback={loadChip(data.load, data.capacity)}>
          <Tooltip title={presenceStrings.loadTitle(data.load, data.capacity)}>{loadChip(data.load, data.capacity)}</Tooltip>
        </Suspense>
      )}
      {opened && (
        <Suspense fallback={null}>
          <PresenceChoices
            id={menuId}
            buttonId={buttonId}
            anchor={anchor}
            onClose={close}
            state={state}
            load={data}
            busy={setPresence.isPending}
            error={setPresence.error}
            onChoose={choose}
          />
        </Suspense>
      )}
    </Stack>
  );
}
