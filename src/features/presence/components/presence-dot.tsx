import CircleIcon from '@mui/icons-material/Circle';
import type { PresenceState } from '../../../contract/presence';

/** Theme colours per presence: green takes offers, red busy, amber away, grey offline. */
export const presenceColor: Record<PresenceState, string> = {
  available: 'success.main',
  busy: 'error.main',
  away: 'warning.main',
  offline: 'text.disabled',
};

/** Decorative: the state is always named in text next to it. */
export function PresenceDot({ state }: { state: PresenceState }) {
  return <CircleIcon aria-hidden sx={{ fontSize: 12, color: presenceColor[state] }} />;
}
