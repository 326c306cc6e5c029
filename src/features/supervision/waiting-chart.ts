import type { WaitingSample } from '../../contract/supervision';

export const CHART_WINDOW_MS = 60 * 60_000;

export interface ChartGeometry {
  /** The step line of waiting counts, in SVG user units. */
  line: string;
  /** The same line closed down to the baseline, for the filled area. */
  area: string;
  /** The top of the scale (at least 1, so an empty queue draws a flat baseline). */
  max: number;
  /** Highest and lowest count in the window, and the latest. */
  highest: number;
  lowest: number;
  latest: number;
  /** Where the line ends (now), in SVG user units: marked so the current count stands out. */
  end: { x: number; y: number };
}

/**
 * Draws the last hour of a queue's waiting counts as a step line: a count holds until the next
 * sample, and the current count (`now`) holds to the right edge. Samples older than the window
 * are clipped to its left edge. Returns null when there is nothing to draw.
 */
export function waitingChartGeometry(
  samples: readonly WaitingSample[],
  current: { at: string; waiting: number },
  size: { width: number; height: number },
): ChartGeometry | null {
  const now = Date.parse(current.at);
  const start = now - CHART_WINDOW_MS;
  const points = [...samples, current]
    .map((s) => ({ t: Date.parse(s.at), v: s.waiting }))
    .filter((p) => Number.isFinite(p.t) && p.t <= now)
    .sort((a, b) => a.t - b.t);
  // The count in force when the window opens is the last sample before it.
  const before = points.filter((p) => p.t <= start).at(-1);
  const inside = points.filter((p) => p.t > start);
  const series = before ? [{ t: start, v: before.v }, ...inside] : inside;
  if (series.length === 0) return null;

  const values = series.map((p) => p.v);
  const highest = Math.max(...values);
  const max = Math.max(1, highest);
  const x = (t: number) => round(((t - start) / CHART_WINDOW_MS) * size.width);
  const y = (v: number) => round(size.height - (v / max) * size.height);

  let line = `M${x(series[0]!.t)},${y(series[0]!.v)}`;
  for (let i = 1; i < series.length; i++) line += ` H${x(series[i]!.t)} V${y(series[i]!.v)}`;
  // The current count is the last point; it holds to the right edge when the clocks differ a little.
  if (x(series.at(-1)!.t) < size.width) line += ` H${size.width}`;
  const area = `${line} V${size.height} H${x(series[0]!.t)} Z`;
  const end = { x: size.width, y: y(current.waiting) };
  return { line, area, max, highest, lowest: Math.min(...values), latest: current.waiting, end };
}

const round = (n: number) => Math.round(n * 10) / 10;
