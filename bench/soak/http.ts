import { setTimeout as sleep } from 'node:timers/promises';
import type { Balancer } from './instances';

const REQUEST_TIMEOUT_MS = 10_000;
/** How long a caller keeps retrying one request through crashes and restarts before giving up. */
const RETRY_DEADLINE_MS = 60_000;

export type HttpResult = { status: number; body: unknown };

/** Thrown when a request never got a final answer; the operation may or may not have happened. */
export class GaveUp extends Error {}

/** Answers that say "try again": the server or the database had trouble, nothing was decided. */
const retryable = (status: number) => status >= 500;

/**
 * Calls the API as a client behind a load balancer would: a network error, a timeout or a 5xx is
 * retried with backoff on whichever instance is up, with the same body (so the same client id);
 * any other answer, 2xx or 4xx, is final and returned.
 */
export async function request(
  balancer: Balancer,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; stopped?: () => boolean } = {},
): Promise<HttpResult> {
  const deadline = Date.now() + RETRY_DEADLINE_MS;
  let backoff = 100;
  let last = 'no instance was up';
  for (;;) {
    const base = balancer.next();
    if (base) {
      try {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: {
            ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          },
          body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await res.text();
        const body = text ? safeJson(text) : null;
        if (!retryable(res.status)) return { status: res.status, body };
        last = `${res.status} ${text.slice(0, 200)}`;
      } catch (err) {
        last = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    if (Date.now() > deadline || opts.stopped?.()) throw new GaveUp(`${method} ${path}: ${last}`);
    await sleep(backoff);
    backoff = Math.min(backoff * 2, 2000);
  }
}

/** Like `request`, but anything other than 2xx is an error (for set-up calls that must work). */
export async function requestOk<T>(balancer: Balancer, method: string, path: string, opts: { body?: unknown; token?: string } = {}): Promise<T> {
  const res = await request(balancer, method, path, opts);
  if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
