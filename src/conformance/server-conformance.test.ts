import { expect, it } from 'vitest';
import { describeEachBackend } from '../server/test-support/databases';
import { DEMO_PASSWORD, useTestServer } from '../server/test-support/test-server';
import type { ApiTarget } from './api-target';
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
  };

  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      expect(await scenario.run(target)).toEqual(scenario.expected);
    });
  }
});
