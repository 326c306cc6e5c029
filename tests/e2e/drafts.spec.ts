import { expect, logIn, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

test('a half-written reply survives a reload and reaches the agent’s other device', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Draft');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Can you check my order?' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  const box = anna.getByRole('textbox', { name: 'Message' });
  // Saved on the server shortly after typing pauses (listened for first, so a quick save is not missed).
  const saved = anna.waitForResponse((r) => r.url().endsWith('/draft') && r.request().method() === 'PUT');
  await box.fill('Your order left the warehouse');
  await saved;

  await anna.reload();
  await expect(anna.getByRole('textbox', { name: 'Message' })).toHaveValue('Your order left the warehouse');

  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await logIn(phone, 'anna');
  await phone.goto(anna.url());
  await expect(phone.getByRole('textbox', { name: 'Message' })).toHaveValue('Your order left the warehouse');

  // Sending clears the draft everywhere.
  const cleared = anna.waitForResponse((r) => r.url().endsWith('/draft') && r.request().method() === 'PUT');
  await anna.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(thread(customerPage).getByText('Your order left the warehouse')).toBeVisible();
  await cleared;
  await phone.reload();
  await expect(phone.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await phoneContext.close();
});
