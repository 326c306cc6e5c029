import { expect, logIn, startCustomerChat, test, uniqueCustomer } from './fixtures';
import { controlRealtimeSocket } from './realtime-socket';

test('when two agents pick the same chat, the second is told who has it', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Race');
  await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Who takes me?' });

  // Anna's view goes stale: her socket is down, so she still sees the chat as waiting.
  const annaContext = await browser.newContext();
  const anna = await annaContext.newPage();
  const socket = await controlRealtimeSocket(anna);
  await logIn(anna, 'anna');
  const annaRow = anna.getByRole('listitem', { name: customer.name });
  await expect(annaRow).toBeVisible();
  await socket.cut();

  const ben = await agentPage('ben');
  await ben.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(ben.getByRole('heading', { name: customer.name })).toBeVisible();

  await annaRow.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('alert')).toHaveText('Ben Okafor has already picked this conversation.');
  // The lists are refreshed: the chat is gone from Anna's picklist.
  await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name })).toHaveCount(0);
  await annaContext.close();
});
