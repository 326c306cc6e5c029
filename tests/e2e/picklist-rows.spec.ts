import { expect, startCustomerChat, test, uniqueCustomer } from './fixtures';
import { StaffApi } from './staff-api';

const QUESTION =
  'Hello, I ordered a winter jacket three weeks ago and the tracking page has said "in transit" ever since; ' +
  'could you check where it is, and whether I can still return it if it arrives after my trip next week?';

test('Picklist rows show two lines of the question and turn amber, then red, by the queue waiting limit; held rows preview words, not system lines', async ({
  browser,
  agentPage,
}) => {
  // It waits for the limit to pass, as the agent would.
  test.slow();
  const adminApi = await StaffApi.as('adam');
  const restore = await adminApi.withRoutingSettings({ waitingLimitSeconds: 60 });
  try {
    // The admin sets the queue waiting limit to twenty seconds in Settings.
    const adam = await agentPage('adam');
    await adam.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
    const limit = adam.getByRole('group', { name: 'Routing and response times' }).getByRole('spinbutton', { name: 'Queue waiting limit (seconds)' });
    await expect(limit).toHaveValue('60');
    await limit.fill('20');
    await adam.getByRole('button', { name: 'Save changes' }).click();
    await expect(adam.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

    // Anna is at her Picklist when the customer writes in.
    const anna = await agentPage('anna');
    const customer = uniqueCustomer('Jacket');
    await startCustomerChat(browser, { queue: 'Support', ...customer, text: QUESTION });
    const row = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });

    // Two lines of the question, cut with an ellipsis after the second.
    const preview = row.getByText(/^Hello, I ordered a winter jacket/);
    await expect(preview).toBeVisible();
    const lines = await preview.evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
    expect(Math.round(lines)).toBe(2);

    // The wait shows as a plain time, then in words and colour near the limit and past it.
    await expect(row.getByText(/^waiting \d+ s$/)).toBeVisible();
    const near = row.getByText(/^Waiting long · \d+ s$/);
    await expect(near).toBeVisible({ timeout: 25_000 });
    await expect(row.getByTitle(/in the queue, nearing the queue waiting limit$/)).toBeVisible();
    const over = row.getByText(/^Over limit · \d+ s$/);
    await expect(over).toBeVisible({ timeout: 15_000 });
    await anna.screenshot({ path: test.info().outputPath('picklist-over-limit.png') });
    await expect(row.getByTitle(/in the queue, over the queue waiting limit$/)).toBeVisible();
    expect(await over.evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');

    // Held: the row previews what the customer wrote, not the line saying Anna joined.
    await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    await anna.goto('/agent?list=mine');
    const held = anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name });
    await expect(held.getByText(/^Hello, I ordered a winter jacket/)).toBeVisible();
    await expect(held.getByText(/joined the conversation/)).toHaveCount(0);
  } finally {
    await restore();
    await adminApi.dispose();
  }
});
