import { afterEach, expect, it, vi } from 'vitest';
import { staffRoutes } from '../contract/staff-routes';
import { ApiRequestError, callApi } from './api-client';

afterEach(() => vi.unstubAllGlobals());

it('carries the server’s message and asks for a retry when the database is unavailable', async () => {
  const message = 'The service cannot reach its database right now. Please try again in a moment.';
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ code: 'unavailable', message }), { status: 503, headers: { 'Retry-After': '5' } })),
  );
  const error = await callApi(staffRoutes.queues).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(ApiRequestError);
  expect(error).toMatchObject({ status: 503, code: 'unavailable', message, retryable: true });
});
