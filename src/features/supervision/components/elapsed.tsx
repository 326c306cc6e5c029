import { useClock } from '../../../hooks/use-clock';
import { formatDuration } from '../../../lib/format';
import { elapsedSince } from '../server-clock';

/**
 * Time since `since` on the server's clock, ticking every second. Its own component so a tick
 * re-renders this label only, not the table around it.
 */
export function Elapsed({ since, offsetMs }: { since: string; offsetMs: number }) {
  const now = useClock();
  return <time dateTime={since}>{formatDuration(elapsedSince(since, now, offsetMs))}</time>;
}
