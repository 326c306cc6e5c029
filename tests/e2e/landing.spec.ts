import { AdminApi } from './admin-api';
import { expect, logIn, test } from './fixtures';
import { DEMO_PASSWORD } from '../../playwright.config';

test('each role lands on its own page after login: agents the panel, supervisors the supervisor page, admins the admin pages', async ({ browser }) => {
  for (const [username, url, heading] of [
    ['anna', /\/agent(\?|$)/, null],
    ['sara', /\/supervisor(\?|$)/, 'Supervisor'],
    ['adam', /\/admin\/queues$/, 'Queues'],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, username);
    await expect(page, username).toHaveURL(url);
    if (heading) await expect(page.getByRole('main').getByRole('heading', { name: heading, level: 2 })).toBeVisible();
    else await expect(page.getByRole('tab', { name: /Picklist/ })).toBeVisible();
    await context.close();
  }
});

test('an unknown address shows "page not found" inside the panel, with the way back; a visitor who is not logged in logs in first', async ({
  browser,
  agentPage,
}) => {
  const sara = await agentPage('sara');
  await sara.goto('/reports/weekly');
  const main = sara.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(main.getByText('There is no page at /reports/weekly.')).toBeVisible();
  // The frame stays: its navigation and the live connection.
  await expect(sara.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  await expect(sara.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await sara.screenshot({ path: '.tmp/shots/page-not-found.png' });
  await main.getByRole('link', { name: 'Go to the supervisor page' }).click();
  await expect(sara).toHaveURL(/\/supervisor/);
  await expect(sara.getByRole('heading', { name: 'Supervisor' })).toBeVisible();

  // Unknown pages under an area's address too.
  await sara.goto('/agent/nothing/here');
  await expect(sara.getByRole('main').getByRole('heading', { name: 'Page not found' })).toBeVisible();

  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto('/no-such-page');
  await expect(visitor.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await visitor.getByLabel('Username').fill('anna');
  await visitor.getByLabel('Password').fill(DEMO_PASSWORD);
  await visitor.getByRole('button', { name: 'Log in' }).click();
  await expect(visitor.getByRole('main').getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await visitor.getByRole('link', { name: 'Go to the panel' }).click();
  await expect(visitor.getByRole('tab', { name: /Picklist/ })).toBeVisible();
  await context.close();
});

test('a new agent finds sound on in Preferences, with the browser rule explained', async ({ browser }) => {
  const admin = await AdminApi.as();
  const username = `sound${Date.now().toString(36)}`;
  await admin.createAgent(username, 'Sam Sound', 'Quiet-harbour-lantern-71');
  await admin.dispose();
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, username, 'Quiet-harbour-lantern-71');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('switch', { name: 'Sound' })).toBeChecked();
  await expect(page.getByText('It plays only after you have interacted with the page once (a click or a key press)')).toBeVisible();
  await expect(page.getByRole('switch', { name: 'Desktop notifications' })).not.toBeChecked();
  await page.getByRole('region', { name: 'Notifications' }).screenshot({ path: '.tmp/shots/preferences-sound.png' });

  // Turned off, it stays off: the choice is kept.
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/preferences') && r.request().method() === 'PUT' && r.ok());
  await page.getByRole('switch', { name: 'Sound' }).uncheck();
  await saved;
  await page.reload();
  await expect(page.getByRole('switch', { name: 'Sound' })).not.toBeChecked();
  await context.close();
});
