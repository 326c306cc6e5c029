/**
 * How long the server waits on a client. A request whose body stops arriving is closed after
 * `idleMs` without a byte (the socket's idle timeout), so a stalled upload cannot hold a
 * connection and its rows forever, while a large upload on a slow but steady link still
 * completes: only the total `requestMs` bounds it, and that is long.
 */
export interface HttpTimeouts {
  /** A connection with no bytes in either direction for this long is closed (stalled bodies, silent clients). */
  idleMs: number;
  /** The whole request, headers and body, must have arrived within this (answered 408). */
  requestMs: number;
  /** The request headers must have arrived within this (slow-header attacks). */
  headersMs: number;
  /** An idle keep-alive connection is kept this long; above common load balancers' 60 s, so they close first. */
  keepAliveMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  idleMs: 30_000,
  // The largest upload the policy allows (50 MB) at about 250 kB/s.
  requestMs: 30 * 60_000,
  headersMs: 20_000,
  keepAliveMs: 65_000,
};
