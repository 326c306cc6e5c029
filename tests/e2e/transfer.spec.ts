import { expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

test('a transfer to a queue reaches that queue’s agents with the note, and the customer is told', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Transfer');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'I want to buy 50 licences' });
  const anna = await agentPage('anna');
  const ben = await agentPage('ben');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await anna.getByRole('menuitem', { name: 'Transfer' }).click();
  const dialog = anna.getByRole('dialog', { name: 'Transfer conversation' });
  await expect(dialog.getByRole('button', { name: 'Transfer' })).toBeDisabled();
  await dialog.getByRole('combobox', { name: 'Queue' }).click();
  await anna.getByRole('option', { name: 'Sales' }).click();
  await dialog.getByRole('textbox', { name: 'Note for the receiver (optional)' }).fill('Volume deal, please quote today');
  await dialog.getByRole('button', { name: 'Transfer' }).click();

  await expect(dialog).toBeHidden();
  await expect(anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name })).toHaveCount(0);
  await expect(thread(customerPage).getByText(/transferred/i)).toBeVisible();

  const row = ben.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
  await expect(row).toContainText('Sales');
  await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(ben.getByRole('note', { name: 'Transferred by Anna Lindqvist' })).toContainText('Volume deal, please quote today');

  await sendMessage(ben, 'Hi, Ben from Sales here.');
  await expect(thread(customerPage).getByText('Hi, Ben from Sales here.')).toBeVisible();
  await expect(customerPage.getByText('Volume deal')).toHaveCount(0);

  await ben.getByRole('button', { name: 'Conversation actions' }).click();
  await ben.getByRole('menuitem', { name: 'Conversation details' }).click();
  await expect(ben.getByRole('list', { name: 'Transfers' })).toContainText('Anna Lindqvist → Sales');
});

test('a transfer to an agent waits for that agent only', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Direct');
  await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Ben helped me last time' });
  const ben = await agentPage('ben');
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await anna.getByRole('menuitem', { name: 'Transfer' }).click();
  const dialog = anna.getByRole('dialog', { name: 'Transfer conversation' });
  await dialog.getByRole('radio', { name: 'To an agent' }).check();
  await dialog.getByRole('combobox', { name: 'Agent' }).click();
  await anna.getByRole('option', { name: 'Ben Okafor' }).click();
  await dialog.getByRole('button', { name: 'Transfer' }).click();
  await expect(dialog).toBeHidden();

  const benRow = ben.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
  await expect(benRow).toContainText('For you');
  // Anna serves the same queue, but the chat is reserved for Ben.
  await anna.getByRole('tab', { name: /Picklist/ }).click();
  await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name })).toHaveCount(0);

  await benRow.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(ben.getByRole('note', { name: 'Transferred by Anna Lindqvist' })).toBeVisible();
});

test('the History list finds an ended chat by customer name and opens its transcript', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Historic');
  await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Where is my invoice?' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await sendMessage(anna, 'Sent it again just now.');
  await anna.getByRole('button', { name: 'End chat' }).click();
  await anna.getByRole('dialog').getByRole('button', { name: 'End chat' }).click();
  await expect(anna.getByRole('dialog')).toBeHidden();

  await anna.getByRole('tab', { name: 'History' }).click();
  await anna.getByRole('searchbox', { name: 'Search customers' }).fill(customer.name.split(' ')[1]!);
  const list = anna.getByRole('list', { name: 'History' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: customer.name, exact: true }).click();

  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(thread(anna).getByText('Sent it again just now.')).toBeVisible();
  await expect(anna.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await expect(anna.getByRole('menuitem', { name: 'Internal notes' })).toBeVisible();
  await expect(anna.getByRole('menuitem', { name: 'Transfer' })).toHaveCount(0);
  await anna.keyboard.press('Escape');

  await anna.getByRole('searchbox', { name: 'Search customers' }).fill('zz-no-such-customer');
  await expect(anna.getByText('No ended conversation matches “zz-no-such-customer”.')).toBeVisible();
});
