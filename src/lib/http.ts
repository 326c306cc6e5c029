import type { ApiErrorBody } from '../contract/errors';
import { buildPath, type RouteDef } from '../contract/route-def';
import { activeLanguage, hasMessage, t } from './i18n';
import { strings } from './strings';

/**
 * The SPA's calls to the API, without zod: the web chat's first load has no room for it (issue
 * 11's 120 KB), so the schema check of an answer is the caller's `read` (api-client.ts passes the
 * route's contract schema; the web chat trusts its server, see features/webchat/api/call.ts).
 */

/** Where a route is: what a call needs of its contract entry, schemas aside. */
export type RouteAddress = Pick<RouteDef, 'method' | 'path'>;

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

/**
 * A refusal in the reader's language, by its code (src/locales/<locale>/errors.json), with the
 * holder's or the file's name where the body carries one. English, the server's language, shows the
 * server's own sentence, which can say more (which field, which limit); so does a code the catalog
 * has no sentence for.
 */
export function localizedError(body: ApiErrorBody): string {
  const id = `errors.${body.code}`;
  if (activeLanguage() === 'en' || !hasMessage(id)) return body.message;
  const holder = body.holder?.displayName;
  const file = body.upload?.fileName ?? undefined;
  return t(id, { holder, hasHolder: holder ? 'yes' : 'no', file, hasFile: file ? 'yes' : 'no' });
}

/**
 * An error answer of the API. The server builds every one through the contract's ApiErrorSchema;
 * the client relies on its code and message only (and reads `fields`, `holder`, `upload` when there).
 */
function errorBody(json: unknown): ApiErrorBody | null {
  const body = json as Partial<ApiErrorBody> | null;
  return typeof body?.code === 'string' && typeof body.message === 'string' ? (body as ApiErrorBody) : null;
}

function refusal(status: number, json: unknown, fallback: string) {
  const body = errorBody(json);
  return body ? new ApiRequestError(status, body.code, localizedError(body), body) : new ApiRequestError(status, 'internal', fallback);
}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Bearer token (customers' conversation token); staff browsers use the session cookie. */
  token?: string;
  signal?: AbortSignal;
}

/** The only place the SPA calls `fetch`: a JSON call whose successful answer goes through `read`. */
export async function requestJson<T>(route: RouteAddress, opts: CallOptions, read: (json: unknown) => T): Promise<T> {
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
    throw new ApiRequestError(0, 'network', strings.requestFailed.network);
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw refusal(response.status, json, strings.requestFailed.status(response.status));
  return read(json);
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
 * reports upload progress; the answer goes through `read` all the same.
 */
export function sendFile<T>(route: RouteAddress, opts: UploadOptions, read: (json: unknown) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(route.method, buildPath(route.path, opts.params));
    xhr.withCredentials = true;
    if (opts.token) xhr.setRequestHeader('Authorization', `Bearer ${opts.token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && opts.onProgress?.(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiRequestError(0, 'network', strings.requestFailed.network));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: handled as an unreadable answer below.
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        return reject(refusal(xhr.status, json, xhr.status === 413 ? strings.requestFailed.tooLarge : strings.requestFailed.status(xhr.status)));
      }
      try {
        resolve(read(json));
      } catch {
        reject(new ApiRequestError(xhr.status, 'internal', 'The server sent an answer this app does not understand.'));
      }
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
