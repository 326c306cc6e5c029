/**
 * How close a customer's wait for a reply is to the admin's limit: `near` from 75 % of it
 * (amber), `over` from 100 % (red), `ok` before. Null when nothing awaits a reply.
 */
export type ReplyUrgency = 'ok' | 'near' | 'over';

export const NEAR_LIMIT_FRACTION = 0.75;

export function replyUrgency(awaitingReplySince: string | null, now: number, limitSeconds: number): ReplyUrgency | null {
  if (awaitingReplySince === null) return null;
  const waitedMs = now - Date.parse(awaitingReplySince);
  if (waitedMs >= limitSeconds * 1000) return 'over';
  if (waitedMs >= limitSeconds * 1000 * NEAR_LIMIT_FRACTION) return 'near';
  return 'ok';
}
