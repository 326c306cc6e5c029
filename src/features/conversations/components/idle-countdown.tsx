import { Chip } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Conversation } from '../../../contract/conversations';
import { chatPaneStrings } from '../../../lib/chat-pane-strings';

/** Whether the warning still stands: a message newer than it (the cache adds them live) started the clock again. */
export function activeIdleWarning(c: Pick<Conversation, 'state' | 'idleWarning' | 'lastMessage'>): { endsAt: string } | null {
  const w = c.idleWarning;
  if (!w || c.state === 'ended') return null;
  if (c.lastMessage && Date.parse(c.lastMessage.createdAt) > Date.parse(w.warnedAt)) return null;
  return w;
}

/** "0:42": minutes and seconds left, never below zero. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The chat header's countdown once the customer was warned of inactivity: when the conversation
 * ends by itself unless someone writes. Ticks each second; the server ends it, not this.
 */
export function IdleCountdown({ conversation }: { conversation: Conversation }) {
  const warning = activeIdleWarning(conversation);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!warning) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [warning]);
  if (!warning) return null;
  return <Chip color="warning" size="small" sx={{ flexShrink: 0 }} role="timer" aria-live="off" label={chatPaneStrings.endsForInactivity(formatLeft(Date.parse(warning.endsAt) - now))} />;
}
