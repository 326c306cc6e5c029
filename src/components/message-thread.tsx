import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import { Box, Button, CircularProgress, Divider, Fab, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, memo, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Message } from '../contract/messages';
import type { Note } from '../contract/notes';
import { formatDay } from '../lib/format';
import { pullDistance, PULL_TRIGGER_PX } from '../lib/gestures';
import type { OutboxEntry } from '../lib/outbox';
import { phoneStrings } from '../lib/phone-strings';
import { strings } from '../lib/strings';
import { composerStrings } from '../lib/composer-strings';
import { visuallyHidden } from '../lib/theme';
import { MessageBubble } from './message-bubble';
import { lastContentKey, threadRows, type ThreadRow } from './thread-rows';

// Only the staff panel's threads have notes: the customers' web chat never loads their code.
const NoteRow = lazy(() => import('./note-row').then((m) => ({ default: m.NoteRow })));

interface Props {
  messages: Message[];
  pending: OutboxEntry[];
  /** Which author kind sits on the right: the person looking. */
  viewer: 'agent' | 'customer';
  viewerName: string;
  /** Older messages of this conversation exist that are not loaded yet. */
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  onRetry?: (entry: OutboxEntry) => void;
  onDiscard?: (entry: OutboxEntry) => void;
  /** Shown above the start of the conversation, e.g. the customer's earlier conversations. */
  header?: ReactNode;
  /** The reader scrolled (or wheeled) up at the very top, with every message of this conversation loaded. */
  onReachTop?: () => void;
  /** Name of whoever is typing on the other side, shown under the newest message. */
  typist?: string | null;
  /** Sends again a message of mine that did not reach its messaging channel. */
  onRetryDelivery?: (message: Message) => void;
  /** A message to bring into view and mark briefly (a search result), once it is among `messages`. */
  focusSeq?: number;
  /** `focusSeq` was scrolled to. */
  onFocused?: () => void;
  /** Internal notes, shown at their time among the messages: the agent's thread only, never the customer's. */
  notes?: readonly Note[];
}

/** Within this distance of the end the reader counts as "at the newest message" and is followed. */
const AT_END_PX = 48;
/** Space above the first and below the last row (inside what the virtualizer measures). */
const EDGE_SPACE_PX = 8;
/** The reader is this close to the top: the next older page is fetched before they get there. */
const PREFETCH_VIEWPORTS = 1.5;

/**
 * A row's height before it is measured: about a line per 70 characters, plus files. Close guesses
 * keep the scrollbar honest and the corrections small when the rows are measured.
 */
function estimateRow(row: ThreadRow): number {
  if (row.kind === 'date') return 36;
  if (row.kind === 'typing') return 26;
  if (row.kind === 'note') return 70 + 20 * Math.min(30, Math.ceil(row.note.text.length / 80));
  const { text, attachments = [] } = row.kind === 'message' ? row.message : row.entry;
  if (row.kind === 'message' && row.message.authorKind === 'system') return 36;
  return 50 + 20 * Math.min(30, Math.ceil(text.length / 70)) + 250 * attachments.length;
}

/**
 * The conversation so far plus unconfirmed sends. Only the rows on screen are in the DOM (TanStack
 * Virtual), so a 10,000-message conversation costs what a short one does. It opens at the newest
 * message; older pages are fetched as the reader nears the top and are prepended without moving
 * what the reader looks at (the virtualizer anchors to the row at the top of the view, by key);
 * new messages are followed only while the reader is at the bottom, otherwise a button offers them.
 */
export function MessageThread(props: Props) {
  const { messages, pending, viewer, viewerName, hasMore, loadingMore, onLoadMore, onRetry, onDiscard, header, onReachTop, typist, onRetryDelivery, focusSeq, onFocused, notes } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => threadRows(messages, pending, { complete: !hasMore, typist, notes }), [messages, pending, hasMore, typist, notes]);
  // The virtualizer asks for every row's key and estimate whenever its layout changes (thousands
  // of calls per page of a long thread): plain array reads keep that cheap.
  const { keys, estimates } = useMemo(() => ({ keys: rows.map((r) => r.key), estimates: rows.map(estimateRow) }), [rows]);

  // What sits above the first row (the older-page control, the start marker, earlier
  // conversations) is ordinary content; the virtualizer is told its height as a margin.
  const [topHeight, setTopHeight] = useState(0);
  const measuredTop = useRef(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => estimates[i] ?? 60,
    getItemKey: (i) => keys[i]!,
    scrollMargin: topHeight,
    overscan: 6,
    // Prepends keep the row at the top of the view in place; appends are followed from the end.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
    // The space below the last row is the virtualizer's, not the scroller's padding: it measures
    // the distance from the end without CSS padding, so padding there left the view short of it.
    paddingEnd: EDGE_SPACE_PX,
  });

  // When the content above the rows changes height (a page's loading line gives way to earlier
  // conversations), shift by the same amount so the reader keeps their place, and move the rows.
  const measureTop = useCallback(() => {
    const el = scroller.current;
    const height = top.current?.offsetHeight ?? 0;
    if (!el || height === measuredTop.current) return;
    if (measuredTop.current !== 0) el.scrollTop += height - measuredTop.current;
    measuredTop.current = height;
    setTopHeight(height);
  }, []);
  useLayoutEffect(measureTop);
  useEffect(() => {
    const observer = new ResizeObserver(measureTop);
    if (top.current) observer.observe(top.current);
    return () => observer.disconnect();
  }, [measureTop]);

  // Open at the newest message.
  useLayoutEffect(() => {
    virtualizer.scrollToEnd();
  }, [virtualizer]);

  // New content at the end while the reader is up in the history: offer it instead of moving.
  const atEnd = useRef(true);
  const [unseen, setUnseen] = useState(0);
  // Rows mount and unmount as the reader scrolls, so the log itself is not a live region; what
  // arrives from the other side is read out from here instead.
  const [arrived, setArrived] = useState('');
  const lastKey = lastContentKey(rows);
  const previousLastKey = useRef(lastKey);
  const knownPending = useRef(new Set(pending.map((e) => e.clientMessageId)));
  useLayoutEffect(() => {
    if (lastKey === previousLastKey.current) return;
    const first = previousLastKey.current === undefined;
    previousLastKey.current = lastKey;
    const last = rows.findLast((r) => r.key === lastKey);
    if (!first && last?.kind === 'message' && last.message.authorKind !== viewer) {
      const m = last.message;
      setArrived(strings.thread.arrived(m.authorName, m.text, m.attachments.length));
    }
    const sentNow = pending.some((e) => !knownPending.current.has(e.clientMessageId));
    knownPending.current = new Set(pending.map((e) => e.clientMessageId));
    // The reader's own new message always brings them down to it; so does any while at the end
    // (also when it replaces the typing line, which the virtualizer does not count as appending).
    if (sentNow || atEnd.current) virtualizer.scrollToEnd();
    else setUnseen((n) => n + 1);
  }, [lastKey, pending, rows, viewer, virtualizer]);

  // The view itself shrinks or grows (the composer takes a second line, a phone's keyboard opens,
  // the window is resized): a reader at the end stays at the end. The virtualizer keeps its rows'
  // place on such a change, not the end.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let height = el.clientHeight;
    const observer = new ResizeObserver(() => {
      if (el.clientHeight !== height && atEnd.current) virtualizer.scrollToEnd();
      height = el.clientHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [virtualizer]);

  // A message asked for (a search result): centred once it is loaded, and marked until its
  // animation ends. After the opening scroll to the end, so this one wins.
  const focusIndex = focusSeq === undefined ? -1 : rows.findIndex((r) => r.kind === 'message' && r.message.seq === focusSeq);
  const [marked, setMarked] = useState<string | null>(null);
  const latestOnFocused = useRef(onFocused);
  latestOnFocused.current = onFocused;
  useEffect(() => {
    if (focusIndex === -1) return;
    atEnd.current = false;
    virtualizer.scrollToIndex(focusIndex, { align: 'center' });
    setMarked(keys[focusIndex] ?? null);
    latestOnFocused.current?.();
    // Only when the asked message first appears (or another is asked): not on every new row.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusSeq, focusIndex === -1]);

  const showNewest = () => {
    setUnseen(0);
    virtualizer.scrollToEnd();
    scroller.current?.focus({ preventScroll: true });
  };

  // One request per older page: scroll events keep coming until the page is in.
  const loadRequested = useRef(false);
  const firstKey = rows[0]?.key;
  useEffect(() => {
    if (!loadingMore) loadRequested.current = false;
  }, [loadingMore, firstKey]);
  const loadOlder = () => {
    if (!hasMore || loadingMore || loadRequested.current) return;
    loadRequested.current = true;
    onLoadMore?.();
  };

  // A thread shorter than its box cannot be scrolled: fetch older pages until it fills the box.
  const totalSize = virtualizer.getTotalSize();
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollHeight <= el.clientHeight) loadOlder();
  });

  // Stable callbacks for the memoized rows, always calling the latest props.
  const latest = useRef({ onRetry, onDiscard, onRetryDelivery });
  latest.current = { onRetry, onDiscard, onRetryDelivery };
  const retryDelivery = useCallback((m: Message) => latest.current.onRetryDelivery?.(m), []);
  const retry = useCallback((e: OutboxEntry) => latest.current.onRetry?.(e), []);
  const discard = useCallback((e: OutboxEntry) => latest.current.onDiscard?.(e), []);

  // Touch: pulling down at the top does what an upward wheel does there (older messages, then the
  // caller's own more), also when the thread is too short to scroll.
  const pullStart = useRef<number | null>(null);
  const [pulled, setPulled] = useState(0);
  const canPull = hasMore || onReachTop !== undefined;
  const endPull = (load: boolean) => {
    if (load && pulled >= PULL_TRIGGER_PX) {
      if (hasMore) loadOlder();
      else onReachTop?.();
    }
    pullStart.current = null;
    setPulled(0);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <Box sx={{ flex: 1, position: 'relative', display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Box
        ref={scroller}
        role="log"
        aria-label={strings.thread.label}
        // Rows mount and unmount as the reader scrolls; as a live region the log would read those
        // out. Arriving messages are announced by the live region below instead.
        aria-live="off"
        // Focusable, so the keyboard scrolls it (arrows, Page Up/Down, Home, End).
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX;
          if (atEnd.current && unseen > 0) setUnseen(0);
          if (el.scrollTop < el.clientHeight * PREFETCH_VIEWPORTS) loadOlder();
          // At the very top of a fully loaded conversation: the caller's own more (earlier conversations).
          if (el.scrollTop < 24 && !hasMore) onReachTop?.();
        }}
        onTouchStart={(e) => {
          pullStart.current = canPull && e.touches.length === 1 && e.currentTarget.scrollTop <= 0 ? e.touches[0]!.clientY : null;
        }}
        onTouchMove={(e) => {
          if (pullStart.current === null) return;
          // Scrolled after all (the finger went up first): no pull.
          if (e.currentTarget.scrollTop > 0) return endPull(false);
          // In steps of 4 px: enough for the eye, without a render per touch event.
          const next = Math.round(pullDistance(e.touches[0]!.clientY - pullStart.current) / 4) * 4;
          if (next !== pulled) setPulled(next);
        }}
        onTouchEnd={() => endPull(true)}
        onTouchCancel={() => endPull(false)}
        onWheel={(e) => {
          // A thread too short to scroll still answers an upward wheel at its top.
          if (e.deltaY < 0 && e.currentTarget.scrollTop === 0) {
            if (hasMore) loadOlder();
            else onReachTop?.();
          }
        }}
        // The virtualizer keeps the place by hand; the browser's own anchoring would apply it twice.
        // `contain`: a pull at the top is the thread's, not the browser's reload.
        sx={{
          flex: 1, overflowY: 'auto', overflowAnchor: 'none', overscrollBehaviorY: 'contain', bgcolor: 'background.default',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
          // A message brought into view by a search: a brief glow that fades (reduced motion: a steady one, for the same time).
          '@keyframes thread-marked': { from: { backgroundColor: 'rgba(255, 193, 7, 0.45)' }, to: { backgroundColor: 'rgba(255, 193, 7, 0)' } },
          '& [data-marked]': { animation: 'thread-marked 2.5s ease-in 0.3s both' },
          '@media (prefers-reduced-motion: reduce)': { '& [data-marked]': { animationTimingFunction: 'steps(1, end)' } },
        }}
      >
        <div ref={top} style={{ paddingTop: EDGE_SPACE_PX }}>
          {hasMore ? (
            // One fixed height whether loading or not, so prepending never moves the rows by it.
            <Box sx={{ height: 40, display: 'grid', placeItems: 'center' }}>
              {loadingMore ? (
                <CircularProgress size={20} aria-label={strings.thread.loadingEarlier} />
              ) : (
                <Button size="small" onClick={loadOlder}>
                  {strings.thread.loadEarlier}
                </Button>
              )}
            </Box>
          ) : (
            <>
              {header}
              {rows.length > 0 && (
                <Typography role="note" variant="caption" color="text.secondary" sx={{ display: 'block', textAlign: 'center', mt: 1, fontWeight: 500 }}>
                  {strings.thread.start}
                </Typography>
              )}
            </>
          )}
          {rows.length === 0 && !header && (
            <Typography color="text.secondary" sx={{ textAlign: 'center', mt: 4 }}>
              {strings.thread.empty}
            </Typography>
          )}
        </div>
        <div style={{ height: totalSize, position: 'relative', width: '100%' }}>
          {items.map((item) => (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              data-marked={item.key === marked || undefined}
              onAnimationEnd={item.key === marked ? () => setMarked(null) : undefined}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start - topHeight}px)` }}
            >
              <Row row={rows[item.index]!} viewer={viewer} viewerName={viewerName} onRetry={retry} onDiscard={discard} onRetryDelivery={retryDelivery} />
            </div>
          ))}
        </div>
      </Box>
      {pulled > 0 && (
        <Box
          role="status"
          sx={{ position: 'absolute', top: 0, left: '50%', transform: `translate(-50%, ${pulled - 24}px)`, display: 'flex', alignItems: 'center', gap: 0.5, px: 1.5, py: 0.75, borderRadius: 4, bgcolor: 'background.paper', boxShadow: 2, fontSize: 13, whiteSpace: 'nowrap', pointerEvents: 'none' }}
        >
          <ArrowDownwardIcon fontSize="small" sx={{ transform: pulled >= PULL_TRIGGER_PX ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} aria-hidden />
          {pulled >= PULL_TRIGGER_PX ? phoneStrings.releaseToLoad(hasMore) : phoneStrings.pullToLoad(hasMore)}
        </Box>
      )}
      {unseen > 0 && (
        <Fab variant="extended" size="small" color="primary" onClick={showNewest} sx={{ position: 'absolute', bottom: 12, left: '50%', transform: 'translateX(-50%)' }}>
          <ArrowDownwardIcon fontSize="small" sx={{ mr: 0.5 }} />
          {strings.thread.newMessages}
        </Fab>
      )}
      <Box aria-live="polite" sx={visuallyHidden}>
        {arrived}
        {unseen > 0 && ` ${strings.thread.newMessagesBelow}`}
      </Box>
    </Box>
  );
}

interface RowProps {
  row: ThreadRow;
  viewer: 'agent' | 'customer';
  viewerName: string;
  onRetry(entry: OutboxEntry): void;
  onDiscard(entry: OutboxEntry): void;
  onRetryDelivery(message: Message): void;
}

/** The same content: row objects are rebuilt on every change, their message objects are not. */
const sameRow = (a: RowProps, b: RowProps) =>
  a.viewer === b.viewer &&
  a.viewerName === b.viewerName &&
  a.onRetry === b.onRetry &&
  a.onDiscard === b.onDiscard &&
  a.onRetryDelivery === b.onRetryDelivery &&
  a.row.key === b.row.key &&
  (a.row.kind === 'message' && b.row.kind === 'message'
    ? a.row.message === b.row.message
    : a.row.kind === 'pending' && b.row.kind === 'pending'
      ? a.row.entry === b.row.entry
      : a.row.kind === 'note' && b.row.kind === 'note'
        ? a.row.note === b.row.note
      : a.row.kind === 'date' && b.row.kind === 'date'
        ? a.row.createdAt === b.row.createdAt
        : a.row.kind === 'typing' && b.row.kind === 'typing' && a.row.name === b.row.name);

/** One row; memoized, as rows mount and re-render while the reader scrolls. */
const Row = memo(function Row({ row, viewer, viewerName, onRetry, onDiscard, onRetryDelivery }: RowProps) {
  switch (row.kind) {
    case 'date':
      return (
        <Divider role="separator" aria-label={formatDay(row.createdAt)} sx={{ py: 1, px: 2 }}>
          <Typography variant="caption" color="text.secondary">
            {formatDay(row.createdAt)}
          </Typography>
        </Divider>
      );
    case 'message': {
      const m = row.message;
      return (
        <MessageBubble
          authorKind={m.authorKind}
          authorName={m.authorName}
          text={m.text}
          attachments={m.attachments}
          createdAt={m.createdAt}
          mine={m.authorKind === viewer}
          delivery={m.authorKind === viewer ? m.delivery : undefined}
          onRetryDelivery={() => onRetryDelivery(m)}
        />
      );
    }
    case 'pending': {
      const e = row.entry;
      return (
        <MessageBubble
          authorKind={viewer}
          authorName={viewerName}
          text={e.text}
          attachments={e.attachments}
          createdAt={e.createdAt}
          mine
          status={e.status}
          error={e.error}
          onRetry={() => onRetry(e)}
          onDiscard={() => onDiscard(e)}
        />
      );
    }
    case 'note':
      return (
        <Suspense fallback={null}>
          <NoteRow note={row.note} />
        </Suspense>
      );
    case 'typing':
      return (
        <Typography role="status" variant="caption" color="text.secondary" sx={{ display: 'block', px: 2, py: 0.5, fontStyle: 'italic' }}>
          {composerStrings.typing(row.name)}
        </Typography>
      );
  }
}, sameRow);
