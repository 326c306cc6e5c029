import type { z } from 'zod';
import { buildPath, type RouteDef } from '../contract/route-def';
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

export interface UploadOptions {
  params?: Record<string, string>;
  token?: string;
  /** Field name of the multipart part that carries the file. */
  field: string;
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads one file as multipart/form-data. XMLHttpRequest rather than fetch because only it
 * reports upload progress; the answer is parsed with the route's contract schema all the same.
 */
export function uploadFile<D extends RouteDef>(route: D, opts: UploadOptions): Promise<z.output<D['response']>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(route.method, buildPath(route.path, opts.params));
    xhr.withCredentials = true;
    if (opts.token) xhr.setRequestHeader('Authorization', `Bearer ${opts.token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress?.(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiRequestError(0, 'network', 'No connection to the server. Check your network and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: handled as an unreadable answer below.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = route.response.safeParse(json);
        return parsed.success ? resolve(parsed.data as z.output<D['response']>) : reject(new ApiRequestError(xhr.status, 'internal', 'The server sent an answer this app does not understand.'));
      }
      const error = ApiErrorSchema.safeParse(json);
      reject(
        error.success
          ? new ApiRequestError(xhr.status, error.data.code, error.data.message, error.data)
          : new ApiRequestError(xhr.status, 'internal', xhr.status === 413 ? 'This file is too large.' : `The server answered ${xhr.status}. Please try again.`),
      );
    };
    opts.signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append(opts.field, opts.file, opts.file.name);
    xhr.send(form);
  });
}

/** A message to show for any error thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return 'Something went wrong. Please try again.';
}
