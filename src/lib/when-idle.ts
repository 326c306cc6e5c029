/**
 * Runs `fn` once the browser has nothing more urgent to do (after the page's first load and
 * paint), or after `timeoutMs` at the latest. Safari has no requestIdleCallback: a plain timer.
 */
export function whenIdle(fn: () => void, timeoutMs = 3000): { cancel(): void } {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(() => fn(), { timeout: timeoutMs });
    return { cancel: () => window.cancelIdleCallback(handle) };
  }
  const handle = window.setTimeout(fn, Math.min(timeoutMs, 1000));
  return { cancel: () => window.clearTimeout(handle) };
}
