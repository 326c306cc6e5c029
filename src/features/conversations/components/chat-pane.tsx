import { Alert, Box, Button, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { User } from '../../../contract/auth';
import type { Conversation } from '../../../contract/conversations';
import type { Message } from '../../../contract/messages';
import { Composer } from '../../../components/composer';
import { useConnectionStatus } from '../../../components/connection-status';
import { MessageThread } from '../../../components/message-thread';
import { ChatDropZone } from '../../../components/chat-drop-zone';
import { useAttachmentUploads } from '../../../hooks/use-attachment-uploads';
import { useMessageSender } from '../../../hooks/use-message-sender';
import { useTypingSignal, useTypist } from '../../../hooks/use-typing';
import { errorMessage } from '../../../lib/api-client';
import { flattenMessages, mergeMessages, type MessagePages } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';
import { strings } from '../../../lib/strings';
import { useEndConversation } from '../api/end-conversation';
import { useConversation } from '../api/get-conversation';
import { useMessages } from '../api/get-messages';
import { usePickConversation } from '../api/pick-conversation';
import { useDraft, useDraftSaver } from '../api/draft';
import { useAttachmentPolicy } from '../api/get-attachment-policy';
import { sendMessage } from '../api/send-message';
import { uploadAttachment } from '../api/upload-attachment';
import { staffOutbox } from '../staff-outbox';
import { useEarlierConversations } from '../api/get-earlier-conversations';
import { useReadWhileOpen } from '../hooks/use-read-while-open';
import { drawerSectionsFor, type DrawerSection } from '../drawer-section';
import { ConversationMenu } from './conversation-menu';
import { ConversationDrawer } from './drawer/conversation-drawer';
import { EarlierConversations } from './earlier-conversations';
import { EndChatDialog } from './end-chat-dialog';
import { TransferDialog } from './transfer-dialog';
import { UnverifiedChip } from '../../../components/customer-identity-chip';

interface Props {
  conversationId: string;
  user: User;
  /** After the chat ended or was transferred away: the caller leaves the pane. */
  onLeave(): void;
  /** The open drawer section, if any (kept in the URL by the caller). */
  section?: DrawerSection;
  onSectionChange(section: DrawerSection | undefined): void;
}

type ChatProps = Omit<Props, 'conversationId'> & { conversation: Conversation };

export function ChatPane({ conversationId, ...rest }: Props) {
  const conversation = useConversation(conversationId);
  if (conversation.isPending) return <CenteredProgress />;
  if (conversation.isError) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity="error">{errorMessage(conversation.error)}</Alert>
      </Box>
    );
  }
  return <Chat key={conversationId} conversation={conversation.data} {...rest} />;
}

function CenteredProgress() {
  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
      <CircularProgress aria-label={strings.common.loading} />
    </Box>
  );
}

function Chat({ conversation: c, user, onLeave, section, onSectionChange }: ChatProps) {
  const queryClient = useQueryClient();
  const messages = useMessages(c.id);
  // Flattened once per change of the pages: the thread's rows are derived from this array.
  const thread = useMemo(() => flattenMessages(messages.data), [messages.data]);
  const online = useConnectionStatus() === 'online';
  const pick = usePickConversation();
  const end = useEndConversation();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [transferring, setTransferring] = useState(false);
  // Supervisors and admins may move any open conversation, and read its audit trail.
  const [reassigning, setReassigning] = useState(false);
  const sections = drawerSectionsFor(user.role);
  const canReassign = user.role !== 'agent' && c.state !== 'ended';
  const [wantEarlier, setWantEarlier] = useState(false);
  const earlier = useEarlierConversations(c.id, wantEarlier);
  const earlierPages = earlier.data?.pages ?? [];
  const canLoadEarlier = !wantEarlier || (earlier.hasNextPage && !earlier.isFetching);
  // Scrolling up first pages back through this conversation, then into the customer's earlier ones.
  const onReachTop = () => {
    if (messages.hasNextPage) {
      if (!messages.isFetchingNextPage) void messages.fetchNextPage();
    } else if (!wantEarlier) setWantEarlier(true);
    else if (earlier.hasNextPage && !earlier.isFetching) void earlier.fetchNextPage();
  };

  const mine = c.state === 'picked' && c.agent?.id === user.id;
  const waiting = c.state === 'queued' || c.state === 'offered';
  const canPick = waiting && user.role === 'agent' && user.queueIds.includes(c.queue.id);

  // Open and on screen: what arrives is read, here and on the user's other devices.
  useReadWhileOpen(c, mine || (c.state === 'offered' && c.offer?.agent.id === user.id));
  const typist = useTypist(c.id);
  const typing = useTypingSignal(c.id);
  const draft = useDraft(c.id);
  const saveDraft = useDraftSaver(c.id);
  const policy = useAttachmentPolicy();
  const uploads = useAttachmentUploads({
    policy: policy.data,
    who: 'agents',
    upload: (file, onProgress, signal) => uploadAttachment(c.id, file, onProgress, signal),
  });
  const sender = useMessageSender({
    outbox: staffOutbox(user.id),
    conversationId: c.id,
    send: sendMessage,
    onSent: (message: Message) =>
      queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(c.id), (d) => mergeMessages(d, [message])),
    online,
  });

  const composerBlockedReason = c.state === 'ended' ? strings.panel.ended : canPick ? strings.panel.pickToReply : mine ? undefined : strings.panel.readOnly;

  return (
    <Box sx={{ flex: 1, display: 'flex', minWidth: 0 }}>
    <ChatDropZone onFiles={uploads.add} disabled={!mine}>
    <Box component="section" aria-label={`Chat with ${c.customer.name}`} sx={{ flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
            <Typography variant="h6" component="h2" noWrap>
              {c.customer.name || c.customer.phone}
            </Typography>
            <UnverifiedChip customer={c.customer} />
          </Stack>
          <Typography variant="body2" color="text.secondary" noWrap>
            {c.queue.name} · {c.source}
          </Typography>
        </Box>
        {c.state === 'picked' && !mine && c.agent && <Chip label={strings.panel.heldBy(c.agent.displayName)} />}
        {c.state === 'ended' && <Chip label={strings.panel.ended} />}
        {canPick && (
          <Button variant="contained" loading={pick.isPending} onClick={() => pick.mutate(c.id)}>
            {strings.panel.pick}
          </Button>
        )}
        {mine && (
          <Button color="error" variant="outlined" onClick={() => setConfirmEnd(true)}>
            {strings.panel.endChat}
          </Button>
        )}
        <ConversationMenu
          label={strings.drawer.actions}
          onOpenSection={onSectionChange}
          onTransfer={mine ? () => setTransferring(true) : undefined}
          onEnd={mine ? () => setConfirmEnd(true) : undefined}
          onReassign={canReassign ? () => setReassigning(true) : undefined}
          sections={sections}
        />
      </Stack>
      {c.lastTransfer && c.state !== 'ended' && (
        <Alert severity="info" sx={{ borderRadius: 0 }} role="note" aria-label={strings.transfer.banner(c.lastTransfer.from.displayName)}>
          <strong>{strings.transfer.banner(c.lastTransfer.from.displayName)}</strong>
          {c.lastTransfer.note && `: ${c.lastTransfer.note}`}
        </Alert>
      )}
      {pick.isError && (
        <Alert severity="warning" onClose={() => pick.reset()} sx={{ borderRadius: 0 }}>
          {errorMessage(pick.error)}
        </Alert>
      )}
      {messages.isError ? (
        <Alert severity="error" sx={{ m: 2 }} action={<Button onClick={() => void messages.refetch()}>{strings.common.retry}</Button>}>
          {errorMessage(messages.error)}
        </Alert>
      ) : messages.isPending ? (
        <CenteredProgress />
      ) : (
        <MessageThread
          messages={thread}
          pending={sender.pending}
          viewer="agent"
          viewerName={user.displayName}
          hasMore={messages.hasNextPage}
          loadingMore={messages.isFetchingNextPage}
          onLoadMore={() => void messages.fetchNextPage({ cancelRefetch: false })}
          onRetry={sender.retry}
          onDiscard={sender.discard}
          typist={typist}
          onReachTop={onReachTop}
          header={
            !messages.hasNextPage && (
              <EarlierConversations
                pages={earlierPages}
                canLoadMore={canLoadEarlier}
                loading={earlier.isFetching}
                onLoadMore={onReachTop}
              />
            )
          }
        />
      )}
      {mine && draft.isPending ? (
        <Box sx={{ p: 2, borderTop: 1, borderColor: 'divider', textAlign: 'center' }}>
          <CircularProgress size={20} aria-label={strings.common.loading} />
        </Box>
      ) : (
        <Composer
          // Remounted when the conversation opens for writing, so it starts from the saved draft.
          key={mine ? 'writing' : 'reading'}
          // Sending empties the text, which also ends "typing" and the draft.
          onSend={sender.submit}
          uploads={uploads}
          disabled={!mine}
          disabledReason={composerBlockedReason}
          initialText={mine ? draft.data?.text : ''}
          onTextChange={
            mine
              ? (text) => {
                  saveDraft(text);
                  typing.input(text);
                }
              : undefined
          }
        />
      )}
      {reassigning && (
        <TransferDialog mode="reassign" conversation={c} onClose={() => setReassigning(false)} onTransferred={() => setReassigning(false)} />
      )}
      {transferring && (
        <TransferDialog
          conversation={c}
          onClose={() => setTransferring(false)}
          onTransferred={() => {
            setTransferring(false);
            onLeave();
          }}
        />
      )}
      <EndChatDialog
        open={confirmEnd}
        customerName={c.customer.name}
        pending={end.isPending}
        error={end.error}
        onCancel={() => {
          setConfirmEnd(false);
          end.reset();
        }}
        onConfirm={() =>
          end.mutate(c.id, {
            onSuccess: () => {
              setConfirmEnd(false);
              onLeave();
            },
          })
        }
      />
    </Box>
    </ChatDropZone>
    {section && sections.includes(section) && (
      <ConversationDrawer conversation={c} section={section} sections={sections} onSectionChange={onSectionChange} onClose={() => onSectionChange(undefined)} />
    )}
    </Box>
  );
}
