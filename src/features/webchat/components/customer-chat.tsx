import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { Composer } from '../../../components/composer';
import { ConnectionStatusChip } from '../../../components/connection-status';
import { PagedMessageThread } from '../../../components/paged-message-thread';
import { ChatDropZone } from '../../../components/chat-drop-zone';
import { useAttachmentUploads } from '../../../hooks/use-attachment-uploads';
import { useMessageSender } from '../../../hooks/use-message-sender';
import { useTypingSignal, useTypist } from '../../../hooks/use-typing';
import { ApiRequestError, errorMessage } from '../../../lib/http';
import { mergeMessages, type MessagePages } from '../../../lib/message-cache';
import { Outbox } from '../../../lib/outbox';
import { createQueryClient } from '../../../lib/query-client';
import { queryKeys } from '../../../lib/query-keys';
import { strings } from '../../../lib/strings';
import { useCustomerConversation } from '../api/get-conversation';
import { useCustomerMessages } from '../api/get-messages';
import { sendCustomerMessage } from '../api/send-message';
import { useCustomerRealtime, type QueuePlace } from '../hooks/use-customer-realtime';
import { useCustomerAttachmentPolicy } from '../api/get-attachment-policy';
import { uploadCustomerAttachment } from '../api/upload-attachment';
import { EndChatButton } from './end-chat-button';
import { inCustomerTime } from './queue-closed-notice';
import { webchatQueueStrings } from '../webchat-queue-strings';

// Shown once the chat has ended (transcript, survey): loaded then, not with the chat.
const AfterEndPanel = lazy(() => import('./after-end-panel').then((m) => ({ default: m.AfterEndPanel })));

interface Props {
  token: string;
  /** The token is no longer valid, or the customer wants a new chat. */
  onLeave(): void;
}

/**
 * The chat's query cache, made with the chat's code: the start form before it runs without one
 * (issue 11's 120 KB for the page's first load). One per page, kept across chats.
 */
const chatQueryClient = createQueryClient();

export function CustomerChat(props: Props) {
  return (
    <QueryClientProvider client={chatQueryClient}>
      <ChatView {...props} />
    </QueryClientProvider>
  );
}

function ChatView({ token, onLeave }: Props) {
  const queryClient = useQueryClient();
  const { status, typing: typingChannel, place } = useCustomerRealtime(token, onLeave);
  const conversation = useCustomerConversation(token);
  const messages = useCustomerMessages(token);
  const outbox = useMemo(() => new Outbox('cp-outbox:webchat'), []);
  const conversationId = conversation.data?.id ?? '';
  const typist = useTypist(conversationId, typingChannel);
  const typing = useTypingSignal(conversationId, typingChannel);
  const policy = useCustomerAttachmentPolicy(token);
  const uploads = useAttachmentUploads({
    policy: policy.data,
    who: 'customers',
    upload: (file, onProgress, signal) => uploadCustomerAttachment(token, file, onProgress, signal),
  });
  const sender = useMessageSender({
    outbox,
    conversationId: conversation.data?.id ?? '',
    send: (entry) => sendCustomerMessage(token, entry),
    onSent: (message) => queryClient.setQueryData<MessagePages>(queryKeys.webchat.messages(token), (d) => mergeMessages(d, [message])),
    online: status === 'online',
  });

  if (conversation.isPending || messages.isPending) {
    return (
      <Box sx={{ p: 6, textAlign: 'center' }}>
        <CircularProgress aria-label={strings.common.loading} />
      </Box>
    );
  }
  const failure = conversation.error ?? messages.error;
  if (failure) {
    const gone = failure instanceof ApiRequestError && (failure.status === 401 || failure.status === 404);
    return (
      <Stack spacing={2} sx={{ p: 3 }}>
        <Alert severity="error">{gone ? strings.webchat.lost : errorMessage(failure)}</Alert>
        <Button onClick={gone ? onLeave : () => void conversation.refetch()}>{gone ? strings.webchat.newChat : strings.common.retry}</Button>
      </Stack>
    );
  }
  const c = conversation.data!;
  const ended = c.state === 'ended';
  const stateLine = ended
    ? strings.webchat.ended
    : c.agentName
      ? strings.webchat.agentJoined(c.agentName)
      : c.heldUntil
        ? webchatQueueStrings.messageLeft(inCustomerTime(c.heldUntil))
        : strings.webchat.waitingForAgent;
  // Only while waiting: the last place the server told (it stops telling once picked).
  const waitingPlace = (c.state === 'queued' || c.state === 'offered') && !c.agentName ? place : null;

  return (
    <ChatDropZone onFiles={uploads.add} disabled={ended}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="subtitle1" component="h2">
            {c.queueName}
          </Typography>
          <Typography variant="body2" color={ended ? 'text.primary' : 'text.secondary'} role="status">
            {stateLine}
          </Typography>
          {waitingPlace && <QueuePlaceLine place={waitingPlace} />}
        </Box>
        {!ended && <EndChatButton token={token} />}
        <ConnectionStatusChip status={status} />
      </Stack>
      <PagedMessageThread pages={messages} sender={sender} viewer="customer" viewerName={c.customerName} typist={typist} />
      {ended ? (
        <Suspense fallback={null}>
          <AfterEndPanel token={token} onNewChat={onLeave} />
        </Suspense>
      ) : (
        <Composer
          // Sending empties the text, which also ends "typing" and the draft.
          onSend={sender.submit}
          onTextChange={typing.input}
          uploads={uploads}
        />
      )}
    </ChatDropZone>
  );
}

/** "You are number 2 in the queue · Estimated wait about 4 minutes"; the estimate only when the server has one. */
function QueuePlaceLine({ place }: { place: QueuePlace }) {
  return (
    <Typography variant="body2" color="text.secondary" aria-live="polite">
      <span>{webchatQueueStrings.position(place.position)}</span>
      {place.estimatedWaitMinutes !== null && (
        <>
          {' · '}
          <span>{webchatQueueStrings.estimatedWait(place.estimatedWaitMinutes)}</span>
        </>
      )}
    </Typography>
  );
}
