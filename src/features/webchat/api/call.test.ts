import { afterEach, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../../lib/http';
import { callWebchat } from './call';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: string) => vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, { status }));

it('calls a customers’ route by its address, with the token, and returns the answer as sent', async () => {
  const fetch = answer(200, JSON.stringify({ queues: [{ id: 'q1', name: 'Support' }] }));
  vi.stubGlobal('fetch', fetch);
  await expect(callWebchat('webchatQueues', { token: 't0k' })).resolves.toEqual({ queues: [{ id: 'q1', name: 'Support' }] });
  expect(fetch.mock.calls[0]![0]).toBe('/api/webchat/queues');
  expect(fetch.mock.calls[0]![1]).toMatchObject({ method: 'GET', headers: { Authorization: 'Bearer t0k' } });
});

it('turns a refusal into an ApiRequestError carrying the field messages', async () => {
  const body = { code: 'invalid_request', message: 'Check the form.', fields: { email: 'Enter a valid email address' } };
  vi.stubGlobal('fetch', answer(400, JSON.stringify(body)));
  const error = await callWebchat('webchatStart', { body: {} }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(ApiRequestError);
  expect(error).toMatchObject({ status: 400, code: 'invalid_request', message: 'Check the form.', body });
});

it('reads an error page that is not the API’s (a proxy’s 502) as a retryable failure', async () => {
  vi.stubGlobal('fetch', answer(502, '<html>Bad gateway</html>'));
  const error = await callWebchat('webchatQueues').catch((err: unknown) => err);
  expect(error).toMatchObject({ status: 502, code: 'internal', retryable: true });
});
