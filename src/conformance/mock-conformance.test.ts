import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { REALTIME_PATH } from '../contract/api';
import { MOCK_PASSWORD, resetMockData } from '../mocks/data';
import { server } from '../mocks/node';
import type { ApiTarget, RealtimeSocket } from './api-target';
import { scenarios } from './scenarios';

let origins = 0;

describe('API conformance: the mocks', () => {
  beforeAll(() => {
    resetMockData();
    // Node 20 has no WebSocket of its own; MSW replaces the global one (which must exist) with the mocked socket.
    (globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(() => server.close());

  const target: ApiTarget = {
    password: MOCK_PASSWORD,
    async call(method, path, opts = {}) {
      // MSW keeps the cookies its answers set, per origin: a call without a token goes to an origin
      // of its own so that no earlier login's session cookie rides along.
      const origin = opts.token ? 'http://localhost' : `http://anonymous-${++origins}.localhost`;
      const headers: Record<string, string> = {};
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const res = await fetch(new URL(path, origin), { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    async openSocket() {
      const socket = new WebSocket(new URL(REALTIME_PATH, 'ws://localhost'));
      await new Promise((resolve, reject) => {
        socket.addEventListener('open', resolve, { once: true });
        socket.addEventListener('error', reject, { once: true });
      });
      return socket as RealtimeSocket;
    },
  };

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      expect(await scenario.run(target)).toEqual(scenario.expected);
    });
  }
});
