import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: `public` anyone, `staff` a logged-in user, `customer` a conversation token. */
export type RouteAccess = 'public' | 'staff' | 'customer';

export interface RouteDef {
  method: HttpMethod;
  /** Fastify-style path; `:name` segments are parameters. */
  path: string;
  access: RouteAccess;
  /**
   * The path's `:name` segments: an object schema with one key per segment (path-params.ts),
   * required when the path has any (route-def.test.ts checks).
   */
  params?: z.ZodType;
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
  /**
   * `multipart`: the body is multipart/form-data with one file part named `file`
   * (ATTACHMENT_UPLOAD_FIELD); `body` is then absent. JSON otherwise.
   */
  bodyFormat?: 'json' | 'multipart';
  /** `binary`: the answer is file bytes (with Range support), not JSON; errors are still JSON. */
  responseFormat?: 'json' | 'binary';
}

/** Fills `:name` segments of a route path. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}

/** The WebSocket endpoint; frames are described in events.ts. */
export const REALTIME_PATH = '/api/realtime';
