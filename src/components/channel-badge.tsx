import { lazy, Suspense } from 'react';
import type { Channel } from '../contract/conversations';

// The badge (its icon, name and styles) loads right after the first paint (issue 11's budget):
// list rows show it a moment later, before anyone reads them.
const Badge = lazy(() => import('./channel-icons'));

/**
 * The channel a conversation came through: its icon and name ("WhatsApp"). `compact` (narrow list
 * rows) shows the web chat, the usual case, by its icon alone, named for screen readers and on hover.
 */
export function ChannelBadge(props: { channel: Channel; compact?: boolean }) {
  return (
    <Suspense fallback={null}>
      <Badge {...props} />
    </Suspense>
  );
}
