import { Alert, AlertTitle, Typography } from '@mui/material';
import type { QueueAvailability } from '../../../contract/opening-hours';
import { activeLanguage } from '../../../lib/i18n';
import { webchatQueueStrings as closedStrings } from '../webchat-queue-strings';

/** The next opening in the customer's language (the web chat's) and time zone (the browser's). */
export const inCustomerTime = (iso: string) => new Intl.DateTimeFormat(activeLanguage(), { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));

/**
 * Shown instead of starting when the chosen queue is closed or full: the admin's serviceClosed or
 * queueFull prompt, and when it opens next. A status region, so screen readers announce it.
 */
export function QueueClosedNotice({ queueName, availability }: { queueName: string; availability: QueueAvailability }) {
  const closed = !availability.open;
  const prompt = availability.prompt ?? (closed ? closedStrings.closedFallback : closedStrings.fullFallback);
  return (
    <Alert severity={closed ? 'info' : 'warning'} role="status">
      <AlertTitle>{closed ? closedStrings.closed(queueName) : closedStrings.full(queueName)}</AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
        {prompt}
      </Typography>
      {closed && availability.nextOpening && (
        <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
          {closedStrings.nextOpening(inCustomerTime(availability.nextOpening))}
        </Typography>
      )}
      {closed && availability.leaveMessage && availability.nextOpening && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {closedStrings.leaveMessageHint}
        </Typography>
      )}
    </Alert>
  );
}
