import DoneIcon from '@mui/icons-material/Done';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { MessageDelivery } from '../contract/messages';
import { channelStrings } from '../lib/channel-strings';
import { strings } from '../lib/strings';

/**
 * How far an agent's message to a messaging channel got, as ticks: a clock while it waits in the
 * outbox, one tick once the channel took it, two when delivered, two blue ones when read. A
 * failure says why, with Retry.
 */
export function DeliveryStatus({ delivery, onRetry }: { delivery: MessageDelivery; onRetry?: () => void }) {
  const label = channelStrings.delivery[delivery.status];
  if (delivery.status === 'failed') {
    return (
      <Stack direction="row" spacing={1} role="alert" sx={{ alignItems: 'center', mt: 0.25 }}>
        <ErrorOutlineIcon color="error" fontSize="small" aria-hidden />
        <Typography variant="caption" color="error">
          {channelStrings.deliveryFailed(label, delivery.error)}
        </Typography>
        {onRetry && (
          <Button size="small" onClick={onRetry}>
            {strings.common.retry}
          </Button>
        )}
      </Stack>
    );
  }
  const Icon = delivery.status === 'pending' ? ScheduleIcon : delivery.status === 'sent' ? DoneIcon : DoneAllIcon;
  return (
    <Box
      component="span"
      role="img"
      aria-label={label}
      title={label}
      data-delivery={delivery.status}
      sx={{ display: 'inline-flex', verticalAlign: 'middle', ml: 0.5, color: delivery.status === 'read' ? 'info.main' : 'text.secondary' }}
    >
      <Icon sx={{ fontSize: 16 }} />
    </Box>
  );
}
