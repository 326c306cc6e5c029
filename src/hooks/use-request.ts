import { useCallback, useEffect, useRef, useState } from 'react';
import { READ_RETRIES, retrying } from '../lib/retry';

/**
 * A read and a write for a screen that runs without the query cache: the web chat's start screen,
 * whose first load has no room for TanStack Query (issue 11's 120 KB). Everything after it (the
 * chat) uses the cache; these two hooks do only what that screen needs, with the same retry rule.
 */

export interface Loaded<T> {
  data?: T;
  /** The final failure; while offline already the last one, as the read waits for the network. */
  error?: unknown;
}

/** Reads `load` once when mounted; failures that may mend are tried again (lib/retry.ts). `load` must be stable. */
export function useRequest<T>(load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({});
  useEffect(() => {
    const abort = new AbortController();
    const { signal } = abort;
    retrying(() => load(signal), { retries: READ_RETRIES, signal, onRetry: (error, waitsForNetwork) => waitsForNetwork && setState({ error }) }).then(
      (data) => setState({ data }),
      (error: unknown) => signal.aborted || setState({ error }),
    );
    return () => abort.abort();
  }, [load]);
  return state;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What `act` is told to call at each failure it will try again (see `retrying`'s `onRetry`). */
export interface ActionRetries {
  onRetry(err: unknown, waitsForNetwork: boolean): void;
}

/**
 * A write the user starts (a form's submit): `run` resolves with its outcome; `pending` while it
 * runs, `waitingForNetwork` while a retry waits for the browser to be online again, `error` until
 * the next run or `clearError`. A run already under way is not started again.
 */
export function useAction<I, O>(act: (input: I, retries: ActionRetries) => Promise<O>) {
  const [pending, setPending] = useState(false);
  const [waitingForNetwork, setWaitingForNetwork] = useState(false);
  const [error, setError] = useState<unknown>();
  const running = useRef(false);
  const run = useCallback(
    async (input: I): Promise<Outcome<O> | null> => {
      if (running.current) return null;
      running.current = true;
      setPending(true);
      setError(undefined);
      try {
        return { ok: true, value: await act(input, { onRetry: (_err, waitsForNetwork) => setWaitingForNetwork(waitsForNetwork) }) };
      } catch (err) {
        setError(err);
        return { ok: false, error: err };
      } finally {
        running.current = false;
        setPending(false);
        setWaitingForNetwork(false);
      }
    },
    [act],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, pending, waitingForNetwork, error, clearError };
}
