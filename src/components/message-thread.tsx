import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { useLayoutEffect, useRef } from 'react';
import type { Message } from '../contract/messages';
import type { OutboxEntry } from '../lib/outbox';
import { strings } from '../lib/strings';
import { MessageBubble } from './message-bubble';

interface Props {
  messages: Message[];
  pending: OutboxEntry[];
  /** Which author kind sits on the right: the person looking. */
  viewer: 'agent' | 'customer';
  viewerName: string;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  onRetry?: (entry: OutboxEntry) => void;
  onDiscard?: (entry: OutboxEntry) => void;
}

/** The conversation so far plus unconfirmed sends, kept scrolled to the newest unless the reader scrolled up. */
export function MessageThread({ messages, pending, viewer, viewerName, hasMore, loadingMore, onLoadMore, onRetry, onDiscard }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const confirmed = new Set(messages.map((m) => m.clientMessageId));
  const unconfirmed = pending.filter((e) => !confirmed.has(e.clientMessageId));
  const count = messages.length + unconfirmed.length;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <Box
      ref={scroller}
      role="log"
      aria-label={strings.thread.label}
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      }}
      sx={{ flex: 1, overflowY: 'auto', py: 1, bgcolor: 'background.default' }}
    >
      {hasMore && (
        <Box sx={{ textAlign: 'center', my: 1 }}>
          <Button size="small" onClick={onLoadMore} disabled={loadingMore} startIcon={loadingMore ? <CircularProgress size={14} /> : undefined}>
            {strings.thread.loadEarlier}
          </Button>
        </Box>
      )}
      {count === 0 && (
        <Typography color="text.secondary" sx={{ textAlign: 'center', mt: 4 }}>
          {strings.thread.empty}
        </Typography>
      )}
      {messages.map((m) => (
        <MessageBubble
          key={m.id}
          authorKind={m.authorKind}
          authorName={m.authorName}
          text={m.text}
          createdAt={m.createdAt}
          mine={m.authorKind === viewer}
        />
      ))}
      {unconfirmed.map((e) => (
        <MessageBubble
          key={e.clientMessageId}
          authorKind={viewer}
          authorName={viewerName}
          text={e.text}
          createdAt={e.createdAt}
          mine
          status={e.status}
          error={e.error}
          onRetry={() => onRetry?.(e)}
          onDiscard={() => onDiscard?.(e)}
        />
      ))}
    </Box>
  );
}
