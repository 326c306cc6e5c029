import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { Conversation } from '../../../../contract/conversations';
import { MessageThread } from '../../../../components/message-thread';
import { errorMessage } from '../../../../lib/api-client';
import { formatDateTime } from '../../../../lib/format';
import { flattenMessages } from '../../../../lib/message-cache';
import { strings } from '../../../../lib/strings';
import { drawerContentStrings } from '../../../../lib/drawer-strings';
import { useMessages } from '../../api/get-messages';

/** A read-only transcript of an earlier conversation. */
export function TranscriptDialog({ conversation, onClose }: { conversation: Conversation; onClose(): void }) {
  const messages = useMessages(conversation.id);
  const title = drawerContentStrings.transcriptTitle(formatDateTime(conversation.arrivedAt));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transcript-title">
      <DialogTitle id="transcript-title">
        {title} · {conversation.queue.name}
      </DialogTitle>
      <DialogContent dividers sx={{ p: 0, height: '60vh', display: 'flex', flexDirection: 'column' }}>
        {messages.isPending ? (
          <Box sx={{ p: 4, textAlign: 'center' }}>
            <CircularProgress aria-label={strings.common.loading} />
          </Box>
        ) : messages.isError ? (
          <Alert severity="error" sx={{ m: 2 }}>
            {errorMessage(messages.error)}
          </Alert>
        ) : (
          <MessageThread
            messages={flattenMessages(messages.data)}
            pending={[]}
            viewer="agent"
            viewerName=""
            hasMore={messages.hasNextPage}
            loadingMore={messages.isFetchingNextPage}
            onLoadMore={() => void messages.fetchNextPage({ cancelRefetch: false })}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{drawerContentStrings.close2}</Button>
      </DialogActions>
    </Dialog>
  );
}
