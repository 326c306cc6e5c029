import type { z } from 'zod';
import type { RouteDef } from '../contract/route-def';
import { requestJson, sendFile, type CallOptions, type UploadOptions } from './http';

// The staff panel's calls: as http.ts makes them, with every answer parsed by its contract schema.
export { ApiRequestError, errorMessage, type CallOptions, type UploadOptions } from './http';

export function callApi<D extends RouteDef>(route: D, opts: CallOptions = {}): Promise<z.output<D['response']>> {
  return requestJson(route, opts, (json) => route.response.parse(json) as z.output<D['response']>);
}

/** Uploads one file (http.ts, sendFile); an answer its schema refuses is an `internal` ApiRequestError. */
export function uploadFile<D extends RouteDef>(route: D, opts: UploadOptions): Promise<z.output<D['response']>> {
  return sendFile(route, opts, (json) => route.response.parse(json) as z.output<D['response']>);
}
