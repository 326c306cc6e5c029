import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
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
  /** Shown above the messages, e.g. the customer's earlier conversations. */
  header?: ReactNode;
  /** Identifies the topmost content; when it changes the view keeps its place instead of jumping. */
  topKey?: string;
  /** The reader scrolled (or wheeled) up at the very top. */
  onReachTop?: () => void;
  /** Name of whoever is typing on the other side, shown under the newest message. */
  typist?: string | null;
}

/** The conversation so far plus unconfirmed sends, kept scrolled to the newest unless the reader scrolled up. */
export function MessageThread(props: Props) {
  const { messages, pending, viewer, viewerName, hasMore, loadingMore, onLoadMore, onRetry, onDiscard, header, onReachTop, typist } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const confirmed = new Set(messages.map((m) => m.clientMessageId));
  const unconfirmed = pending.filter((e) => !confirmed.has(e.clientMessageId));
  const count = messages.length + unconfirmed.length;

  const topKey = props.topKey ?? messages[0]?.id;
  const previous = useRef({ height: 0, topKey });

  // After every render: follow new messages when the reader is at the bottom; when older content
  // was added above, shift by its height so what the reader was looking at stays in place.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (topKey !== previous.current.topKey && previous.current.height > 0) {
      el.scrollTop += el.scrollHeight - previous.current.height;
      stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    } else if (stickToBottom.current) el.scrollTop = el.scrollHeight;
    previous.current = { height: el.scrollHeight, topKey };
  });

  return (
    <Box
      ref={scroller}
      role="log"
      aria-label={strings.thread.label}
      aria-live="polite"
      onScroll={(e) => {
        const el = e.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
        if (el.scrollTop < 24) onReachTop?.();
      }}
      onWheel={(e) => {
        // A thread too short to scroll still answers an upward wheel at its top.
        if (e.deltaY < 0 && e.currentTarget.scrollTop === 0) onReachTop?.();
      }}
      // Scroll position is kept by hand above; the browser's own anchoring would apply it twice.
      sx={{ flex: 1, overflowY: 'auto', overflowAnchor: 'none', py: 1, bgcolor: 'background.default' }}
    >
      {header}
      {hasMore && (
        <Box sx={{ textAlign: 'center', my: 1 }}>
          <Button size="small" onClick={onLoadMore} disabled={loadingMore} startIcon={loadingMore ? <CircularProgress size={14} /> : undefined}>
            {strings.thread.loadEarlier}
          </Button>
        </Box>
      )}
      {count === 0 && !header && (
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
          attachments={m.attachments}
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
          attachments={e.attachments}
          createdAt={e.createdAt}
          mine
          status={e.status}
          error={e.error}
          onRetry={() => onRetry?.(e)}
          onDiscard={() => onDiscard?.(e)}
        />
      ))}
      {typist && (
        <Typography role="status" variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, py: 0.5, fontStyle: 'italic' }}>
          {strings.composer.typing(typist)}
        </Typography>
      )}
    </Box>
  );
}
