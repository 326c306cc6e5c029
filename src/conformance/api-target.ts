/** One way to reach the API: the real server (app.inject) or the MSW handlers (fetch). */
export interface ApiTarget {
  /** The password of every demo user on this target. */
  password: string;
  /** Sends a request; `token` as a bearer token; no token means no credential at all. */
  call(method: string, path: string, opts?: { body?: unknown; token?: string }): Promise<{ status: number; body: unknown }>;
  /** Opens the realtime socket (the server's, or the mocked one); the scenario says hello on it. */
  openSocket(): Promise<RealtimeSocket>;
}

/** What a scenario uses of an open WebSocket (the `ws` package's and the browser's alike). */
export interface RealtimeSocket {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
