// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../lib/http';
import { retrying } from '../lib/retry';
import { useAction, useRequest, type ActionRetries } from './use-request';

const refused = () => new ApiRequestError(400, 'invalid_request', 'Bad');
const lost = () => new ApiRequestError(0, 'network', 'No connection');

afterEach(() => vi.restoreAllMocks());

describe('useRequest', () => {
  it('reads once when mounted and gives the answer', async () => {
    const load = vi.fn(async () => ['Support']);
    const { result } = renderHook(() => useRequest(load));
    await waitFor(() => expect(result.current.data).toEqual(['Support']));
    expect(result.current.error).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('gives a refusal as its error, without trying again', async () => {
    const err = refused();
    const load = vi.fn(async () => Promise.reject(err));
    const { result } = renderHook(() => useRequest(load));
    await waitFor(() => expect(result.current.error).toBe(err));
    expect(result.current.data).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says it has no network while offline, and reads once the network is back', async () => {
    let online = false;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    const err = lost();
    const load = vi.fn(async () => (online ? 'answer' : Promise.reject(err)));
    const { result } = renderHook(() => useRequest(load));
    await waitFor(() => expect(result.current.error).toBe(err));
    online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current).toEqual({ data: 'answer' }));
  });

  it('drops the answer of a read whose screen has gone', async () => {
    let answer!: (value: string) => void;
    const signals: AbortSignal[] = [];
    const load = vi.fn((signal: AbortSignal) => {
      signals.push(signal);
      return new Promise<string>((resolve) => (answer = resolve));
    });
    const { unmount } = renderHook(() => useRequest(load));
    unmount();
    expect(signals.every((s) => s.aborted)).toBe(true);
    answer('late');
  });
});

describe('useAction', () => {
  it('is pending while it runs and resolves with the value', async () => {
    let finish!: (value: string) => void;
    const { result } = renderHook(() => useAction((input: string) => new Promise<string>((resolve) => (finish = () => resolve(`started ${input}`)))));
    let outcome: Promise<unknown>;
    act(() => void (outcome = result.current.run('chat')));
    expect(result.current.pending).toBe(true);
    await act(async () => finish(''));
    await expect(outcome!).resolves.toEqual({ ok: true, value: 'started chat' });
    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeUndefined();
  });

  it('keeps the failure as its error until cleared or run again', async () => {
    const err = refused();
    const act1 = vi.fn(async () => Promise.reject(err));
    const { result } = renderHook(() => useAction(act1));
    await act(async () => expect(await result.current.run(undefined)).toEqual({ ok: false, error: err }));
    expect(result.current.error).toBe(err);
    act(() => result.current.clearError());
    expect(result.current.error).toBeUndefined();
  });

  it('does not start a second run while one is under way (a double submit)', async () => {
    let finish!: () => void;
    const work = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { result } = renderHook(() => useAction(work));
    let second: unknown;
    await act(async () => {
      void result.current.run(undefined);
      second = await result.current.run(undefined);
    });
    expect(second).toBeNull();
    expect(work).toHaveBeenCalledTimes(1);
    await act(async () => finish());
  });

  it('says it waits for the network while a retry waits offline, until the run ends', async () => {
    let online = false;
    vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
    const send = vi.fn(async () => (online ? 'sent' : Promise.reject(lost())));
    const { result } = renderHook(() => useAction((_: undefined, { onRetry }: ActionRetries) => retrying(send, { retries: 2, onRetry })));
    let outcome: Promise<unknown>;
    act(() => void (outcome = result.current.run(undefined)));
    await waitFor(() => expect(result.current.waitingForNetwork).toBe(true));
    expect(result.current.pending).toBe(true);
    online = true;
    act(() => void window.dispatchEvent(new Event('online')));
    await act(async () => expect(await outcome).toEqual({ ok: true, value: 'sent' }));
    expect(result.current.waitingForNetwork).toBe(false);
    expect(result.current.pending).toBe(false);
  });
});
