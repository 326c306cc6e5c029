/**
 * The numbers and decisions of the touch gestures (swiping a list row, pulling a thread down),
 * apart from the event handling so that they can be tested alone. Distances are CSS pixels.
 */

/** A finger must move this far before a gesture is told from a tap. */
export const SLOP_PX = 10;

/**
 * Which way a touch that moved (dx, dy) from where it started is going: `x` claims it as a swipe,
 * `y` leaves it to the browser's scrolling, null is still undecided. Mostly sideways means at least
 * 1.5 times as far across as down, so a slightly slanted scroll stays a scroll.
 */
export function gestureAxis(dx: number, dy: number, slop = SLOP_PX): 'x' | 'y' | null {
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  if (ax < slop && ay < slop) return null;
  return ax >= ay * 1.5 ? 'x' : 'y';
}

export interface SwipeSpec {
  /** The row's width. */
  width: number;
  /** How wide the revealed actions are: a half swipe leaves the row moved left by this much. */
  reveal: number;
  /** Whether a full swipe does something (ending a held conversation). */
  canFull: boolean;
}

/** How far a fully swiped row must have moved, as a share of its width. */
export const FULL_SWIPE_SHARE = 0.6;
/** A half swipe opens the actions once the row moved this share of their width. */
const OPEN_SHARE = 0.4;

/**
 * Where a row may be dragged to: from its place (0) leftwards, at most the actions' width unless a
 * full swipe is possible, and never past its own width. Rightwards it does not move.
 */
export function clampSwipe(offset: number, { width, reveal, canFull }: SwipeSpec): number {
  const furthest = canFull ? width : reveal;
  return Math.max(-furthest, Math.min(0, offset));
}

/**
 * What letting go of a row moved `offset` (negative: left) does: snap back (`closed`), stay open
 * on the actions (`open`), or take the full-swipe action (`full`).
 */
export function swipeRelease(offset: number, spec: SwipeSpec): 'closed' | 'open' | 'full' {
  const moved = -clampSwipe(offset, spec);
  if (spec.canFull && moved >= spec.width * FULL_SWIPE_SHARE) return 'full';
  return moved >= spec.reveal * OPEN_SHARE ? 'open' : 'closed';
}

/** A pull this long (after damping) loads earlier content when let go. */
export const PULL_TRIGGER_PX = 64;
/** The most a pull shows, however far the finger goes. */
const PULL_MAX_PX = 96;

/** How far the pull indicator shows for a finger that moved `dy` down: half of it, up to a limit. */
export const pullDistance = (dy: number) => Math.max(0, Math.min(PULL_MAX_PX, dy / 2));
