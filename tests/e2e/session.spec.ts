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

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

test('a user sees where they are logged in, logs out another device, then logs out everywhere', async ({ browser }) => {
  const desk = await (await browser.newContext()).newPage();
  const phone = await (await browser.newContext({ userAgent: IPHONE_SAFARI })).newPage();
  await logIn(phone, 'sara');
  await logIn(desk, 'sara');

  await desk.getByRole('link', { name: 'Preferences' }).click();
  const devices = desk.getByRole('list', { name: 'My logged-in devices' });
  await expect(devices.getByRole('listitem', { name: 'Safari on iPhone' })).toBeVisible();
  const thisOne = devices.getByRole('listitem', { name: 'Chrome on Linux' }).filter({ hasText: 'This device' });
  await expect(thisOne).toBeVisible();
  // The device in use cannot be logged out from the list (Log out in the header does that).
  await expect(thisOne.getByRole('button', { name: /Log out/ })).toHaveCount(0);

  // Logging the phone out asks first; Cancel keeps it.
  await devices.getByRole('button', { name: 'Log out Safari on iPhone' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Log out this device?' });
  await expect(dialog).toContainText('Safari on iPhone will be logged out at once');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(devices.getByRole('listitem', { name: 'Safari on iPhone' })).toBeVisible();

  await devices.getByRole('button', { name: 'Log out Safari on iPhone' }).click();
  await dialog.getByRole('button', { name: 'Log out' }).click();
  await expect(devices.getByRole('listitem', { name: 'Safari on iPhone' })).toHaveCount(0);
  // The phone's socket is closed by the server: it leaves the panel for the login page.
  await expect(phone.getByRole('heading', { name: 'Log in' })).toBeVisible();

  // Log in on the phone again, then log out everywhere from the desk: both end up at the login page.
  await logIn(phone, 'sara');
  await desk.reload();
  await expect(devices.getByRole('listitem', { name: 'Safari on iPhone' })).toBeVisible();
  await desk.getByRole('button', { name: 'Log out everywhere' }).click();
  await desk.getByRole('dialog', { name: 'Log out everywhere?' }).getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(desk.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await expect(phone.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await desk.goto('/preferences');
  await expect(desk.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await desk.context().close();
  await phone.context().close();
});
