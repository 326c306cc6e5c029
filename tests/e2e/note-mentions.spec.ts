import type { Page } from '@playwright/test';
import { expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

const drawer = (page: Page) => page.getByRole('complementary', { name: 'Conversation side panel' });

test('a note with an @mention shows in the thread, counts on the Notes tab, and brings the colleague to it; the customer sees none of it', async ({ browser, agentPage }, testInfo) => {
  // Three browser contexts (two staff, one customer) on a small machine.
  test.slow();
  const customer = uniqueCustomer('Mentioned');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'My parcel is lost' });
  const anna = await agentPage('anna');
  const sara = await agentPage('sara');

  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  await sendMessage(anna, 'Let me check with the courier.');
  await expect(thread(customerPage).getByText('Let me check with the courier.')).toBeVisible();

  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await anna.getByRole('menuitem', { name: 'Internal notes' }).click();
  await expect(drawer(anna).getByRole('tab', { name: 'Internal notes, 0 notes' })).toBeVisible();

  // Typing @ offers colleagues; choosing one puts their name in the note.
  const field = drawer(anna).getByRole('textbox', { name: 'New note' });
  await field.pressSequentially('Courier says lost, @Sa');
  const suggestions = drawer(anna).getByRole('menu', { name: 'Colleagues to mention' });
  await expect(suggestions).toBeVisible();
  await suggestions.getByRole('menuitem', { name: /Sara Moreau/ }).click();
  await expect(field).toHaveValue('Courier says lost, @Sara Moreau ');
  await field.pressSequentially('can we refund?');
  await drawer(anna).getByRole('button', { name: 'Save' }).click();
  await expect(field).toHaveValue('');

  // In the thread at its time, marked as internal, with the mention highlighted; the count goes up.
  const inThread = thread(anna).getByRole('note', { name: /^Internal note by Anna Lindqvist/ });
  await expect(inThread).toContainText('Courier says lost, @Sara Moreau can we refund?');
  await expect(inThread.getByText('@Sara Moreau')).toHaveAttribute('data-mention', /.+/);
  await expect(drawer(anna).getByRole('tab', { name: 'Internal notes, 1 note' })).toBeVisible();
  await anna.screenshot({ path: testInfo.outputPath('anna-note-in-thread.png') });

  // Sara is told, and the notice opens the conversation at its notes.
  const notice = sara.getByRole('alert').filter({ hasText: `Anna Lindqvist mentioned you in a note on ${customer.name}'s conversation` });
  await expect(notice).toBeVisible();
  await sara.screenshot({ path: testInfo.outputPath('sara-notice.png') });
  await notice.getByRole('button', { name: 'Open' }).click();
  await expect(sara.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(sara).toHaveURL(/panel=notes/);
  await expect(drawer(sara).getByRole('listitem', { name: 'Note by Anna Lindqvist' })).toContainText('@Sara Moreau can we refund?');
  await expect(thread(sara).getByRole('note', { name: /^Internal note by Anna Lindqvist/ })).toBeVisible();
  await expect(notice).toBeHidden();

  // A second note reaches Sara's open thread live, and her Notes count follows.
  await field.fill('Refund approved by phone');
  await drawer(anna).getByRole('button', { name: 'Save' }).click();
  await expect(thread(sara).getByRole('note').filter({ hasText: 'Refund approved by phone' })).toBeVisible();
  await expect(drawer(sara).getByRole('tab', { name: 'Internal notes, 2 notes' })).toBeVisible();
  await sara.screenshot({ path: testInfo.outputPath('sara-thread.png') });

  // The customer's chat carries the agent's message and nothing of the notes.
  await sendMessage(anna, 'Good news: your refund is on its way.');
  await expect(thread(customerPage).getByText('Good news: your refund is on its way.')).toBeVisible();
  await expect(customerPage.getByText('Courier says lost')).toHaveCount(0);
  await expect(customerPage.getByText('Refund approved by phone')).toHaveCount(0);
  await expect(customerPage.getByText('Internal note')).toHaveCount(0);
  await customerPage.screenshot({ path: testInfo.outputPath('customer-chat.png') });
});
