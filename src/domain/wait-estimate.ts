/*
 * The estimated wait shown to a waiting customer, from how fast their queue's conversations were
 * picked recently. Deliberately simple: the queue's pick rate over the last hour, applied to the
 * customer's place in the line. With fewer than MIN_PICKS picks in that hour there is too little
 * to go on and no estimate is shown (a guess from one or two picks misleads more than it helps).
 */

export const ESTIMATE_WINDOW_MINUTES = 60;
export const ESTIMATE_MIN_PICKS = 3;

/**
 * Whole minutes a customer at `position` (1 = next) may expect to wait, rounded up; null when
 * fewer than ESTIMATE_MIN_PICKS of `pickTimes` fall within the last ESTIMATE_WINDOW_MINUTES
 * before `now`.
 */
export function estimateWaitMinutes(position: number, pickTimes: readonly Date[], now: Date): number | null {
  const since = now.getTime() - ESTIMATE_WINDOW_MINUTES * 60_000;
  const picks = pickTimes.filter((t) => t.getTime() > since && t.getTime() <= now.getTime()).length;
  return estimateFromPickCount(position, picks);
}

/** The same rule when the count of picks in the window is already known (the server counts in SQL). */
export function estimateFromPickCount(position: number, picksInWindow: number): number | null {
  if (picksInWindow < ESTIMATE_MIN_PICKS || position < 1) return null;
  return Math.ceil((position * ESTIMATE_WINDOW_MINUTES) / picksInWindow);
}
