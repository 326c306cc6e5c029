import type { Page } from '@playwright/test';
import { expect, sendMessage, startCustomerChat, test, uniqueCustomer } from './fixtures';

const row = (page: Page, name: string) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name });

test('reading a conversation on one device clears its unread count on the other', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Unread');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'First question' });

  // Anna at her desk (A) picks the chat; her second device (B) shows her Conversations.
  const desk = await agentPage('anna');
  await desk.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(desk.getByRole('heading', { name: customer.name })).toBeVisible();
  const laptop = await agentPage('anna');
  await laptop.getByRole('tab', { name: /Conversations/ }).click();
  await expect(row(laptop, customer.name)).toBeVisible();
  // Opened on the desk, so already read everywhere.
  await expect(row(laptop, customer.name).getByText(/unread message/)).toHaveCount(0);

  // The desk leaves the chat; the customer writes: both devices count it.
  await desk.goto('/agent?list=mine');
  await sendMessage(customerPage, 'Are you still there?');
  for (const page of [desk, laptop]) {
    await expect(row(page, customer.name).getByText('1 unread message')).toBeVisible();
    await expect(page).toHaveTitle(/^\(\d+\) Communication Panel$/);
  }

  // Reading it on the desk clears the count on the laptop too.
  await row(desk, customer.name).click();
  await expect(desk.getByRole('log', { name: 'Messages' }).getByText('Are you still there?')).toBeVisible();
  await expect(row(laptop, customer.name).getByText(/unread message/)).toHaveCount(0);
  await expect(row(desk, customer.name).getByText(/unread message/)).toHaveCount(0);

  // While the chat is open on the desk, what the customer writes is read at once, on both devices.
  await sendMessage(customerPage, 'One more thing');
  await expect(desk.getByRole('log', { name: 'Messages' }).getByText('One more thing')).toBeVisible();
  await expect(row(laptop, customer.name)).toContainText('One more thing');
  await expect(row(laptop, customer.name).getByText(/unread message/)).toHaveCount(0);
});
