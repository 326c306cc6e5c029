import { loadavg } from 'node:os';

/** The value below which `p` (0–1) of the samples fall; NaN without samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? +n.toFixed(digits) : NaN);

/** The 1, 5 and 15 minute load averages, for reading figures of a shared machine. */
export const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

/** Resolves at `at` (performance.now() time), for open-loop schedules that must not drift. */
export const until = (at: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
