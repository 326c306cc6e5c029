import { request } from '@playwright/test';
import { SettingsResponseSchema } from '../../src/contract/settings';
import { DEMO_URL, EMPTY_URL } from '../../playwright.config';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { StaffApi } from './staff-api';

test('a page on another origin of the same host cannot end an agent’s chat with a plain form', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Csrf');
  const anna = await agentPage('anna');
  await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Please do not end me' });
  const row = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
  await row.getByRole('button', { name: 'Pick' }).click();
  const held = anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name });
  await expect(held).toBeVisible();
  const api = await StaffApi.as('anna');
  const conversation = (await api.list('mine')).find((c) => c.customer.name === customer.name)!;

  // The attacker's page: another port of the same host, opened in the agent's own browser, so the
  // SameSite=Strict cookie is sent with its form. Its HTML is the attacker's (served by the test,
  // without our CSP); the post goes to the real server.
  const attacker = await anna.context().newPage();
  const action = `${DEMO_URL}/api/conversations/${conversation.id}/end`;
  await attacker.route(`${EMPTY_URL}/attack.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="POST" action="${action}" enctype="text/plain"><input name="x" value="y"><button>Win a prize</button></form>`,
    }),
  );
  await attacker.goto(`${EMPTY_URL}/attack.html`);
  await attacker.getByRole('button', { name: 'Win a prize' }).click();
  await expect(attacker.getByText('forbidden_origin')).toBeVisible();
  await attacker.close();

  // The agent still has the chat and can write in it.
  await held.click();
  await expect(thread(anna).getByText('Please do not end me')).toBeVisible();
  await expect(anna.getByRole('textbox', { name: 'Message' })).toBeEnabled();
  expect((await api.list('mine')).some((c) => c.id === conversation.id)).toBe(true);
  await api.clearWork();
  await api.dispose();
});

test('the admin saves the session timeouts on the Settings page', async ({ agentPage }) => {
  const page = await agentPage('adam');
  const original = SettingsResponseSchema.parse(await (await page.request.get('/api/settings')).json()).settings;
  try {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
    const sessions = page.getByRole('group', { name: 'Sessions' });
    await sessions.getByRole('spinbutton', { name: 'Idle timeout (minutes)' }).fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(sessions.getByText('At least 5 minutes')).toBeVisible();
    await sessions.getByRole('spinbutton', { name: 'Idle timeout (minutes)' }).fill('45');
    await sessions.getByRole('spinbutton', { name: 'Maximum session length (days)' }).fill('3');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Sessions' }).getByRole('spinbutton', { name: 'Idle timeout (minutes)' })).toHaveValue('45');
    await expect(page.getByRole('group', { name: 'Sessions' }).getByRole('spinbutton', { name: 'Maximum session length (days)' })).toHaveValue('3');
  } finally {
    const restored = await page.request.put('/api/settings', {
      headers: { origin: DEMO_URL },
      data: { agentUploads: original.agentUploads, customerUploads: original.customerUploads, security: original.security },
    });
    expect(restored.status()).toBe(200);
  }
});

test('the admin’s new-user dialog refuses a common password on the field', async ({ agentPage }) => {
  const adam = await agentPage('adam');
  await adam.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
  await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Users' }).click();
  await adam.getByRole('button', { name: 'New user' }).click();
  const dialog = adam.getByRole('dialog', { name: 'New user' });
  const id = Date.now().toString(36);
  await dialog.getByRole('textbox', { name: 'Username' }).fill(`weak-${id}`);
  await dialog.getByRole('textbox', { name: 'Display name' }).fill(`Wendy Weak ${id}`);
  await dialog.getByLabel('Password').fill('password1234');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText(/^Too easy to guess/)).toBeVisible();
  await expect(dialog.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
});

// Only this test fails logins for this username, on the server without the demo workspace (no
// raised limits there), so it sees the limit the way a real user would.
test('the login form says how long to wait after too many failed logins', async ({ browser }) => {
  const username = `locked-${Date.now().toString(36)}`;
  const api = await request.newContext({ baseURL: EMPTY_URL });
  for (let i = 0; i < 10; i++) {
    const res = await api.post('/api/auth/login', { data: { username, password: `wrong-${i}` } });
    expect(res.status()).toBe(401);
  }
  await api.dispose();
  const context = await browser.newContext({ baseURL: EMPTY_URL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('the-right-one-maybe');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Too many failed logins for this username\. Try again in 1[45] minutes\./);
  await context.close();
});
