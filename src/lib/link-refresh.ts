import type { MessagePage } from '../contract/messages';

/** Refetch this long before the earliest file link expires. */
const MARGIN_MS = 60_000;
/** …but never more often than this. */
const MIN_INTERVAL_MS = 30_000;

/**
 * How long until loaded messages should be refetched so their signed file links never expire
 * while shown (the server keeps them short: see README "Limits on content"); false when no
 * message carries a file. For a message query's `refetchInterval`.
 */
export function linkRefreshInterval(pages: readonly Pick<MessagePage, 'messages'>[] | undefined, now = Date.now()): number | false {
  let earliest = Infinity;
  for (const page of pages ?? []) {
    for (const message of page.messages) for (const a of message.attachments) earliest = Math.min(earliest, Date.parse(a.urlExpiresAt));
  }
  if (!Number.isFinite(earliest)) return false;
  return Math.max(MIN_INTERVAL_MS, earliest - now - MARGIN_MS);
}
