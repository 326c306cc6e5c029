import { Chip } from '@mui/material';
import type { QueueAvailability } from '../../../contract/opening-hours';

/** How often the dashboard reads the queues again, for opening and closing by the clock. */
export const AVAILABILITY_REFRESH_MS = 60_000;

const atTime = (iso: string) => new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** "Closed" (with when it opens, in the title) and "Full" beside a queue's name; nothing when open with room. */
export function AvailabilityChips({ availability, maxWaiting }: { availability: QueueAvailability; maxWaiting: number | null }) {
  return (
    <>
      {!availability.open && (
        <Chip
          size="small"
          color="default"
          label={availability.nextOpening ? `Closed · opens ${atTime(availability.nextOpening)}` : 'Closed'}
          title={availability.leaveMessage ? 'Customers may leave a message' : undefined}
        />
      )}
      {availability.full && <Chip size="small" color="warning" label={maxWaiting === null ? 'Full' : `Full (${maxWaiting} waiting)`} />}
    </>
  );
}
