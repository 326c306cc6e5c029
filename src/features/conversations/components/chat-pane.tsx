import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ViewSidebarOutlinedIcon from '@mui/icons-material/ViewSidebarOutlined';
import { Alert, Box, Button, Chip, CircularProgress, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useQueryClient, useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import type { User } from '../../../contract/auth';
import type { Conversation } from '../../../contract/conversations';
import type { Message } from '../../../contract/messages';
import { Composer } from '../../../components/composer';
import type { UseComposerInserts } from '../../../components/composer-inserts';
import { useConnectionStatus } from '../../../components/connection-status';
import { IdleCountdown } from './idle-countdown';
import { PagedMessageThread } from '../../../components/paged-message-thread';
import { ChatDropZone } from '../../../components/chat-drop-zone';
import { useAttachmentUploads } from '../../../hooks/use-attachment-uploads';
import { useLayout } from '../../../hooks/use-layout';
import { useCommand } from '../../../hooks/use-shortcuts';
import { keyboardStrings } from '../../../lib/keyboard-strings';
import { requestFocus, shortcutKey, takeFocusIntent } from '../../../lib/shortcuts';
import { phoneStrings } from '../../../lib/phone-strings';
import { useMessageSender } from '../../../hooks/use-message-sender';
import { useTypingSignal, useTypist } from '../../../hooks/use-typing';
import { errorMessage } from '../../../lib/api-client';
import { mergeMessages, type MessagePages } from '../../../lib/message-cache';
import { queryKeys } from '../../../lib/query-keys';
import { strings } from '../../../lib/strings';
import { chatPaneStrings } from '../../../lib/chat-pane-strings';
import { drawerStrings, panelStrings } from '../../../lib/staff-page-strings';
import { conversationQueryOptions } from '../api/get-conversation';
import { messagesQueryOptions } from '../api/get-messages';
import { usePickConversation } from '../api/pick-conversation';
import { useDraft, useDraftSaver } from '../api/draft';
import { useAttachmentPolicy } from '../api/get-attachment-policy';
import { sendMessage } from '../api/send-message';
import { uploadAttachment } from '../api/upload-attachment';
import { staffOutbox } from '../staff-outbox';
import { useEarlierConversations } from '../api/get-earlier-conversations';
import { useNotes } from '../api/get-notes';
import { useReadWhileOpen } from '../hooks/use-read-while-open';
import { drawerSectionsFor, type DrawerSection } from '../drawer-section';
import { ConversationMenu } from './conversation-menu';
import { ConversationDrawer } from './drawer/conversation-drawer';
import { EarlierConversations } from './earlier-conversations';
import { EndChatDialog } from './end-chat-dialog';
import { TransferDialog } from './transfer-dialog';
import { UnverifiedChip } from '../../../components/customer-identity-chip';
import { ChannelBadge } from '../../../components/channel-badge';
import { useRetryDelivery } from '../api/retry-message';
import { channelComposerRules } from '../channel-composer';

interface Props {
  conversationId: string;
  user: User;
  /** After the chat ended or was transferred away: the caller leaves the pane. */
  onLeave(): void;
  /** The open drawer section, if any (the URL's, or on a wide screen the one the user left open). */
  section?: DrawerSection;
  /** The section the header's side-panel toggle opens (the one last chosen). */
  toggleSection?: DrawerSection;
  onSectionChange(section: DrawerSection | undefined): void;
  /** Back to the list: shown on a phone, where the conversation fills the screen. */
  onBack?(): void;
  /** Ready-made text for the composer (canned responses), from the page: features do not import each other. */
  useComposerInserts: UseComposerInserts;
  /** A message to show (a search result's seq): the thread loads the pages down to it, scrolls there and marks it. */
  focusSeq?: number;
  /** The thread has shown `focusSeq`. */
  onFocused?(): void;
}

type ChatProps = Omit<Props, 'conversationId'> & { conversation: Conversation };

/**
 * The open conversation, read from the cache the conversation route's loader filled. Its own
 * Suspense boundary, new for each conversation, shows a spinner at once when another one is
 * opened, rather than the previous chat (and its composer) until the next one is in. Errors go
 * to the route's error component.
 */
export function ChatPane(props: Props) {
  return (
    <Suspense key={props.conversationId} fallback={<CenteredProgress />}>
      <LoadedChatPane {...props} />
    </Suspense>
  );
}

function LoadedChatPane({ conversationId, ...rest }: Props) {
  const conversation = useSuspenseQuery(conversationQueryOptions(conversationId));
  return <Chat conversation={conversation.data} {...rest} />;
}

function CenteredProgress() {
  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center' }}>
      <CircularProgress aria-label={strings.common.loading} />
    </Box>
  );
}

function Chat({ conversation: c, user, onLeave, section, toggleSection, onSectionChange, onBack, useComposerInserts, focusSeq, onFocused }: ChatProps) {
  const layout = useLayout();
  const panelId = useId();
  const phone = layout === 'phone';
  const queryClient = useQueryClient();
  const messages = useSuspenseInfiniteQuery(messagesQueryOptions(c.id));
  // Internal notes sit in the thread at their time; until they are in, the messages show alone.
  const notes = useNotes(c.id);
  const online = useConnectionStatus() === 'online';
  const pick = usePickConversation();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [transferring, setTransferring] = useState(false);
  // Supervisors and admins may move any open conversation, and read its audit trail.
  const [reassigning, setReassigning] = useState(false);
  const sections = drawerSectionsFor(user.role);
  const panelOpen = section !== undefined && sections.includes(section);
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
  const inserts = useComposerInserts({ conversation: c, user, uploads, writing: mine });
  const sender = useMessageSender({
    outbox: staffOutbox(user.id),
    conversationId: c.id,
    send: sendMessage,
    onSent: (message: Message) =>
      queryClient.setQueryData<MessagePages>(queryKeys.conversations.messages(c.id), (d) => mergeMessages(d, [message])),
    online,
  });

  // The keyboard's place: in the composer once the chat is open for writing (after Pick or after
  // opening it from a list), in the drawer section the agent opened, back in the list after End.
  const composerBox = useRef<HTMLDivElement>(null);
  const pickButton = useRef<HTMLButtonElement>(null);
  const composerField = () => composerBox.current?.querySelector<HTMLTextAreaElement>('textarea:not([aria-hidden="true"])') ?? null;
  const writable = mine && !draft.isPending;
  useEffect(() => {
    // Mine, with the draft still loading: the composer comes next.
    if (mine && !writable) return;
    // Taken even where nothing can be written (someone else's chat), so it does not linger for a later one.
    if (!takeFocusIntent('composer')) return;
    const field = composerField();
    if (writable && field && !field.disabled) field.focus();
    else if (canPick) pickButton.current?.focus();
  }, [c.id, mine, writable, canPick]);
  // Counts the openings asked for: Alt+N with the notes already open moves the keyboard there too.
  const [sectionAsked, setSectionAsked] = useState(0);
  const openSection = (next: DrawerSection | undefined) => {
    if (next) {
      requestFocus('section');
      setSectionAsked((n) => n + 1);
    }
    onSectionChange(next);
  };
  useCommand('composer', () => {
    const field = composerField();
    if (field && !field.disabled) field.focus();
    else pickButton.current?.focus();
  });
  useCommand('notes', () => openSection('notes'), sections.includes('notes'));
  useCommand('transfer', () => setTransferring(true), mine);
  useCommand('end', () => setConfirmEnd(true), mine);
  const pickHere = () => {
    requestFocus('composer');
    pick.mutate(c.id);
  };

  // A phone's header has room for one line under the name: the queue and, when not mine, who holds it.
  const stateLine = c.state === 'ended' ? chatPaneStrings.ended : c.state === 'picked' && !mine && c.agent ? chatPaneStrings.heldBy(c.agent.displayName) : undefined;
  // A messaging channel's limits (SMS text only, WhatsApp's 24-hour window); null for web chats.
  const channelRules = channelComposerRules(c);
  const retryDelivery = useRetryDelivery(c.id);
  const channelBlocked = mine ? (channelRules?.blockedReason ?? undefined) : undefined;
  const composerBlockedReason =
    c.state === 'ended' ? chatPaneStrings.ended : canPick ? chatPaneStrings.pickToReply : mine ? channelBlocked : chatPaneStrings.readOnly;

  return (
    <Box sx={{ flex: 1, display: 'flex', minWidth: 0, position: 'relative' }}>
    <ChatDropZone onFiles={uploads.add} disabled={!mine || channelRules?.attachments === false || channelBlocked !== undefined}>
    <Box component="section" id="chat" tabIndex={-1} aria-label={chatPaneStrings.chatWith(c.customer.name)} sx={{ outline: 'none',  flex: 1, display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0 }}>
      <Stack
        direction="row"
        spacing={phone ? 0.5 : 2}
        sx={{
          alignItems: 'center',
          px: phone ? 0.5 : 2,
          py: phone ? 0.5 : 1.5,
          // Full screen on a phone: clear of the notch and the rounded corners.
          pt: phone ? 'max(4px, env(safe-area-inset-top))' : undefined,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        {phone && onBack && (
          <IconButton aria-label={phoneStrings.back} onClick={onBack}>
            <ArrowBackIcon />
          </IconButton>
        )}
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 0 }}>
            <Typography variant="h6" component="h2" noWrap sx={phone ? { fontSize: 17 } : undefined}>
              {c.customer.name || c.customer.phone}
            </Typography>
            {c.channel === 'webchat' && <UnverifiedChip customer={c.customer} />}
          </Stack>
          <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center', minWidth: 0 }}>
            <ChannelBadge channel={c.channel} />
            <Typography variant="body2" color="text.secondary" aria-hidden>
              ·
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap>
              {c.queue.name} · {phone ? stateLine ?? c.source : c.source}
            </Typography>
            {/* On the second line, so the customer's name keeps its room; the address gives way. */}
            <IdleCountdown conversation={c} />
          </Stack>
        </Box>
        {!phone && c.state === 'picked' && !mine && c.agent && <Chip label={chatPaneStrings.heldBy(c.agent.displayName)} />}
        {!phone && c.state === 'ended' && <Chip label={chatPaneStrings.ended} />}
        {canPick && (
          <Tooltip title={keyboardStrings.withKey(panelStrings.pick, shortcutKey('pickTop'))} describeChild>
            <Button ref={pickButton} variant="contained" loading={pick.isPending} onClick={pickHere}>
              {panelStrings.pick}
            </Button>
          </Tooltip>
        )}
        {/* On a phone, End chat is in the action menu beside it. */}
        {mine && !phone && (
          <Tooltip title={keyboardStrings.withKey(panelStrings.endChat, shortcutKey('end'))} describeChild>
            <Button color="error" variant="outlined" onClick={() => setConfirmEnd(true)}>
              {panelStrings.endChat}
            </Button>
          </Tooltip>
        )}
        {/* On a phone the panel is a sheet opened from the ⋮ menu; elsewhere this shows or hides it. */}
        {!phone && (
          <Tooltip title={panelOpen ? drawerStrings.hide : drawerStrings.show} describeChild>
            <IconButton
              aria-label={drawerStrings.toggle}
              aria-pressed={panelOpen}
              aria-controls={panelOpen ? panelId : undefined}
              onClick={() => openSection(panelOpen ? undefined : (toggleSection ?? sections[0]))}
            >
              <ViewSidebarOutlinedIcon color={panelOpen ? 'primary' : undefined} />
            </IconButton>
          </Tooltip>
        )}
        <ConversationMenu
          label={drawerStrings.actions}
          onOpenSection={openSection}
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
      {retryDelivery.isError && (
        <Alert severity="warning" onClose={() => retryDelivery.reset()} sx={{ borderRadius: 0 }}>
          {errorMessage(retryDelivery.error)}
        </Alert>
      )}
      {pick.isError && (
        <Alert severity="warning" onClose={() => pick.reset()} sx={{ borderRadius: 0 }}>
          {errorMessage(pick.error)}
        </Alert>
      )}
      <PagedMessageThread
        pages={messages}
        sender={sender}
        viewer="agent"
        viewerName={user.displayName}
        onRetryDelivery={mine ? (m) => retryDelivery.mutate(m.id) : undefined}
        typist={typist}
        notes={notes.data}
        onReachTop={onReachTop}
        focusSeq={focusSeq}
        onFocused={onFocused}
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
      {/* Clear of the home indicator on a phone; the on-screen keyboard shrinks the frame above it. */}
      <Box ref={composerBox} id="chat-composer" sx={{ pb: phone ? 'env(safe-area-inset-bottom)' : undefined, bgcolor: 'background.paper' }}>
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
          uploads={channelRules?.attachments === false ? undefined : uploads}
          inserts={inserts}
          disabled={!mine || channelBlocked !== undefined}
          disabledReason={composerBlockedReason}
          maxLength={channelRules?.maxLength}
          hint={mine ? channelRules?.hint : undefined}
          initialText={mine ? draft.data?.text : ''}
          syncedText={mine ? draft.data?.text : undefined}
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
      </Box>
      {reassigning && (
        <TransferDialog mode="reassign" conversation={c} onClose={() => setReassigning(false)} onTransferred={() => setReassigning(false)} />
      )}
      {transferring && (
        <TransferDialog
          conversation={c}
          onClose={() => setTransferring(false)}
          onTransferred={() => {
            setTransferring(false);
            requestFocus('list');
            onLeave();
          }}
        />
      )}
      <EndChatDialog
        conversation={c}
        open={confirmEnd}
        onClose={() => setConfirmEnd(false)}
        onEnded={() => {
          setConfirmEnd(false);
          requestFocus('list');
          onLeave();
        }}
      />
    </Box>
    </ChatDropZone>
    {section && panelOpen && (
      <ConversationDrawer
        id={panelId}
        conversation={c}
        section={section}
        sectionAsked={sectionAsked}
        sections={sections}
        onSectionChange={onSectionChange}
        onClose={() => onSectionChange(undefined)}
        // Beside the chat on a desktop, over it on a tablet, the whole screen on a phone.
        placement={layout === 'desktop' ? 'side' : layout === 'tablet' ? 'over' : 'screen'}
      />
    )}
    </Box>
  );
}
