import { describe, expect, it } from 'vitest';
import { clampSwipe, gestureAxis, pullDistance, PULL_TRIGGER_PX, swipeRelease } from './gestures';

describe('gestureAxis', () => {
  it('stays undecided within the slop', () => {
    expect(gestureAxis(0, 0)).toBeNull();
    expect(gestureAxis(-9, 9)).toBeNull();
  });
  it('claims a mostly sideways move as a swipe', () => {
    expect(gestureAxis(-30, 5)).toBe('x');
    expect(gestureAxis(15, -10)).toBe('x');
  });
  it('leaves a vertical or slanted move to scrolling', () => {
    expect(gestureAxis(2, 30)).toBe('y');
    expect(gestureAxis(-20, -20)).toBe('y');
    expect(gestureAxis(-14, 10)).toBe('y');
  });
});

describe('swipe of a row', () => {
  const held = { width: 390, reveal: 176, canFull: true };
  const waiting = { width: 390, reveal: 88, canFull: false };

  it('never moves right, nor past the actions when no full swipe is possible', () => {
    expect(clampSwipe(40, held)).toBe(0);
    expect(clampSwipe(-300, waiting)).toBe(-88);
    expect(clampSwipe(-300, held)).toBe(-300);
    expect(clampSwipe(-500, held)).toBe(-390);
  });

  it('snaps back after a short move', () => {
    expect(swipeRelease(-20, held)).toBe('closed');
    expect(swipeRelease(-34, waiting)).toBe('closed');
  });

  it('stays open on the actions after a half swipe', () => {
    expect(swipeRelease(-80, held)).toBe('open');
    expect(swipeRelease(-176, held)).toBe('open');
    expect(swipeRelease(-233, held)).toBe('open');
    expect(swipeRelease(-36, waiting)).toBe('open');
  });

  it('takes the full-swipe action past 60 % of the width, only where there is one', () => {
    expect(swipeRelease(-234, held)).toBe('full');
    expect(swipeRelease(-390, held)).toBe('full');
    expect(swipeRelease(-390, waiting)).toBe('open');
  });
});

describe('pull down', () => {
  it('shows half the finger’s way, within limits', () => {
    expect(pullDistance(-50)).toBe(0);
    expect(pullDistance(60)).toBe(30);
    expect(pullDistance(1000)).toBe(96);
  });
  it('needs a deliberate pull to load', () => {
    expect(pullDistance(100)).toBeLessThan(PULL_TRIGGER_PX);
    expect(pullDistance(140)).toBeGreaterThanOrEqual(PULL_TRIGGER_PX);
  });
});
