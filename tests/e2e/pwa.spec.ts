import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures';
import { startOwnServer } from './own-server';

// The suite blocks service workers elsewhere (playwright.config.ts); here they are what is tested.
test.use({ serviceWorkers: 'allow' });

// Each test installs a service worker and loads the app several times; the last one starts a server too.
test.describe.configure({ timeout: 180_000 });

/** Resolves once a service worker controls the page: the first load installs it, the next load is served by it. */
async function controlledByServiceWorker(page: Page) {
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
}

test('the panel is installable: its manifest is linked and describes the app', async ({ page }) => {
  await page.goto('/login');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const answer = await page.request.get(href!);
  expect(answer.headers()['cache-control']).toBe('no-cache');
  const manifest = (await answer.json()) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(manifest).toMatchObject({ name: 'Communication Panel', start_url: '/agent', display: 'standalone', theme_color: '#1357b8' });
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of manifest.icons) {
    const png = await page.request.get(icon.src);
    expect(png.headers()['content-type'], icon.src).toBe('image/png');
  }
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#1357b8');
  expect((await page.request.get(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href') ?? '')).ok()).toBe(true);

  // The customers' page offers no install of the staff panel.
  await page.goto('/webchat');
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
});

test('without the network the panel still starts, says it is offline, and comes back by itself', async ({ browser }, testInfo) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, 'sara');
  await controlledByServiceWorker(page);
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible({ timeout: 30_000 });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('offline-screen.png') });

  // The API is never answered from a cache: offline, it fails instead of showing old data.
  const api = await page.evaluate(() => fetch('/api/auth/me').then((r) => `answered ${r.status}`, () => 'failed'));
  expect(api).toBe('failed');

  // Any panel address opened offline gets the shell, not the browser's error page; the web chat is left to the network.
  const second = await context.newPage();
  await second.goto('/preferences');
  await expect(second.getByRole('heading', { name: 'You are offline' })).toBeVisible();
  await expect(second.goto('/webchat')).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);

  await second.close();

  // Back online, the page opens the panel without a click.
  await context.setOffline(false);
  // (Its socket then connects as after any outage: reconnect.spec.ts.)
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'You are offline' })).toBeHidden();
  await context.close();
});

/**
 * A server of its own on a copy of the build, so the test can deploy "a new build" to it: a
 * changed index.html and the sw.js that lists its new revision, as `vite build` writes them.
 */
async function startServerOnCopyOfBuild() {
  const { url, clientDir, stop } = await startOwnServer({ portOffset: 2, seed: 'none', copyClient: true });
  if (!clientDir) throw new Error('the server was started without its own copy of the build');
  const deployNewBuild = () => {
    const html = readFileSync(join(clientDir, 'index.html'), 'utf8').replace('</head>', '<meta name="build" content="new"></head>');
    writeFileSync(join(clientDir, 'index.html'), html);
    const sw = readFileSync(join(clientDir, 'sw.js'), 'utf8');
    // The precache list as the build injected it (JSON), whose index.html entry now names a new revision.
    const updated = sw.replace(/("revision":")[^"]+(","url":"index\.html")/, '$1new-build$2');
    expect(updated).not.toBe(sw);
    writeFileSync(join(clientDir, 'sw.js'), updated);
  };
  return { url, deployNewBuild, stop };
}

test('a new build replaces the old one once the user accepts the update', async ({ browser }, testInfo) => {
  const server = await startServerOnCopyOfBuild();
  const context = await browser.newContext({ baseURL: server.url });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
    await controlledByServiceWorker(page);
    const newBuild = page.locator('meta[name="build"][content="new"]');

    server.deployNewBuild();
    // Opening the app looks for a new worker; until the user accepts it, the old shell is served.
    await page.reload();
    await expect(newBuild).toHaveCount(0);
    const prompt = page.getByRole('alert').filter({ hasText: 'A new version is available' });
    await expect(prompt).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('update-prompt.png') });

    await prompt.getByRole('button', { name: 'Reload' }).click();
    await expect(newBuild).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
    await expect(prompt).toBeHidden();
  } finally {
    await context.close();
    server.stop();
  }
});
