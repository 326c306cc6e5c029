import type { Page } from '@playwright/test';
import { chooseOption, expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

// Rows outside the scrolled view are not rendered (the list is virtualized): a tall window keeps
// this test's three rows rendered even when earlier tests left Anna holding many conversations.
test.use({ viewport: { width: 1280, height: 2400 } });

const conversationsList = (page: Page) => page.getByRole('list', { name: 'Conversations' });

/** The order in which this test's customers appear in Anna's Conversations list. */
async function orderOf(page: Page, names: string[]) {
  const labels = await conversationsList(page)
    .getByRole('listitem')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
  return labels.filter((label): label is string => label !== null && names.includes(label));
}

const chooseSort = (page: Page, option: string) => chooseOption(page.getByRole('combobox', { name: 'Sort conversations' }), option);

test('each sort option orders the Conversations list as expected, and the choice survives a reload', async ({ browser, agentPage }) => {
  // Three customers, a dozen messages and six orders: longer than one chat.
  test.slow();
  // A arrives first, then B, then C; by name B (Alpha) < C (Bravo) < A (Charlie).
  const a = uniqueCustomer('Charlie');
  const b = uniqueCustomer('Alpha');
  const c = uniqueCustomer('Bravo');
  const names = [a.name, b.name, c.name];
  const pageOf = new Map<string, Page>();
  for (const customer of [a, b, c]) {
    pageOf.set(customer.name, await startCustomerChat(browser, { queue: 'Support', ...customer, text: `Hello from ${customer.name}` }));
  }
  const anna = await agentPage('anna');
  for (const customer of [a, b, c]) {
    await anna.getByRole('tab', { name: /Picklist/ }).click();
    await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  }

  // Anna answers A and B; C still waits for its first answer.
  for (const customer of [a, b]) {
    await conversationsList(anna).getByRole('listitem', { name: customer.name }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    await sendMessage(anna, `Hi ${customer.name}, how can I help?`);
    await expect(thread(pageOf.get(customer.name)!).getByText(`Hi ${customer.name}, how can I help?`)).toBeVisible();
  }

  // With no conversation open, the customers write: C twice, then A three times, then B once.
  await anna.goto('/agent?list=mine');
  const row = (name: string) => conversationsList(anna).getByRole('listitem', { name });
  const writes: [typeof a, number][] = [
    [c, 2],
    [a, 3],
    [b, 1],
  ];
  for (const [customer, count] of writes) {
    for (let i = 1; i <= count; i++) {
      await sendMessage(pageOf.get(customer.name)!, `Message ${i} from ${customer.name}`);
      await expect(row(customer.name).getByText(i === 1 ? '1 unread message' : `${i} unread messages`)).toBeVisible();
    }
  }

  const expected: [string, string[]][] = [
    ['Oldest arrival first', [a.name, b.name, c.name]],
    ['Newest arrival first', [c.name, b.name, a.name]],
    ['Customer name (A–Z)', [b.name, c.name, a.name]],
    // B wrote last, then A, then C.
    ['Latest customer message', [b.name, a.name, c.name]],
    // C has waited since it arrived; A since its first message after Anna's reply; B since its only one after.
    ['Waiting longest for my reply', [c.name, a.name, b.name]],
    // A has 3 unread, C 2, B 1.
    ['Unread first', [a.name, c.name, b.name]],
  ];
  for (const [option, order] of expected) {
    await chooseSort(anna, option);
    await expect.poll(() => orderOf(anna, names), { message: option }).toEqual(order);
  }
  await expect(anna).toHaveURL(/[?&]sort=unread-first/);

  // A reload keeps the order (the address has it)…
  await anna.reload();
  await expect(anna.getByRole('combobox', { name: 'Sort conversations' })).toHaveText('Unread first');
  await expect.poll(() => orderOf(anna, names)).toEqual([a.name, c.name, b.name]);

  // …and so does the account: without it in the address, another device uses the saved order.
  await chooseSort(anna, 'Customer name (A–Z)');
  const elsewhere = await agentPage('anna');
  await elsewhere.goto('/agent?list=mine');
  await expect(elsewhere.getByRole('combobox', { name: 'Sort conversations' })).toHaveText('Customer name (A–Z)');
  await expect.poll(() => orderOf(elsewhere, names)).toEqual([b.name, c.name, a.name]);
});
