import type { Page } from '@playwright/test';
import { AdminApi } from './admin-api';
import { endAfterTest, expect, startCustomerChat, test, uniqueCustomer } from './fixtures';

const openHoursDialog = async (adam: Page, queueName: string) => {
  await adam.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
  await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Queues' }).click();
  await adam.getByRole('button', { name: `Hours and limits of ${queueName}` }).click();
  const dialog = adam.getByRole('dialog', { name: `Hours and limits: ${queueName}` });
  await expect(dialog).toBeVisible();
  return dialog;
};

test('outside the opening hours the customer sees "closed" with the next opening and cannot start; the supervisor sees the queue closed', async ({ browser, agentPage }) => {
  const admin = await AdminApi.as();
  const queueName = `Hours ${Date.now().toString(36)}`;
  const queue = await admin.createQueue(queueName, ['anna']);
  try {
    const adam = await agentPage('adam');
    const dialog = await openHoursDialog(adam, queueName);
    await dialog.getByRole('checkbox', { name: 'Open only at set hours' }).check();
    await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Hel');
    await adam.getByRole('option', { name: 'Europe/Helsinki', exact: true }).click();
    await expect(dialog.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Helsinki');
    // What the contract refuses is marked on its field.
    await dialog.getByLabel('Monday closes', { exact: true }).fill('08:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('The closing time must be after the opening time')).toBeVisible();
    await dialog.getByLabel('Monday closes', { exact: true }).fill('17:00');
    // Today (in Helsinki) is a holiday: whatever the time now, the queue is closed.
    await dialog.getByRole('button', { name: 'Add exception' }).click();
    await expect(dialog.getByRole('checkbox', { name: 'Exception 1 closed all day' })).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Exception 1 note' }).fill('Staff day');
    // Christmas Eve: open in the morning and again in the afternoon.
    await dialog.getByRole('button', { name: 'Add exception' }).click();
    await dialog.getByLabel('Exception 2 date').fill('2030-12-24');
    await dialog.getByRole('checkbox', { name: 'Exception 2 closed all day' }).uncheck();
    await dialog.getByLabel('Exception 2 closes', { exact: true }).fill('12:00');
    await dialog.getByRole('button', { name: 'Add hours to exception 2' }).click();
    await expect(dialog.getByLabel('Exception 2 opens (2)')).toHaveValue('13:00');
    await dialog.getByLabel('Exception 2 closes (2)').fill('15:00');
    await dialog.screenshot({ path: 'test-results/opening-hours-dialog.png' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(adam.getByRole('status').filter({ hasText: `Saved the hours and limits of ${queueName}.` })).toBeVisible();
    const saved = await openHoursDialog(adam, queueName);
    await expect(saved.getByLabel('Exception 2 closes', { exact: true })).toHaveValue('12:00');
    await expect(saved.getByLabel('Exception 2 closes (2)')).toHaveValue('15:00');
    await saved.getByRole('button', { name: 'Cancel' }).click();
    await expect(saved).toBeHidden();

    // The customer opens the chat for that queue: closed, with the next opening in their own time.
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    const customer = await context.newPage();
    await customer.goto(`/webchat?queue=${encodeURIComponent(queueName)}`);
    const notice = customer.getByRole('status').filter({ hasText: `${queueName} is closed right now` });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('We are closed right now.');
    await expect(notice).toContainText('Opens again:');
    await expect(customer.getByRole('button', { name: 'Start chat' })).toBeDisabled();
    await customer.screenshot({ path: 'test-results/opening-hours-closed-webchat.png', fullPage: true });

    // The supervisor's Queues dashboard marks it closed.
    const sara = await agentPage('sara');
    await sara.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Supervisor' }).click();
    const row = sara.getByRole('table', { name: 'Queues right now' }).getByRole('row').filter({ has: sara.getByRole('rowheader', { name: queueName }) });
    await expect(row).toContainText('Closed · opens');
    await sara.screenshot({ path: 'test-results/opening-hours-supervisor.png' });
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});

test('with at most one waiting conversation, the second customer gets the queue-full message', async ({ browser, agentPage }) => {
  const admin = await AdminApi.as();
  const queueName = `Small ${Date.now().toString(36)}`;
  const queue = await admin.createQueue(queueName, ['anna']);
  try {
    const adam = await agentPage('adam');
    const dialog = await openHoursDialog(adam, queueName);
    await dialog.getByRole('textbox', { name: 'Maximum waiting conversations' }).fill('0');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('At least 1 (leave it empty for no limit)')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Maximum waiting conversations' }).fill('1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const first = uniqueCustomer('First');
    await startCustomerChat(browser, { queue: queueName, name: first.name, email: first.email, text: 'I was here first.' });

    const context = await browser.newContext();
    const second = await context.newPage();
    await second.goto(`/webchat?queue=${encodeURIComponent(queueName)}`);
    const notice = second.getByRole('status').filter({ hasText: `${queueName} is full right now` });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('the queue is full');
    await expect(second.getByRole('button', { name: 'Start chat' })).toBeDisabled();
    await second.screenshot({ path: 'test-results/queue-full-webchat.png', fullPage: true });
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});

test('while closed, a customer may leave a message where the admin allows it: it reaches the Picklist when the queue opens', async ({ browser, agentPage }) => {
  const admin = await AdminApi.as();
  const queueName = `Later ${Date.now().toString(36)}`;
  const queue = await admin.createQueue(queueName, ['anna']);
  try {
    const adam = await agentPage('adam');
    const dialog = await openHoursDialog(adam, queueName);
    await dialog.getByRole('checkbox', { name: 'Open only at set hours' }).check();
    // Today is a holiday: closed now, open again on the next working day.
    await dialog.getByRole('button', { name: 'Add exception' }).click();
    await dialog.getByRole('checkbox', { name: 'Allow customers to leave a message while closed' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    const anna = await agentPage('anna');
    const picklist = anna.getByRole('list', { name: 'Picklist' });
    const customer = uniqueCustomer('Later');
    // Anna ends up holding it: ended after the test, so later specs find her list as they expect.
    endAfterTest(customer.name);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/webchat?queue=${encodeURIComponent(queueName)}`);
    await expect(page.getByRole('status').filter({ hasText: `${queueName} is closed right now` })).toBeVisible();
    await page.getByLabel('Your name').fill(customer.name);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('How can we help?').fill('Please call me back tomorrow.');
    await page.getByRole('button', { name: 'Leave a message' }).click();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
    await expect(page.getByText('Please call me back tomorrow.')).toBeVisible();
    // Told when it will be answered, not "waiting", and still after a reload.
    const saved = page.getByRole('status').filter({ hasText: 'Your message is saved. An agent will answer when we open:' });
    await expect(saved).toBeVisible();
    await page.reload();
    await expect(saved).toBeVisible();

    // Closed: in nobody's Picklist. Anna's Picklist, fetched afresh after the message was left,
    // shows the demo's waiting chats without it.
    await anna.reload();
    await expect(picklist.getByRole('listitem').first()).toBeVisible();
    await expect(picklist.getByRole('listitem', { name: customer.name })).toHaveCount(0);

    // The admin moves the working days' opening to 11:00: the customer's page says so without a reload.
    await expect(saved).toContainText('9:00');
    const later = await openHoursDialog(adam, queueName);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await later.getByLabel(`${day} opens`).fill('11:00');
    await later.getByRole('button', { name: 'Save' }).click();
    await expect(later).toBeHidden();
    await expect(saved).toContainText('11:00');

    // The admin opens the queue (no set hours): the message is released at once and reaches Anna live.
    const reopen = await openHoursDialog(adam, queueName);
    await reopen.getByRole('checkbox', { name: 'Open only at set hours' }).uncheck();
    await reopen.getByRole('button', { name: 'Save' }).click();
    await expect(reopen).toBeHidden();
    const row = picklist.getByRole('listitem', { name: customer.name });
    await expect(row).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
    await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    await expect(anna.getByText('Please call me back tomorrow.').first()).toBeVisible();
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});
