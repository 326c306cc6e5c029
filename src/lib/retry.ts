import { ApiRequestError } from './http';

/**
 * When the SPA tries a failed call again: one place for the rule, used by the query cache (staff
 * panel, customer chat) and by the web chat's start screen, which runs without it (issue 11's 120 KB).
 */

/** Tries after the first failed read (a list, a setting) before its error is shown. */
export const READ_RETRIES = 3;

/** A failure another try may mend: no answer, or the server failed. Refusals (4xx) are final. */
export const mayRetry = (err: unknown) => !(err instanceof ApiRequestError) || err.retryable;

/**
 * The browser knows it has no network (its word for "offline" is reliable, for "online" it is not):
 * retrying before it is back only keeps the error away for seconds.
 */
export const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * Wait before try `failures + 1`, doubling from `first`: by default 1 s, 2 s, 4 s… at most 30 s
 * (the query cache's own curve).
 */
export const backoff = (failures: number, { first = 1000, max = 30_000 } = {}) => Math.min(first * 2 ** (failures - 1), max);

interface RetryPlan {
  /** Tries after the first. */
  retries: number;
  /** Milliseconds to wait after the `failures`th failure (1-based). */
  delay?: (failures: number) => number;
  /**
   * Called with each failure that will be tried again, and whether the next try waits for the
   * network (the browser is offline) rather than a delay: the screen may say so meanwhile.
   */
  onRetry?: (err: unknown, waitsForNetwork: boolean) => void;
  signal?: AbortSignal;
}

/**
 * `attempt` until it succeeds, it fails for good (`mayRetry` says no), or `retries` more tries have
 * failed; the last error is thrown. A failure while the browser is offline does not count: the next
 * try waits for the network instead. An abort ends the wait at once with the abort's error.
 */
export async function retrying<T>(attempt: () => Promise<T>, { retries, delay = backoff, onRetry, signal }: RetryPlan): Promise<T> {
  for (let failures = 0; ; ) {
    try {
      return await attempt();
    } catch (err) {
      if (signal?.aborted || !mayRetry(err)) throw err;
      const offline = browserOffline();
      if (!offline && ++failures > retries) throw err;
      onRetry?.(err, offline);
      await pause(offline ? 'online' : delay(failures), signal);
    }
  }
}

/** Resolves after `ms`, or once the window's `online` event fires; rejects when `signal` aborts. */
function pause(until: number | 'online', signal?: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const cleanUp = () => {
      clearTimeout(timer);
      window.removeEventListener('online', resumed);
      signal?.removeEventListener('abort', aborted);
    };
    const resumed = () => {
      cleanUp();
      resolve();
    };
    const aborted = () => {
      cleanUp();
      reject(signal!.reason);
    };
    const timer = until === 'online' ? undefined : setTimeout(resumed, until);
    if (until === 'online') window.addEventListener('online', resumed);
    signal?.addEventListener('abort', aborted);
  });
}
