import type { AnswerOf, ClientRoute } from '../contract/staff-routes';
import { requestJson, sendFile, type CallOptions, type UploadOptions } from './http';

/**
 * The staff panel's calls: as http.ts makes them, to the routes of contract/staff-routes.ts. An
 * answer is typed as its contract schema's output but not parsed again here: the server already
 * sends every answer through that schema (server/http/define-route.ts), defaults included, and
 * parsing in the browser would put zod and every schema in the panel's first load.
 */
export { ApiRequestError, errorMessage, type CallOptions, type UploadOptions } from './http';

export function callApi<R extends ClientRoute>(route: R, opts: CallOptions = {}): Promise<AnswerOf<R>> {
  return requestJson(route, opts, (json) => json as AnswerOf<R>);
}

/** Uploads one file (http.ts, sendFile). */
export function uploadFile<R extends ClientRoute>(route: R, opts: UploadOptions): Promise<AnswerOf<R>> {
  return sendFile(route, opts, (json) => json as AnswerOf<R>);
}
