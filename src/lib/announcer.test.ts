import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCE_GATHER_MS, announce, announcement, gathered } from './announcer';

const more = (n: number) => `and ${n} more`;

describe('announcer', () => {
  afterEach(() => vi.useRealTimers());

  it('names the latest two and counts the rest, once each', () => {
    expect(gathered(['A', 'B'], more)).toBe('A. B');
    expect(gathered(['A', 'B', 'B', 'C', 'D'], more)).toBe('C. D. and 2 more');
  });

  it('reads what arrived within a moment as one announcement', () => {
    vi.useFakeTimers();
    announce('New message from Maria', more);
    announce('New message from Lukas', more);
    announce('New offer: Olivia', more);
    expect(announcement()).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_GATHER_MS);
    expect(announcement()).toBe('New message from Lukas. New offer: Olivia. and 1 more');
  });
});
