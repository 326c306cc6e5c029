/** One way to reach the API: the real server (app.inject) or the MSW handlers (fetch). */
export interface ApiTarget {
  /** The password of every demo user on this target. */
  password: string;
  /** Sends a request; `token` as a bearer token; no token means no credential at all. */
  call(method: string, path: string, opts?: { body?: unknown; token?: string }): Promise<{ status: number; body: unknown }>;
}
