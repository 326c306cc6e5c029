import { expect, test } from '@playwright/test';
import { EMPTY_URL } from '../../playwright.config';

test.use({ baseURL: EMPTY_URL });

test('the first visitor of an empty workspace creates the admin account', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();

  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create admin and log in' }).click();
  await expect(page.getByText('At least 8 characters')).toBeVisible();

  await page.getByLabel('Your name').fill('Olga Owner');
  await page.getByLabel('Username').fill('olga');
  // A common password is refused on its field, with the server's words.
  await page.getByLabel('Password').fill('password1234');
  await page.getByRole('button', { name: 'Create admin and log in' }).click();
  await expect(page.getByText(/^Too easy to guess/)).toBeVisible();
  await page.getByLabel('Password').fill('a-good-password');
  await page.getByRole('button', { name: 'Create admin and log in' }).click();
  await expect(page.getByText('Olga Owner')).toBeVisible();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

  // Later visitors get the login page, and the new account works there.
  const other = await browser.newContext({ baseURL: EMPTY_URL });
  const page2 = await other.newPage();
  await page2.goto('/setup');
  await expect(page2.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page2.getByLabel('Username').fill('olga');
  await page2.getByLabel('Password').fill('a-good-password');
  await page2.getByRole('button', { name: 'Log in' }).click();
  await expect(page2.getByText('Olga Owner')).toBeVisible();
  await other.close();
});
