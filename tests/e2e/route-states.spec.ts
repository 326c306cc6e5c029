import { expect, test } from './fixtures';

/*
 * A page's loader fills the cache before the page shows: while it waits the route shows its
 * pending state, and when the data cannot come, its error with Retry. The network is held or cut
 * in the browser (the server itself answers as always).
 */

test('an admin page shows its loading state, then says why its data did not come, and Retry loads it', async ({ agentPage }, testInfo) => {
  const adam = await agentPage('adam');
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await adam.route('**/api/admin/audit', async (route) => {
    await held;
    await route.continue();
  });
  await adam.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
  await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Audit trail' }).click();
  const loading = adam.getByRole('progressbar', { name: 'Loading…' });
  await expect(loading).toBeVisible();
  await adam.screenshot({ path: testInfo.outputPath('pending.png') });
  release();
  await expect(adam.getByRole('heading', { name: 'Audit trail', level: 2 })).toBeVisible();
  await expect(loading).toBeHidden();

  // No connection for the Settings page (nothing before it loaded them): the failed load says so,
  // after the query's own retries.
  await adam.unroute('**/api/admin/audit');
  await adam.route('**/api/settings', (route) => route.abort('internetdisconnected'));
  await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
  const failed = adam.getByRole('alert').filter({ hasText: 'No connection to the server' });
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await adam.screenshot({ path: testInfo.outputPath('error.png') });
  await expect(adam.getByRole('heading', { name: 'System Configurator' })).toHaveCount(0);

  await adam.unroute('**/api/settings');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(adam.getByRole('heading', { name: 'System Configurator' })).toBeVisible();
  await expect(failed).toHaveCount(0);
});
