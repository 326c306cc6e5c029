import { describe, expect, it } from 'vitest';
import { CHART_WINDOW_MS, waitingChartGeometry } from './waiting-chart';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const size = { width: 120, height: 30 };

describe('waitingChartGeometry', () => {
  it('steps from sample to sample and holds the current count to the right edge', () => {
    const g = waitingChartGeometry(
      [
        { at: ago(60), waiting: 0 },
        { at: ago(30), waiting: 2 },
      ],
      { at: ago(0), waiting: 1 },
      size,
    )!;
    // x: 0 at an hour ago, 60 at half an hour ago, 120 now; y: 30 for 0, 0 for the highest (2).
    expect(g.line).toBe('M0,30 H60 V0 H120 V15');
    expect(g.area).toBe('M0,30 H60 V0 H120 V15 V30 H0 Z');
    expect(g).toMatchObject({ max: 2, highest: 2, lowest: 0, latest: 1, end: { x: 120, y: 15 } });
  });

  it('clips samples older than the hour to the left edge, keeping the count then in force', () => {
    const g = waitingChartGeometry([{ at: ago(90), waiting: 3 }, { at: ago(15), waiting: 1 }], { at: ago(0), waiting: 1 }, size)!;
    expect(g.line).toBe('M0,0 H90 V20 H120 V20');
    expect(g.highest).toBe(3);
  });

  it('draws a flat baseline for a queue that never had anyone waiting', () => {
    const g = waitingChartGeometry([{ at: ago(40), waiting: 0 }], { at: ago(0), waiting: 0 }, size)!;
    expect(g.max).toBe(1);
    expect(g.line).toBe('M40,30 H120 V30');
  });

  it('ignores samples from the future (a clock ahead of the server)', () => {
    const g = waitingChartGeometry([{ at: new Date(NOW + 60_000).toISOString(), waiting: 9 }], { at: ago(0), waiting: 2 }, size)!;
    expect(g.highest).toBe(2);
    expect(CHART_WINDOW_MS).toBe(3_600_000);
  });
});
