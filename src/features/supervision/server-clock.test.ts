import { describe, expect, it } from 'vitest';
import { elapsedSince, serverClockOffset } from './server-clock';

describe('server clock', () => {
  it('measures waits on the server clock, whatever the browser clock says', () => {
    // The browser is 90 s behind: its 09:58:30 is the server's 10:00:00.
    const received = Date.parse('2026-03-02T09:58:30.000Z');
    const offset = serverClockOffset('2026-03-02T10:00:00.000Z', received);
    expect(offset).toBe(90_000);
    // A conversation waiting since 09:59:00 server time, seen 10 s after the answer arrived.
    expect(elapsedSince('2026-03-02T09:59:00.000Z', received + 10_000, offset)).toBe(70_000);
  });

  it('never shows a negative wait, and ignores an answer without a usable time', () => {
    expect(elapsedSince('2026-03-02T10:00:05.000Z', Date.parse('2026-03-02T10:00:00.000Z'), 0)).toBe(0);
    expect(serverClockOffset('not a time', 1000)).toBe(0);
    expect(serverClockOffset('2026-03-02T10:00:00.000Z', 0)).toBe(0);
  });
});
