import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute } from './define-route';

// Browsers do not parse answers (lib/api-client.ts, features/webchat/api/call.ts): what the
// schema adds at parse time (message attachments [], note mentions [], a policy's pixel limit)
// must be in the JSON the server sends.
it('sends the answer as its schema outputs it, parse-time defaults included', async () => {
  const app = Fastify();
  const response = z.object({ text: z.string(), attachments: z.array(z.string()).default([]), note: z.string().trim().default('') });
  defineRoute(app, { method: 'GET', path: '/answer', access: 'public', response }, async () => ({ text: 'hi', note: '  padded ' }));
  const res = await app.inject({ method: 'GET', url: '/answer' });
  expect(res.json()).toEqual({ text: 'hi', attachments: [], note: 'padded' });
  await app.close();
});
