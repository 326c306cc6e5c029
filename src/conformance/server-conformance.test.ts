import { expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { REALTIME_PATH } from '../contract/api';
import { describeEachBackend } from '../server/test-support/databases';
import { DEMO_PASSWORD, useTestServer } from '../server/test-support/test-server';
import type { ApiTarget, RealtimeSocket } from './api-target';
import { scenarios } from './scenarios';

describeEachBackend('API conformance: the server', (backend) => {
  const server = useTestServer(backend);
  const target: ApiTarget = {
    password: DEMO_PASSWORD,
    async call(method, url, opts = {}) {
      const res = await server.app.inject({
        method: method as 'GET',
        url,
        ...(opts.body === undefined ? {} : { payload: JSON.stringify(opts.body), headers: { 'content-type': 'application/json' } }),
        ...(opts.token ? { headers: { authorization: `Bearer ${opts.token}`, ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }) } } : {}),
      });
      return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as unknown) : null };
    },
    async openSocket() {
      const socket = new WebSocket(`${(await server.listen()).replace(/^http/, 'ws')}${REALTIME_PATH}`);
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      return socket as unknown as RealtimeSocket;
    },
  };

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      expect(await scenario.run(target)).toEqual(scenario.expected);
    });
  }
});
