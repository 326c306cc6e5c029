import { Box, Button, CircularProgress, Divider, Typography } from '@mui/material';
import { MessageBubble } from '../../../components/message-bubble';
import type { Conversation } from '../../../contract/conversations';
import type { Message } from '../../../contract/messages';
import { formatDateTime } from '../../../lib/format';
import { strings } from '../../../lib/strings';

export interface EarlierPage {
  conversation: Conversation | null;
  messages: Message[];
  hasMoreMessages: boolean;
}

interface Props {
  /** Newest first, as loaded. */
  pages: EarlierPage[];
  canLoadMore: boolean;
  loading: boolean;
  onLoadMore(): void;
}

/** The customer's earlier conversations above the current one, oldest at the top, each marked as earlier. */
export function EarlierConversations({ pages, canLoadMore, loading, onLoadMore }: Props) {
  const loaded = pages.filter((p): p is EarlierPage & { conversation: Conversation } => p.conversation !== null).reverse();
  return (
    <Box>
      <Box sx={{ textAlign: 'center', my: 1 }}>
        {loading ? (
          <CircularProgress size={18} aria-label={strings.common.loading} />
        ) : canLoadMore ? (
          <Button size="small" onClick={onLoadMore}>
            {strings.earlier.load}
          </Button>
        ) : (
          pages.length > 0 && (
            <Typography variant="caption" color="text.secondary">
              {strings.earlier.none}
            </Typography>
          )
        )}
      </Box>
      {loaded.map(({ conversation: c, messages, hasMoreMessages }) => (
        <Box key={c.id} component="section" aria-label={strings.earlier.divider(formatDateTime(c.arrivedAt), c.queue.name)} sx={{ opacity: 0.85 }}>
          <Divider sx={{ my: 1.5, px: 2 }}>
            <Typography variant="caption" color="text.secondary">
              {strings.earlier.divider(formatDateTime(c.arrivedAt), c.queue.name)}
            </Typography>
          </Divider>
          {hasMoreMessages && (
            <Typography variant="caption" color="text.secondary" sx={{ display: 'block', textAlign: 'center' }}>
              {strings.earlier.more}
            </Typography>
          )}
          {messages.map((m) => (
            <MessageBubble key={m.id} authorKind={m.authorKind} authorName={m.authorName} text={m.text} attachments={m.attachments} createdAt={m.createdAt} mine={m.authorKind === 'agent'} />
          ))}
        </Box>
      ))}
      {loaded.length > 0 && (
        <Divider sx={{ my: 1.5 }}>
          <Typography variant="caption" color="primary">
            {strings.earlier.current}
          </Typography>
        </Divider>
      )}
    </Box>
  );
}
