import type { Page } from '@playwright/test';
import { AdminApi } from './admin-api';
import { expect, sendMessage, startCustomerChat, test, uniqueCustomer } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });
const drawer = (page: Page) => page.getByRole('complementary', { name: 'Conversation side panel' });

test('a queue that requires a reason: End is refused without one, then ends with one; the supervisor sees it in the audit trail and counted today', async ({
  browser,
  agentPage,
}) => {
  // Four people and a customer, one after the other.
  test.slow();
  // A queue of its own, so the required reason and today's count touch no other test.
  const admin = await AdminApi.as();
  const tag = Date.now().toString(36);
  const queueName = `Returns ${tag}`;
  const reason = `Refund issued ${tag}`;
  const queue = await admin.createQueue(queueName, ['anna']);
  try {
    // Adam adds the reason for that queue and makes a reason required there.
    const adam = await agentPage('adam');
    await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'End reasons' }).click();
    await adam.getByRole('button', { name: 'New reason' }).click();
    const dialog = adam.getByRole('dialog', { name: 'New end reason' });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('radio', { name: 'Chosen queues' }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByText('Choose at least one queue, or all queues')).toBeVisible();
    await dialog.getByRole('checkbox', { name: queueName }).check();
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(adam.getByRole('status').filter({ hasText: `End reason ${reason} added` })).toBeVisible();
    const codes = adam.getByRole('table', { name: 'End reasons' });
    await expect(codes.getByRole('row').filter({ has: adam.getByRole('rowheader', { name: reason }) })).toContainText(queueName);
    await adam.getByRole('switch', { name: `Reason required in ${queueName}` }).check();
    await expect(adam.getByRole('status').filter({ hasText: `Chats in ${queueName} now need an end reason` })).toBeVisible();
    await shot(adam, 'admin-end-reasons');

    // Sara lands on her own page, where today's reasons are counted per queue: none yet for this one.
    const sara = await agentPage('sara');
    await expect(sara).toHaveURL(/\/supervisor/);
    await expect(sara.getByRole('heading', { name: 'Ended today by reason' })).toBeVisible();
    const counted = sara.getByRole('row').filter({ has: sara.getByRole('rowheader', { name: reason }) });
    await expect(counted).toHaveCount(0);

    // Anna's End is refused without a reason, and goes through with one.
    const customer = uniqueCustomer('Wrapped');
    const customerPage = await startCustomerChat(browser, { queue: queueName, ...customer, text: 'I want to send it back.' });
    const anna = await agentPage('anna');
    await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    await sendMessage(anna, 'The return label is in your email.');
    await anna.getByRole('button', { name: 'End chat' }).click();
    const end = anna.getByRole('dialog', { name: 'End this chat?' });
    const reasonField = end.getByRole('combobox', { name: 'Reason' });
    await expect(reasonField).toBeVisible();
    await end.getByRole('button', { name: 'End chat' }).click();
    await expect(end.getByText('Choose a reason to end this chat: this queue needs one.')).toBeVisible();
    await expect(reasonField).toBeFocused();
    await shot(anna, 'end-chat-reason-required');
    await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toHaveCount(0);

    await reasonField.click();
    await anna.getByRole('option', { name: reason }).click();
    await end.getByRole('textbox', { name: 'Summary (optional)' }).fill('Label sent, refund after the parcel arrives.');
    await end.getByRole('button', { name: 'End chat' }).click();
    await expect(end).toBeHidden();
    await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();

    // Sara's count follows at once, without a reload.
    const row = sara.getByRole('table', { name: 'Ended today by reason' }).getByRole('row').filter({ has: sara.getByRole('rowheader', { name: reason }) });
    await expect(row.getByRole('cell')).toHaveText([queueName, '1']);
    await shot(sara, 'supervisor-ended-today-by-reason');

    // In History (every ended chat, for supervisors), the row's More menu opens its audit trail.
    await sara.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Conversations' }).click();
    await sara.getByRole('tab', { name: 'History' }).click();
    await sara.getByRole('searchbox', { name: 'Search customers' }).fill(customer.name);
    const history = sara.getByRole('list', { name: 'History' });
    await history.getByRole('button', { name: `More actions for ${customer.name}` }).click();
    await sara.getByRole('menuitem', { name: 'Audit trail' }).click();
    const trail = drawer(sara).getByRole('list', { name: 'Audit trail' });
    await expect(trail.getByRole('listitem').filter({ hasText: 'Ended by Anna Lindqvist' })).toBeVisible();
    await expect(trail.getByRole('listitem').last()).toContainText(`Reason: ${reason}. Summary: Label sent, refund after the parcel arrives.`);
    await expect(trail.getByRole('listitem').last()).toContainText('Anna Lindqvist');
    await shot(sara, 'audit-trail-with-reason');
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});

test('a held chat ends from its row in Conversations, through the same dialog with its reasons', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Rowend');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Quick question.' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

  await anna.getByRole('tab', { name: /Conversations/ }).click();
  const row = anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name });
  await row.getByRole('button', { name: `More actions for ${customer.name}` }).click();
  await expect(anna.getByRole('menuitem', { name: 'Transfer' })).toBeVisible();
  await anna.getByRole('menuitem', { name: 'End chat' }).click();
  const end = anna.getByRole('dialog', { name: 'End this chat?' });
  await expect(end).toContainText(`${customer.name} will be told that the chat has ended.`);
  // Support offers the demo's reasons and needs none.
  await end.getByRole('combobox', { name: 'Reason' }).click();
  await anna.getByRole('option', { name: 'Resolved' }).click();
  // The options fade out; the screenshot waits until they are gone.
  await expect(anna.getByRole('listbox', { includeHidden: true })).toHaveCount(0);
  await shot(anna, 'end-chat-from-row');
  await end.getByRole('button', { name: 'End chat' }).click();
  await expect(end).toBeHidden();
  await expect(row).toHaveCount(0);
  await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();

  // Waiting rows offer no End chat: only the holder ends a chat.
  await anna.getByRole('tab', { name: /Picklist/ }).click();
  await anna.getByRole('list', { name: 'Picklist' }).getByRole('button', { name: /^More actions for / }).first().click();
  await expect(anna.getByRole('menuitem', { name: 'Customer details' })).toBeVisible();
  await expect(anna.getByRole('menuitem', { name: 'End chat' })).toHaveCount(0);
});

test("History rows have a More menu that opens the ended chat's internal notes", async ({ agentPage }) => {
  const anna = await agentPage('anna');
  await anna.getByRole('tab', { name: 'History' }).click();
  const history = anna.getByRole('list', { name: 'History' });
  // The search's label and the order field's text show whole in the list's width, not cut short.
  for (const field of [anna.locator('label', { hasText: 'Search customers' }), anna.getByRole('combobox', { name: 'Sort by' })]) {
    expect(await field.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  // The demo's earlier chats: days old, so their date shows, not only the time. Earlier tests
  // end many chats as Anna, so she searches for the customer, as she would in a long History.
  await anna.getByRole('searchbox', { name: 'Search customers' }).fill('Maria Garcia');
  const row = history.getByRole('listitem').filter({ hasText: 'Maria Garcia' }).first();
  await expect(row).toContainText(/ended ([A-Z][a-z]{2} \d{1,2}|\d{1,2} [A-Z][a-z]{2})/);
  await row.getByRole('button', { name: 'More actions for Maria Garcia' }).click();
  await anna.getByRole('menuitem', { name: 'Internal notes' }).click();
  await expect(drawer(anna).getByRole('textbox', { name: 'New note' })).toBeVisible();
  await expect(anna.getByRole('heading', { name: 'Maria Garcia' })).toBeVisible();
  await expect(anna).toHaveURL(/list=history.*panel=notes|panel=notes.*list=history/);
  await shot(anna, 'history-row-notes');
});
