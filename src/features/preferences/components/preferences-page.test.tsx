// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { User } from '../../../contract/auth';
import { createQueryClient } from '../../../lib/query-client';
import { mockData } from '../../../mocks/data';
import { answeredRequests, failNext, logInMock, setUpMockApi } from '../../../mocks/testing';
import { preferencesQueryOptions } from '../api/get-preferences';
import { updatePreferences } from '../api/update-preferences';
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

/** Renders the page as its route does: after the loader has put the preferences in the cache. */
async function renderPage() {
  const queryClient = createQueryClient();
  await queryClient.ensureQueryData(preferencesQueryOptions());
  render(
    <QueryClientProvider client={queryClient}>
      {/* The page reads its data suspended; the boundary is the route's. */}
      <Suspense fallback={null}>
        <PreferencesPage role="agent" />
      </Suspense>
    </QueryClientProvider>,
  );
}

const switchNamed = (name: string) => screen.getByRole<HTMLInputElement>('switch', { name });

setUpMockApi();
let anna: User;
beforeEach(async () => {
  SuspendedAudioContext.allowed = false;
  vi.stubGlobal('AudioContext', SuspendedAudioContext);
  ({ user: anna } = await logInMock('anna'));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PreferencesPage', () => {
  it('moves a switch at once and back again, with the reason, when the server refuses the change', async () => {
    let release!: () => void;
    failNext('updatePreferences', 500, { code: 'internal', message: 'The database is unavailable.' }, new Promise((resolve) => (release = resolve)));
    await renderPage();
    const desktop = await screen.findByRole<HTMLInputElement>('switch', { name: 'Desktop notifications' });
    expect(desktop.checked).toBe(false);

    await userEvent.click(desktop);
    expect(switchNamed('Desktop notifications').checked).toBe(true);
    release();
    expect((await screen.findByRole('alert')).textContent).toBe('Your change was not saved: The database is unavailable.');
    expect(switchNamed('Desktop notifications').checked).toBe(false);
  });

  it('keeps a saved change, and saves only that one', async () => {
    await renderPage();
    await userEvent.click(await screen.findByRole('switch', { name: 'New messages in my conversations' }));
    await waitFor(() => expect(answeredRequests()).toContain('PUT /api/preferences'));
    await waitFor(() => expect(mockData.preferences.get(anna.id)?.notifications).toEqual({ newMessages: false }));
    expect(switchNamed('New messages in my conversations').checked).toBe(false);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('has sound on for someone who never chose, and says sound waits for a first interaction with the page', async () => {
    await renderPage();
    expect((await screen.findByRole<HTMLInputElement>('switch', { name: 'Sound' })).checked).toBe(true);
    expect(screen.getByText(/plays only after you have interacted with the page once/)).toBeTruthy();
  });

  it('keeps sound off for someone who turned it off', async () => {
    // Chosen earlier, on this or another device.
    await updatePreferences({ notifications: { sound: false } });
    await renderPage();
    expect((await screen.findByRole<HTMLInputElement>('switch', { name: 'Sound' })).checked).toBe(false);
  });

  it('says when the browser keeps the panel silent, and the test sound lifts it', async () => {
    await renderPage();
    expect(await screen.findByText(/keeps the panel silent until you interact/)).toBeTruthy();

    // The button press is the gesture browsers wait for.
    SuspendedAudioContext.allowed = true;
    await userEvent.click(screen.getByRole('button', { name: 'Play test sound' }));
    expect(await screen.findByText(/Did you hear it/)).toBeTruthy();
    expect(screen.queryByText(/keeps the panel silent/)).toBeNull();
  });
});
