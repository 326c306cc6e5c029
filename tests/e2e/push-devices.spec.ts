import { createECDH, randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures';

/*
 * Push notifications from the Preferences page, in Debian's headless Chromium with the panel's
 * real service worker (blocked elsewhere in the suite, see playwright.config.ts).
 *
 * Headless Chromium has no push service: PushManager.subscribe() fails ("Registration failed -
 * permission denied") even with notifications allowed. The first test shows that the page says
 * so; the second stands in for the browser's push service by replacing only subscribe() and
 * getSubscription(), and covers the rest for real: permission, registering with the server,
 * the list, removing, and the worker showing a push delivered to it (through the DevTools
 * protocol). The server's sending (VAPID, encryption, pruning, access) is covered end to end by
 * the API tests in src/server/push, against a local push service.
 */
test.use({ serviceWorkers: 'allow' });

// Each test installs the service worker and loads the panel twice.
test.describe.configure({ timeout: 120_000 });

async function openPreferences(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await logIn(page, username);
  // The worker registers after the first load; push needs it active.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { name: 'Push to my devices' })).toBeVisible();
  return page;
}

test('without a push service in the browser, turning push on says why it cannot', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['notifications'] });
  try {
    const page = await openPreferences(context, 'ben');
    await page.getByRole('button', { name: 'Turn on push notifications for this device' }).click();
    await expect(page.getByRole('region', { name: 'Push to my devices' }).getByRole('alert')).toContainText('This browser could not subscribe to its push service');
    await expect(page.getByText('No device is registered for push notifications.')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('a user registers this device in Preferences, sees it listed, gets a push shown by the worker, and removes the device', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ permissions: ['notifications'] });
  // A well-formed subscription, as a push service would hand it out: a P-256 key and a secret.
  const keys = createECDH('prime256v1');
  keys.generateKeys();
  const subscription = {
    endpoint: `https://push.example.com/send/${randomBytes(8).toString('hex')}`,
    expirationTime: null,
    keys: { p256dh: keys.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
  };
  await context.addInitScript((json) => {
    let current: object | null = null;
    const state = { unsubscribed: 0 };
    Object.defineProperty(window, 'fakePush', { value: state });
    PushManager.prototype.getSubscription = async function () {
      return current as PushSubscription | null;
    };
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const key = options?.applicationServerKey as Uint8Array;
      current = {
        endpoint: json.endpoint,
        options: { applicationServerKey: new Uint8Array(key).buffer, userVisibleOnly: true },
        toJSON: () => json,
        unsubscribe: async () => {
          current = null;
          state.unsubscribed += 1;
          return true;
        },
      };
      return current as PushSubscription;
    };
  }, subscription);
  try {
    const page = await openPreferences(context, 'anna');
    await page.getByRole('button', { name: 'Turn on push notifications for this device' }).click();
    await expect(page.getByText('This device gets push notifications.')).toBeVisible();

    const list = page.getByRole('list', { name: 'Devices registered for push notifications' });
    const row = list.getByRole('listitem').filter({ hasText: 'Chrome on Linux' });
    await expect(row).toContainText('This device');
    await expect(row).toContainText(/Browser · Registered/);
    // The server has it, with this browser's subscription.
    const devices = (await (await page.request.get('/api/devices')).json()) as { devices: { endpoint: string; thisSession: boolean }[] };
    expect(devices.devices).toEqual([expect.objectContaining({ endpoint: subscription.endpoint })]);
    await page.screenshot({ path: testInfo.outputPath('push-on.png') });

    // The worker shows what a push carries (delivered to it as the push service would).
    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: typeof registrations }) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.length).toBeGreaterThan(0);
    // Delivered to an activated worker: one still installing (precaching the app) drops it.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    const payload = { kind: 'message', title: 'New message from Kim Lee', body: 'Is my order on its way?', url: '/agent', tag: 'conversation-e2e', conversationId: null };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId: registrations[0]!.registrationId, data: JSON.stringify(payload) });
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }))))
      .toEqual([{ title: payload.title, body: payload.body, tag: payload.tag }]);

    // Removing asks first, then the device is gone here and on the server, and the browser's subscription ends.
    await row.getByRole('button', { name: 'Remove Chrome on Linux' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Remove this device?' });
    await expect(dialog).toContainText('Chrome on Linux will get no more push notifications.');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('No device is registered for push notifications.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Turn on push notifications for this device' })).toBeVisible();
    expect(((await (await page.request.get('/api/devices')).json()) as { devices: unknown[] }).devices).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { fakePush: { unsubscribed: number } }).fakePush.unsubscribed)).toBe(1);
  } finally {
    await context.close();
  }
});
