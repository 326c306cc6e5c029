import { expect, test } from './fixtures';

test('dark mode: chosen in Preferences, kept by the server and painted from the first frame on the next load', async ({ agentPage }) => {
  const page = await agentPage('sara');
  await page.goto('/preferences');
  const dark = page.getByRole('radio', { name: 'Dark' });
  await dark.check();
  try {
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    // The server has it: a fresh browser (nothing remembered locally) gets it once the preferences are in.
    const stored = await page.request.get('/api/preferences');
    expect(((await stored.json()) as { preferences: { colorScheme: string } }).preferences.colorScheme).toBe('dark');

    // Reloaded: dark before any of the app's scripts ran (the class is set by the small blocking script).
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('html.dark', { timeout: 5_000 });
    await page.goto('/agent');
    await expect(page.getByRole('list', { name: 'Picklist' })).toBeVisible();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 20, 23)');
    await page.getByRole('listitem').first().getByRole('button').first().click();
    await expect(page.getByRole('log', { name: 'Messages' })).toBeVisible();
    await page.screenshot({ path: '.tmp/shots/dark-agent.png' });
  } finally {
    await page.goto('/preferences');
    await page.getByRole('radio', { name: 'Follow the system' }).check();
    await expect(page.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
  }
});

test('the web chat follows the system setting', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto('/webchat?queue=Support');
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await expect(page.getByLabel('Your name')).toBeVisible();
  await page.screenshot({ path: '.tmp/shots/dark-webchat.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveClass(/\blight\b/);
});
