import type { Page } from '@playwright/test';
import { expect, logIn, test } from './fixtures';

const openAdmin = async (page: Page, tab: 'Queues' | 'Users' | 'Audit trail') => {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: tab }).click();
  await expect(page.getByRole('heading', { name: tab, level: 2 })).toBeVisible();
};

test('an admin creates an agent who can log in, and disabling them ends their open session', async ({ browser, agentPage }) => {
  const id = Date.now().toString(36);
  const username = `agent-${id}`;
  const displayName = `Nora Test ${id}`;
  const password = 'first-day-password';

  const adam = await agentPage('adam');
  await openAdmin(adam, 'Users');
  await adam.getByRole('button', { name: 'New user' }).click();
  const dialog = adam.getByRole('dialog', { name: 'New user' });
  // What the contract refuses is marked on its field before anything is sent…
  await dialog.getByRole('textbox', { name: 'Username' }).fill('anna');
  await dialog.getByRole('textbox', { name: 'Display name' }).fill(displayName);
  await dialog.getByLabel('Password').fill('short');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('At least 8 characters')).toBeVisible();
  // …and what only the server knows, from its answer.
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('The username anna is taken. Choose another one.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Username' }).fill(username);
  await expect(dialog.getByRole('radio', { name: 'Agent' })).toBeChecked();
  await dialog.getByRole('spinbutton', { name: 'Capacity' }).fill('3');
  await dialog.getByRole('group', { name: 'Queues' }).getByRole('checkbox', { name: 'Support' }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(adam.getByRole('status').filter({ hasText: `${displayName} can log in now` })).toBeVisible();
  const row = adam.getByRole('row').filter({ has: adam.getByRole('rowheader', { name: displayName }) });
  await expect(row).toContainText('Support');
  await expect(row).toContainText('Active');

  // The new agent logs in on their own computer and sees their queue's picklist.
  const context = await browser.newContext();
  const nora = await context.newPage();
  await logIn(nora, username, password);
  await expect(nora).toHaveURL(/\/agent/);
  await expect(nora.getByRole('button', { name: 'Presence: Available' })).toBeVisible();

  // Disabling asks first, then logs them out everywhere at once.
  await row.getByRole('button', { name: `Disable ${displayName}` }).click();
  const confirm = adam.getByRole('dialog', { name: `Disable ${displayName}?` });
  await expect(confirm).toContainText('logged out everywhere at once');
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Disabled');
  await expect(nora).toHaveURL(/\/login/);
  await expect(nora.getByRole('button', { name: 'Log in' })).toBeVisible();

  // Until enabled again, the password no longer lets them in.
  await nora.getByLabel('Username').fill(username);
  await nora.getByLabel('Password').fill(password);
  await nora.getByRole('button', { name: 'Log in' }).click();
  await expect(nora.getByText('This account is disabled. Ask an admin.')).toBeVisible();
  await expect(nora).toHaveURL(/\/login/);

  await row.getByRole('button', { name: `Enable ${displayName}` }).click();
  await adam.getByRole('dialog', { name: `Enable ${displayName}?` }).getByRole('button', { name: 'Enable' }).click();
  await expect(row).toContainText('Active');
  await logIn(nora, username, password);
  await context.close();

  // Every change is in the admins' audit trail, newest first.
  await openAdmin(adam, 'Audit trail');
  const audit = adam.getByRole('table', { name: 'Admin changes' });
  await expect(audit.getByRole('row').nth(1)).toContainText(`Enabled ${displayName}`);
  await expect(audit.getByRole('row').nth(2)).toContainText(`Disabled ${displayName}`);
  await expect(audit.getByRole('row').nth(3)).toContainText(`Created agent ${displayName}`);
});

test('an admin creates a queue, fixes what the form refuses, and switches it to offers', async ({ agentPage }) => {
  const name = `Returns ${Date.now().toString(36)}`;
  const adam = await agentPage('adam');
  await openAdmin(adam, 'Queues');
  // By keyboard: the dialog opens with the cursor in its first field, and a refused save puts it
  // on the field to fix.
  await adam.getByRole('button', { name: 'New queue' }).focus();
  await adam.keyboard.press('Enter');
  const dialog = adam.getByRole('dialog', { name: 'New queue' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await adam.keyboard.type(name);
  await adam.keyboard.press('Tab');
  await adam.keyboard.type('returns at acme');
  await dialog.getByRole('checkbox', { name: 'Anna Lindqvist' }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Enter an address like support@example.com')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Address' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Address' }).fill(`returns.${Date.now().toString(36)}@acme.example`);
  await expect(dialog.getByRole('radio', { name: 'Pick' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(adam.getByRole('status').filter({ hasText: `Queue ${name} created` })).toBeVisible();
  const row = adam.getByRole('row').filter({ has: adam.getByRole('rowheader', { name }) });
  await expect(row).toContainText('Anna Lindqvist');
  await expect(row).toContainText('Pick');

  // Two queues cannot share a name: the server says so on the field.
  await adam.getByRole('button', { name: 'New queue' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Address' }).fill(`other.${Date.now().toString(36)}@acme.example`);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(`A queue named ${name} already exists. Choose another name.`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = adam.getByRole('dialog', { name: `Edit queue ${name}` });
  await edit.getByRole('radio', { name: 'Offer' }).check();
  await edit.getByRole('checkbox', { name: 'Ben Okafor' }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Offer');
  await expect(row).toContainText('Anna Lindqvist, Ben Okafor');

  await openAdmin(adam, 'Audit trail');
  await expect(adam.getByRole('table', { name: 'Admin changes' }).getByRole('row').nth(1)).toContainText(`Changed queue ${name}`);
});
