import { endAfterTest, expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

test('a customer and an agent chat live from start to end', async ({ browser, agentPage }) => {
  const anna = await agentPage('anna');
  const customer = uniqueCustomer('Maya');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'My parcel is late' });

  // The new chat appears in the picklist without a reload.
  const row = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('My parcel is late');
  await expect(row).toContainText('Support');

  await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name })).toBeVisible();
  await expect(customerPage.getByRole('status').filter({ hasText: 'You are chatting with Anna Lindqvist' })).toBeVisible();

  await sendMessage(anna, 'Hello! Let me check that for you.');
  await expect(thread(customerPage).getByText('Hello! Let me check that for you.')).toBeVisible();

  // Shift+Enter makes a new line instead of sending.
  const box = customerPage.getByRole('textbox', { name: 'Message' });
  await box.fill('Thanks.');
  await box.press('Shift+Enter');
  await box.pressSequentially('Order 4411');
  await box.press('Enter');
  await expect(thread(anna).getByText(/Thanks\.\s+Order 4411/)).toBeVisible();

  // Markup is shown as text, never run.
  const markup = '<img src=x onerror="document.title=\'hacked\'">';
  await sendMessage(customerPage, markup);
  await expect(thread(anna).getByText(markup, { exact: true })).toBeVisible();
  expect(await anna.title()).not.toBe('hacked');

  await anna.screenshot({ path: 'test-results/agent-panel-mid-conversation.png' });

  // End chat: cancel keeps it, confirm ends it.
  await anna.getByRole('button', { name: 'End chat' }).click();
  await anna.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(anna.getByRole('dialog')).toBeHidden();
  await expect(anna.getByRole('textbox', { name: 'Message' })).toBeEnabled();

  await anna.getByRole('button', { name: 'End chat' }).click();
  await anna.getByRole('dialog').getByRole('button', { name: 'End chat' }).click();
  await expect(anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name })).toHaveCount(0);
  await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();
  await expect(customerPage.getByRole('button', { name: 'Start a new chat' })).toBeVisible();
});

test('a wrong password is refused with a message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Username').fill('anna');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
});

test('the web chat form explains what is missing', async ({ page }) => {
  await page.goto('/webchat?queue=Support');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText('Enter your name')).toBeVisible();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('A message cannot be empty')).toBeVisible();
});

test('a start sent without a network says so, and goes once the network is back', async ({ browser, agentPage }) => {
  const visitor = uniqueCustomer('Offline');
  endAfterTest(visitor.name);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/webchat?queue=Support');
  await page.getByLabel('Your name').fill(visitor.name);
  await page.getByLabel('Email').fill(visitor.email);
  await page.getByLabel('How can we help?').fill('Writing from the train');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('alert')).toHaveText('No connection. Your chat starts as soon as you are back online.');
  await expect(page.getByRole('button', { name: 'Start chat' })).toBeDisabled();

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  const ben = await agentPage('ben');
  await expect(ben.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: visitor.name })).toHaveCount(1);
  await context.close();
});

test('a customer without a preselected queue chooses a topic', async ({ browser, agentPage }) => {
  const ben = await agentPage('ben');
  const customer = uniqueCustomer('Noor');
  endAfterTest(customer.name);
  const page = await (await browser.newContext()).newPage();
  await page.goto('/webchat');
  await expect(page.getByLabel('Topic')).toHaveValue('');
  await page.getByLabel('Your name').fill(customer.name);
  await page.getByLabel('Email').fill(customer.email);
  await page.getByLabel('How can we help?').fill('Do you ship abroad?');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText('Choose a topic')).toBeVisible();

  await page.getByLabel('Topic').selectOption({ label: 'Sales' });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
  const row = ben.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
  await expect(row).toContainText('Sales');
  await expect(row).toContainText('Do you ship abroad?');
});
