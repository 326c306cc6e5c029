/**
 * How far the server's clock is ahead of this browser's (negative when behind), from the time the
 * server stamped on an answer and the moment the answer arrived here. Waiting times computed with
 * it agree with the server's, whatever the browser's clock says.
 */
export const serverClockOffset = (serverAt: string, receivedAt: number): number => {
  const at = Date.parse(serverAt);
  return Number.isFinite(at) && receivedAt > 0 ? at - receivedAt : 0;
};

/** Milliseconds from `since` to the server's now, never negative. */
export const elapsedSince = (since: string, now: number, offsetMs: number): number =>
  Math.max(0, now + offsetMs - Date.parse(since));
