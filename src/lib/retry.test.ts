// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from './http';
import { backoff, mayRetry, retrying } from './retry';

const lost = () => new ApiRequestError(0, 'network', 'No connection');
const failed = () => new ApiRequestError(503, 'unavailable', 'Down');
const refused = () => new ApiRequestError(409, 'already_picked', 'No');

/** An attempt that fails with each of `failures` in turn, then answers 'ok'. */
function attemptFailing(...failures: Error[]) {
  return vi.fn(async () => {
    const next = failures.shift();
    if (next) throw next;
    return 'ok';
  });
}

let online = true;
beforeEach(() => {
  vi.useFakeTimers();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('mayRetry', () => {
  it('tries again after no answer or a server failure, never after a refusal', () => {
    expect(mayRetry(lost())).toBe(true);
    expect(mayRetry(failed())).toBe(true);
    expect(mayRetry(new TypeError('bad'))).toBe(true);
    expect(mayRetry(refused())).toBe(false);
  });
});

describe('retrying', () => {
  it('waits longer after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((f) => backoff(f, { max: 10_000 }))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('answers with the first success after failures that may mend, waiting as planned between tries', async () => {
    const attempt = attemptFailing(lost(), failed());
    const onRetry = vi.fn();
    const result = retrying(attempt, { retries: 3, delay: (f) => f * 100, onRetry });
    await vi.advanceTimersByTimeAsync(99);
    expect(attempt).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('throws a refusal at once, without trying again', async () => {
    const err = refused();
    const attempt = attemptFailing(err);
    await expect(retrying(attempt, { retries: 3 })).rejects.toBe(err);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('gives up with the last failure once its retries are spent', async () => {
    const last = failed();
    const attempt = attemptFailing(lost(), lost(), last);
    const result = retrying(attempt, { retries: 2, delay: () => 10 });
    const settled = expect(result).rejects.toBe(last);
    await vi.advanceTimersByTimeAsync(50);
    await settled;
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('waits for the network while offline, without counting those failures, and goes on once it is back', async () => {
    online = false;
    const attempt = attemptFailing(lost(), lost());
    const onRetry = vi.fn();
    const result = retrying(attempt, { retries: 0, delay: () => 10, onRetry });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempt).toHaveBeenCalledTimes(1);
    expect(onRetry).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(2);
    online = true;
    window.dispatchEvent(new Event('online'));
    await expect(result).resolves.toBe('ok');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('stops waiting when aborted, with the abort as its error', async () => {
    const abort = new AbortController();
    const result = retrying(attemptFailing(lost()), { retries: 3, delay: () => 60_000, signal: abort.signal });
    const settled = expect(result).rejects.toThrow(/abort/i);
    await vi.advanceTimersByTimeAsync(10);
    abort.abort();
    await settled;
  });
});
