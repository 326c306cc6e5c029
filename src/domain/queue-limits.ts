import type { OpeningHours, QueueAvailability } from '../contract/opening-hours';
import { ApiError } from './api-error';
import { openingState } from './opening-hours';

/*
 * A queue's opening hours and waiting limit as one rule for the server and the mocks: whether it
 * takes a new conversation now, and the admins' audit words for a change.
 */

export interface QueueLimitSettings {
  openingHours: OpeningHours | null;
  leaveMessage: boolean;
  /** Null: no limit. */
  maxWaiting: number | null;
}

/** A queue's state now; `waiting` counts its conversations waiting or being offered, left messages included. */
export function availabilityOf(limits: QueueLimitSettings, waiting: number, now: number): QueueAvailability {
  return {
    ...openingState(limits.openingHours, now),
    full: limits.maxWaiting !== null && waiting >= limits.maxWaiting,
    leaveMessage: limits.leaveMessage,
  };
}

/**
 * Whether a new conversation may start: null to start now, or the instant (ms) a left message
 * waits until. Throws 409 `service_closed` (closed, and no message left or allowed; never opening
 * again counts as not allowed) or `queue_full` (as many wait as allowed: left messages too).
 */
export function admission(queueName: string, availability: QueueAvailability, leaveMessage: boolean): number | null {
  let heldUntil: number | null = null;
  if (!availability.open) {
    if (!(availability.leaveMessage && leaveMessage && availability.nextOpening !== null)) {
      // The page shows the time in the customer's own zone and language; this text is for API users.
      const when = availability.nextOpening === null ? '' : ` It opens at ${availability.nextOpening}.`;
      throw new ApiError(409, 'service_closed', `${queueName} is closed.${when}`, { availability });
    }
    heldUntil = Date.parse(availability.nextOpening);
  }
  if (availability.full) {
    throw new ApiError(409, 'queue_full', `${queueName} has as many chats waiting as it can take. Please try again later.`, { availability });
  }
  return heldUntil;
}

/** The audit summary's words for what changed in a queue's hours and limits (`before` null: created). */
export function limitChanges(before: QueueLimitSettings | null, after: QueueLimitSettings): string[] {
  const changes: string[] = [];
  const b = before ?? { openingHours: null, leaveMessage: false, maxWaiting: null };
  if (JSON.stringify(b.openingHours) !== JSON.stringify(after.openingHours)) {
    changes.push(
      after.openingHours === null ? 'opening hours removed (always open)' : `opening hours ${b.openingHours === null ? 'set' : 'changed'} (${after.openingHours.timeZone})`,
    );
  }
  if (b.leaveMessage !== after.leaveMessage) changes.push(after.leaveMessage ? 'messages may be left while closed' : 'no messages while closed');
  if (b.maxWaiting !== after.maxWaiting) changes.push(`maximum waiting ${b.maxWaiting ?? 'none'} → ${after.maxWaiting ?? 'none'}`);
  return changes;
}
