import { expect, startCustomerChat, test, uniqueCustomer } from './fixtures';

test('each side sees when the other is typing, and never while the agent writes an internal note', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Typist');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello?' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(customerPage.getByRole('status').filter({ hasText: 'You are chatting with Anna Lindqvist' })).toBeVisible();

  await customerPage.getByRole('textbox', { name: 'Message' }).pressSequentially('I have a que');
  await expect(anna.getByRole('status').filter({ hasText: `${customer.name} is typing…` })).toBeVisible();
  // Sending ends "typing" at once.
  await customerPage.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(anna.getByRole('status').filter({ hasText: 'is typing' })).toHaveCount(0);

  // An internal note is not a reply: the customer sees nothing.
  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await anna.getByRole('menuitem', { name: 'Internal notes' }).click();
  await anna.getByRole('textbox', { name: 'New note' }).pressSequentially('Customer sounds unsure');
  await customerPage.waitForTimeout(1500);
  await expect(customerPage.getByRole('status').filter({ hasText: 'is typing' })).toHaveCount(0);

  await anna.getByRole('textbox', { name: 'Message' }).pressSequentially('Sure, ask away');
  await expect(customerPage.getByRole('status').filter({ hasText: 'Anna Lindqvist is typing…' })).toBeVisible();
  // After a pause the indicator goes away by itself.
  await expect(customerPage.getByRole('status').filter({ hasText: 'is typing' })).toHaveCount(0, { timeout: 12_000 });
});
