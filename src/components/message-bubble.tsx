import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Button, Stack, Typography } from '@mui/material';
import type { Attachment } from '../contract/attachments';
import type { AuthorKind, MessageDelivery } from '../contract/messages';
import { lazy, Suspense } from 'react';

// Only agents' messages to messaging channels have a delivery state: loaded when one is shown.
const DeliveryStatus = lazy(() => import('./delivery-status').then((m) => ({ default: m.DeliveryStatus })));
import { AttachmentView } from './attachment-view';
import { LinkedText } from './linked-text';
import { strings } from '../lib/strings';
import { formatStamp } from '../lib/format';

export interface BubbleProps {
  authorKind: AuthorKind;
  authorName: string;
  text: string;
  attachments?: Attachment[];
  createdAt: string;
  /** Right-aligned: written by the person looking at the thread. */
  mine: boolean;
  status?: 'sending' | 'failed';
  error?: string;
  onRetry?: () => void;
  onDiscard?: () => void;
  /** How far a message to a messaging channel got (agents' messages there only). */
  delivery?: MessageDelivery;
  /** Sends a message that did not reach its channel again. */
  onRetryDelivery?: () => void;
}

/** One message. Text is rendered as text, never as HTML; its web, email and phone addresses are links. */
export function MessageBubble(props: BubbleProps) {
  if (props.authorKind === 'system') {
    return (
      <Typography
        role="note"
        variant="caption"
        color="text.secondary"
        sx={{ display: 'block', textAlign: 'center', my: 1, px: 2 }}
      >
        {props.text} · {formatStamp(props.createdAt)}
      </Typography>
    );
  }
  const { mine } = props;
  return (
    <Stack
      sx={{ alignItems: mine ? 'flex-end' : 'flex-start', my: 0.75, px: 2 }}
      aria-label={`${props.authorName}, ${formatStamp(props.createdAt)}`}
      role="article"
    >
      <Box
        sx={{
          maxWidth: '75%',
          px: 1.5,
          py: 1,
          borderRadius: 2,
          bgcolor: mine ? 'primary.main' : 'background.paper',
          color: mine ? 'primary.contrastText' : 'text.primary',
          border: mine ? 'none' : 1,
          borderColor: 'divider',
          opacity: props.status === 'sending' ? 0.7 : 1,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
        }}
      >
        {props.attachments && props.attachments.length > 0 && (
          <Stack spacing={0.75} sx={{ mb: props.text ? 0.75 : 0 }}>
            {props.attachments.map((a) => (
              <AttachmentView key={a.id} attachment={a} />
            ))}
          </Stack>
        )}
        {props.text && (
          <Typography variant="body2" component="p" sx={{ m: 0 }}>
            <LinkedText text={props.text} />
          </Typography>
        )}
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ mt: 0.25 }}>
        {!mine && `${props.authorName} · `}
        {props.status === 'sending' ? strings.thread.sending : formatStamp(props.createdAt)}
        {props.delivery && props.delivery.status !== 'failed' && (
          <Suspense fallback={null}>
            <DeliveryStatus delivery={props.delivery} />
          </Suspense>
        )}
      </Typography>
      {props.delivery?.status === 'failed' && (
        <Suspense fallback={null}>
          <DeliveryStatus delivery={props.delivery} onRetry={props.onRetryDelivery} />
        </Suspense>
      )}
      {props.status === 'failed' && (
        <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1} role="alert">
          <ErrorOutlineIcon color="error" fontSize="small" />
          <Typography variant="caption" color="error">
            {strings.thread.failed}: {props.error}
          </Typography>
          <Button size="small" onClick={props.onRetry}>
            {strings.common.retry}
          </Button>
          <Button size="small" color="inherit" onClick={props.onDiscard}>
            {strings.common.discard}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
