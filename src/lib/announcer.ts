/**
 * Polite announcements for screen readers (new messages in other conversations, offers, waiting
 * chats): gathered for a moment and read as one sentence, so a busy queue does not flood the
 * reader. The layout's LiveAnnouncer shows the text in a visually hidden live region.
 */

/** How long announcements are gathered before one is read. */
export const ANNOUNCE_GATHER_MS = 1_000;
/** At most this many are read by name; more are counted. */
const MAX_NAMED = 2;

let shown = '';
let pending: string[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

/** What is read out when more were gathered than are named. */
export function gathered(texts: readonly string[], more: (count: number) => string): string {
  const unique = [...new Set(texts)];
  const named = unique.slice(-MAX_NAMED);
  const rest = unique.length - named.length;
  return [...named, ...(rest > 0 ? [more(rest)] : [])].join('. ');
}

export function announce(text: string, more: (count: number) => string) {
  pending.push(text);
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    shown = gathered(pending, more);
    pending = [];
    listeners.forEach((l) => l());
  }, ANNOUNCE_GATHER_MS);
}

export const announcement = () => shown;
export function subscribeAnnouncements(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
