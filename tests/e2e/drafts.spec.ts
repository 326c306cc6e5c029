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

test('a draft typed on one device appears live on the other, and a send empties both', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Live draft');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Is my parcel on its way?' });
  const desk = await agentPage('anna');
  await desk.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(desk.getByRole('heading', { name: customer.name })).toBeVisible();
  const phone = await agentPage('anna');
  await phone.goto(desk.url());
  const deskBox = desk.getByRole('textbox', { name: 'Message' });
  const phoneBox = phone.getByRole('textbox', { name: 'Message' });
  await expect(phoneBox).toHaveValue('');

  // Begun at the desk: the open chat on the phone follows without reopening.
  await deskBox.fill('Let me look up the tracking number');
  await expect(phoneBox).toHaveValue('Let me look up the tracking number');

  // Carried on at the phone: now the desk follows.
  await phoneBox.fill('Let me look up the tracking number. It left today.');
  await expect(deskBox).toHaveValue('Let me look up the tracking number. It left today.');

  // Sent from the phone: the customer gets it and the desk's composer empties.
  await phoneBox.press('Enter');
  await expect(thread(customerPage).getByText('It left today.')).toBeVisible();
  await expect(phoneBox).toHaveValue('');
  await expect(deskBox).toHaveValue('');
});
