import type { Page } from '@playwright/test';

// The in-page scripts are strings: tsx compiles bench files with esbuild's keepNames, whose
// __name() helper would be called inside the page, where it does not exist.

/** Records the time between animation frames until the returned stop() is called. */
export async function startFrameRecorder(page: Page) {
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return () => page.evaluate<number[]>(`(() => { window.__recording = false; return window.__frames.slice(1); })()`);
}

/** The p-th percentile (nearest rank) of `values`; 0 when there are none. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** The middle value of `values` (the mean of the two middle ones for an even count); NaN when there are none. */
export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** One decimal, for printing milliseconds. */
export const round = (n: number) => Math.round(n * 10) / 10;
