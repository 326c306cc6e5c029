import { expect, logIn, test } from './fixtures';

test('logging out ends the session in every tab', async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await logIn(first, 'ben');
  const second = await context.newPage();
  await second.goto('/agent');
  await expect(second.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

  await first.getByRole('button', { name: 'Log out' }).click();
  await expect(first.getByRole('heading', { name: 'Log in' })).toBeVisible();
  // The other tab's socket is closed by the server, and it leaves the panel.
  await expect(second.getByRole('heading', { name: 'Log in' })).toBeVisible();

  await first.goto('/agent');
  await expect(first.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await context.close();
});
