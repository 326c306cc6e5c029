// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Message } from '../contract/messages';
import { ApiRequestError } from '../lib/api-client';
import { Outbox, type OutboxEntry } from '../lib/outbox';
import { makeMessage } from '../lib/test-factories';
import { UNAVAILABLE_RETRY_FIRST_MS, useMessageSender } from './use-message-sender';

const unavailable = () => new ApiRequestError(503, 'unavailable', 'The service cannot reach its database right now.');
const refused = () => new ApiRequestError(409, 'conversation_ended', 'This conversation has ended.');

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => vi.useRealTimers());

function render(send: (entry: OutboxEntry) => Promise<Message>) {
  const outbox = new Outbox('test-outbox');
  const onSent = vi.fn();
  const hook = renderHook(() => useMessageSender({ outbox, conversationId: 'c1', send, onSent, online: true }));
  return { outbox, onSent, hook };
}

it('sends a message the server could not take for now (503) again by itself, until it is taken', async () => {
  const send = vi
    .fn<(entry: OutboxEntry) => Promise<Message>>()
    .mockRejectedValueOnce(unavailable())
    .mockRejectedValueOnce(unavailable())
    .mockResolvedValue(makeMessage());
  const { outbox, onSent, hook } = render(send);

  await act(async () => hook.result.current.submit('Hello'));
  expect(outbox.forConversation('c1')[0]).toMatchObject({ status: 'failed', error: 'The service cannot reach its database right now.' });

  await act(async () => vi.advanceTimersByTimeAsync(UNAVAILABLE_RETRY_FIRST_MS));
  expect(send).toHaveBeenCalledTimes(2);
  expect(outbox.forConversation('c1')[0]?.status).toBe('failed');

  // The wait doubles: nothing before it is up.
  await act(async () => vi.advanceTimersByTimeAsync(UNAVAILABLE_RETRY_FIRST_MS));
  expect(send).toHaveBeenCalledTimes(2);
  await act(async () => vi.advanceTimersByTimeAsync(UNAVAILABLE_RETRY_FIRST_MS));
  expect(send).toHaveBeenCalledTimes(3);
  expect(outbox.forConversation('c1')).toEqual([]);
  expect(onSent).toHaveBeenCalledTimes(1);
  // Every attempt carried the same client id, so the server stores it once.
  expect(new Set(send.mock.calls.map(([entry]) => entry.clientMessageId)).size).toBe(1);
});

it('leaves a refusal to the user, and a discarded message is not resent', async () => {
  const send = vi.fn<(entry: OutboxEntry) => Promise<Message>>().mockRejectedValueOnce(refused()).mockRejectedValueOnce(unavailable());
  const { outbox, hook } = render(send);

  await act(async () => hook.result.current.submit('Too late'));
  await act(async () => vi.advanceTimersByTimeAsync(60_000));
  expect(send).toHaveBeenCalledTimes(1);
  expect(outbox.forConversation('c1')[0]).toMatchObject({ status: 'failed', error: 'This conversation has ended.' });

  await act(async () => hook.result.current.submit('Discard me'));
  const entry = outbox.forConversation('c1').find((e) => e.text === 'Discard me')!;
  act(() => hook.result.current.discard(entry));
  await act(async () => vi.advanceTimersByTimeAsync(60_000));
  expect(send).toHaveBeenCalledTimes(2);
});
