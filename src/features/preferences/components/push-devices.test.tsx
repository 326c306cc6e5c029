// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../contract/api';
import type { RegisterDeviceRequest } from '../../../contract/devices';
import { createQueryClient } from '../../../lib/query-client';
import { mockData } from '../../../mocks/data';
import { MOCK_WEB_PUSH_PUBLIC_KEY } from '../../../mocks/device-handlers';
import { answeredRequests, logInMock, setUpMockApi } from '../../../mocks/testing';
import { devicesQueryOptions } from '../api/devices';
import { PushDevices } from './push-devices';

/*
 * The push section against the mock API: the devices live in the mock workspace. Only the
 * browser's own push machinery (Notification, PushManager, the service worker) is stood in for.
 */

/** Registers a device of Anna's from another session of hers, as her phone or app would. */
async function registerElsewhere(body: RegisterDeviceRequest) {
  const { token } = await logInMock('anna');
  const response = await fetch(api.registerDevice.path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`register: ${response.status}`);
}

async function renderSection() {
  const queryClient = createQueryClient();
  await queryClient.ensureQueryData(devicesQueryOptions());
  render(
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={null}>
        <PushDevices />
      </Suspense>
    </QueryClientProvider>,
  );
}

const SUBSCRIPTION_KEYS = { p256dh: MOCK_WEB_PUSH_PUBLIC_KEY, auth: 'c2VjcmV0LWF1dGgtMTIz' };

/** A browser with the panel's worker and a push service: permission and subscription as the test says. */
function stubPushBrowser(opts: { permission: NotificationPermission; answer?: NotificationPermission }) {
  const endpoint = 'https://push.example.com/send/this-browser';
  let subscription: { endpoint: string; options: { applicationServerKey: ArrayBuffer }; toJSON(): unknown; unsubscribe(): Promise<boolean> } | null = null;
  const subscribe = vi.fn(async (options: { applicationServerKey: Uint8Array }) => {
    subscription = {
      endpoint,
      options: { applicationServerKey: new Uint8Array(options.applicationServerKey).buffer },
      toJSON: () => ({ endpoint, expirationTime: null, keys: SUBSCRIPTION_KEYS }),
      unsubscribe: async () => ((subscription = null), true),
    };
    return subscription;
  });
  const registration = { active: { scriptURL: 'http://localhost/sw.js' }, pushManager: { getSubscription: async () => subscription, subscribe } };
  const notification = { permission: opts.permission, requestPermission: vi.fn(async () => (notification.permission = opts.answer ?? opts.permission)) };
  vi.stubGlobal('Notification', notification);
  vi.stubGlobal('PushManager', class {});
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { getRegistration: async () => registration, ready: Promise.resolve(registration) } });
  return { subscribe, notification, subscription: () => subscription };
}

setUpMockApi();
beforeEach(async () => {
  await logInMock('anna');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'serviceWorker');
});

describe('Push notifications in Preferences', () => {
  it('says when the browser cannot receive push notifications, and still lists and removes my devices after a confirmation', async () => {
    await registerElsewhere({ kind: 'fcm', token: 'fcm-token-of-annas-phone', label: 'Android app' });
    await registerElsewhere({ kind: 'webpush', subscription: { endpoint: 'https://push.example.com/send/phone', expirationTime: null, keys: SUBSCRIPTION_KEYS }, label: 'Chrome on Android' });
    await renderSection();
    expect(await screen.findByText(/This browser cannot receive push notifications/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Devices registered for push notifications' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Chrome on Android/),
      expect.stringMatching(/^Android app.*Registered; the server does not send to apps yet\.$/),
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Remove Chrome on Android' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove this device?' });
    expect(dialog.textContent).toMatch(/Chrome on Android will get no more push notifications/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(mockData.devices.map((d) => d.label)).toContain('Chrome on Android');
    await userEvent.click(await screen.findByRole('button', { name: 'Remove Chrome on Android' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove Chrome on Android' })).toBeNull());
    expect(mockData.devices.map((d) => d.label)).toEqual(['Android app']);
  });

  it('asks for permission, subscribes with the server key and registers this device, then shows it as on', async () => {
    const browser = stubPushBrowser({ permission: 'default', answer: 'granted' });
    await renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Turn on push notifications for this device' }));

    expect(await screen.findByText('This device gets push notifications.')).toBeTruthy();
    expect(browser.notification.requestPermission).toHaveBeenCalledOnce();
    expect(Buffer.from(browser.subscribe.mock.calls[0]![0].applicationServerKey).toString('base64url')).toBe(MOCK_WEB_PUSH_PUBLIC_KEY);
    expect(mockData.devices.map((d) => [d.kind, d.address])).toEqual([['webpush', 'https://push.example.com/send/this-browser']]);
    expect(within(screen.getByRole('list')).getByText('This device')).toBeTruthy();

    // Turning it off removes the device and ends the browser's subscription.
    await userEvent.click(screen.getByRole('button', { name: 'Turn off for this device' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByRole('button', { name: 'Turn on push notifications for this device' })).toBeTruthy();
    expect(answeredRequests().filter((r) => r.startsWith('DELETE /api/devices/'))).toHaveLength(1);
    expect(mockData.devices).toEqual([]);
    expect(browser.subscription()).toBeNull();
  });

  it('explains how to unblock notifications the browser denies, and says when the permission question was dismissed', async () => {
    stubPushBrowser({ permission: 'denied' });
    await renderSection();
    expect(await screen.findByText(/Your browser blocks notifications from the panel\. To fix it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Turn on push notifications for this device' })).toBeNull();
    cleanup();

    stubPushBrowser({ permission: 'default', answer: 'default' });
    await renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Turn on push notifications for this device' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Notifications were not allowed/);
  });
});
