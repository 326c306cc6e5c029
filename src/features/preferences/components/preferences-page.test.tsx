// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../contract/preferences';
import { PreferencesPage } from './preferences-page';

/** Starts suspended, as browsers do before the user has interacted with the page. */
class SuspendedAudioContext extends EventTarget {
  static allowed = false;
  state: AudioContextState = 'suspended';
  currentTime = 0;
  destination = {};
  resume() {
    if (!SuspendedAudioContext.allowed) return new Promise<void>(() => undefined);
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  }
  createOscillator() {
    return { type: 'sine', frequency: { value: 0 }, connect: (node: unknown) => node, start() {}, stop() {} };
  }
  createGain() {
    const param = { setValueAtTime() {}, linearRampToValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return { gain: param, connect: (node: unknown) => node };
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderPage(preferences: Preferences, onPut: (body: unknown) => Response | Promise<Response>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'PUT' ? onPut(JSON.parse(String(init.body))) : json(200, { preferences }),
    ),
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <PreferencesPage role="agent" />
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  SuspendedAudioContext.allowed = false;
  vi.stubGlobal('AudioContext', SuspendedAudioContext);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PreferencesPage', () => {
  it('moves a switch at once and back again, with the reason, when the server refuses the change', async () => {
    let refuse!: () => void;
    renderPage(DEFAULT_PREFERENCES, () => new Promise((resolve) => (refuse = () => resolve(json(500, { code: 'internal', message: 'The database is unavailable.' })))));
    const desktop = await screen.findByRole<HTMLInputElement>('switch', { name: 'Desktop notifications' });
    expect(desktop.checked).toBe(false);

    await userEvent.click(desktop);
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Desktop notifications' }).checked).toBe(true);
    refuse();
    expect((await screen.findByRole('alert')).textContent).toBe('Your change was not saved: The database is unavailable.');
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'Desktop notifications' }).checked).toBe(false);
  });

  it('keeps a saved change', async () => {
    const put = vi.fn((_body: unknown) => json(200, { preferences: { ...DEFAULT_PREFERENCES, notifications: { ...DEFAULT_PREFERENCES.notifications, newMessages: false } } }));
    renderPage(DEFAULT_PREFERENCES, put);
    await userEvent.click(await screen.findByRole('switch', { name: 'New messages in my conversations' }));
    await waitFor(() => expect(put).toHaveBeenCalledWith({ notifications: { newMessages: false } }));
    expect(screen.getByRole<HTMLInputElement>('switch', { name: 'New messages in my conversations' }).checked).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when the browser keeps the panel silent, and the test sound lifts it', async () => {
    renderPage({ ...DEFAULT_PREFERENCES, notifications: { ...DEFAULT_PREFERENCES.notifications, sound: true } }, () => json(500, {}));
    expect(await screen.findByText(/keeps the panel silent until you interact/)).toBeTruthy();

    // The button press is the gesture browsers wait for.
    SuspendedAudioContext.allowed = true;
    await userEvent.click(screen.getByRole('button', { name: 'Play test sound' }));
    expect(await screen.findByText(/Did you hear it/)).toBeTruthy();
    expect(screen.queryByText(/keeps the panel silent/)).toBeNull();
  });
});
