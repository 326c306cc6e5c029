import { describe, expect, it } from 'vitest';
import { estimateFromPickCount, estimateWaitMinutes } from './wait-estimate';

const now = new Date('2026-03-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe('estimateWaitMinutes', () => {
  it('is hidden with fewer than three picks in the last hour', () => {
    expect(estimateWaitMinutes(1, [], now)).toBeNull();
    expect(estimateWaitMinutes(1, [minutesAgo(5), minutesAgo(10)], now)).toBeNull();
    // Older picks do not count.
    expect(estimateWaitMinutes(1, [minutesAgo(5), minutesAgo(10), minutesAgo(61), minutesAgo(90)], now)).toBeNull();
  });

  it('applies the last hour pick rate to the customer position, rounded up', () => {
    const picks = [minutesAgo(5), minutesAgo(20), minutesAgo(40)]; // 3 an hour: one every 20 minutes
    expect(estimateWaitMinutes(1, picks, now)).toBe(20);
    expect(estimateWaitMinutes(2, picks, now)).toBe(40);
    const busy = Array.from({ length: 45 }, (_, i) => minutesAgo(i + 1)); // 45 an hour
    expect(estimateWaitMinutes(1, busy, now)).toBe(2);
    expect(estimateWaitMinutes(3, busy, now)).toBe(4);
  });

  it('ignores picks stamped in the future and positions below 1', () => {
    expect(estimateWaitMinutes(1, [minutesAgo(-5), minutesAgo(1), minutesAgo(2)], now)).toBeNull();
    expect(estimateFromPickCount(0, 10)).toBeNull();
  });
});
