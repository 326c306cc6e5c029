// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { RealtimeConnection } from './realtime';

// The connection loads the frames' schema on first use (not with the page); loaded here first, so a
// test that ends before that import would finish leaves nothing loading after the environment is gone.
beforeAll(() => import('../contract/events'));

/** A WebSocket stand-in: records every socket opened; the test closes them as the server would. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((msg: { data: string }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: URL) {
    FakeSocket.opened.push(this);
  }
  send() {}
  close() {}
  serverCloses(code: number, reason: string) {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

beforeEach(() => {
  FakeSocket.opened = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

it('reconnects with backoff when the server says to try again later (1013), without asking to log in', async () => {
  const onUnauthorized = vi.fn();
  const statuses: string[] = [];
  const connection = new RealtimeConnection({ onFrame: () => {}, onResync: () => {}, onUnauthorized, onStatus: (s) => statuses.push(s) });
  connection.start();
  expect(FakeSocket.opened).toHaveLength(1);

  FakeSocket.opened[0]!.serverCloses(1013, 'Database unavailable; try again later');
  expect(statuses.at(-1)).toBe('offline');
  await vi.advanceTimersByTimeAsync(1000);
  expect(FakeSocket.opened).toHaveLength(2);

  // Still unavailable: the next attempt waits longer.
  FakeSocket.opened[1]!.serverCloses(1013, 'Database unavailable; try again later');
  await vi.advanceTimersByTimeAsync(300);
  expect(FakeSocket.opened).toHaveLength(2);
  await vi.advanceTimersByTimeAsync(1200);
  expect(FakeSocket.opened).toHaveLength(3);
  expect(onUnauthorized).not.toHaveBeenCalled();
  connection.stop();
});
