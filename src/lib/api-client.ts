import type { z } from 'zod';
import { buildPath, type RouteDef } from '../contract/api';
import { ApiErrorSchema, type ApiErrorBody } from '../contract/errors';

/** An API refusal or a network failure, carrying the server's message for the user. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorBody['code'] | 'network',
    message: string,
    readonly body?: ApiErrorBody,
  ) {
    super(message);
  }

  /** True when retrying later may succeed (no answer, or the server failed). */
  get retryable() {
    return this.code === 'network' || this.status >= 500;
  }
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Bearer token (customers' conversation token); staff browsers use the session cookie. */
  token?: string;
  signal?: AbortSignal;
}

/** The only place the SPA calls `fetch`: every response is parsed with its contract schema. */
export async function callApi<D extends RouteDef>(route: D, opts: CallOptions = {}): Promise<z.output<D['response']>> {
  let url = buildPath(route.path, opts.params);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(opts.query ?? {})) if (value !== undefined) search.set(key, String(value));
  if (search.size) url += `?${search}`;
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;

  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiRequestError(0, 'network', 'No connection to the server. Check your network and try again.');
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data.code, parsed.data.message, parsed.data);
    throw new ApiRequestError(response.status, 'internal', `The server answered ${response.status}. Please try again.`);
  }
  return route.response.parse(json) as z.output<D['response']>;
}

/** A message to show for any error thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return 'Something went wrong. Please try again.';
}
