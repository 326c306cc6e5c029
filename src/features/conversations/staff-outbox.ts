import { Outbox } from '../../lib/outbox';

const outboxes = new Map<string, Outbox>();

/** One outbox per logged-in user on this device, so two users of one browser never mix drafts. */
export function staffOutbox(userId: string): Outbox {
  let outbox = outboxes.get(userId);
  if (!outbox) {
    outbox = new Outbox(`cp-outbox:staff:${userId}`);
    outboxes.set(userId, outbox);
  }
  return outbox;
}
