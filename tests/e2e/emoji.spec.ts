import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

test('an emoji from the picker, loaded on first use, reaches the customer', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Emoji');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hi!' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

  const scripts: string[] = [];
  anna.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await anna.getByRole('textbox', { name: 'Message' }).fill('Glad to help ');
  expect(scripts).toEqual([]);

  await anna.getByRole('button', { name: 'Insert emoji' }).click();
  const picker = anna.getByRole('dialog', { name: 'Emoji picker' });
  await picker.getByRole('searchbox').fill('grinning');
  await picker.getByRole('button', { name: '😀' }).first().click();
  // The picker's code and data were fetched only now.
  expect(scripts.length).toBeGreaterThan(0);
  await expect(anna.getByRole('textbox', { name: 'Message' })).toHaveValue('Glad to help 😀');

  await anna.getByRole('textbox', { name: 'Message' }).press('Enter');
  await expect(thread(customerPage).getByText('Glad to help 😀')).toBeVisible();
});

test('typing a :shortcode offers matching emoji', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Shortcode');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Thanks' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  const box = anna.getByRole('textbox', { name: 'Message' });
  await box.pressSequentially('You are welcome :thumbsu');
  await expect(anna.getByRole('menu', { name: 'Emoji suggestions' }).getByRole('menuitem').first()).toContainText('👍');
  await box.press('Enter');
  await expect(box).toHaveValue('You are welcome 👍');
  await box.press('Enter');
  await expect(thread(customerPage).getByText('You are welcome 👍')).toBeVisible();
});
