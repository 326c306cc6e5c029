import { expect, logIn, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { controlRealtimeSocket } from './realtime-socket';

test('messages sent while the agent was offline arrive once, in order, without a reload', async ({ browser }) => {
  const context = await browser.newContext();
  const anna = await context.newPage();
  const socket = await controlRealtimeSocket(anna);
  await logIn(anna, 'anna');

  const customer = uniqueCustomer('Reconnect');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Are you there?' });
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(customerPage.getByRole('status').filter({ hasText: 'You are chatting with' })).toBeVisible();
  // The thread has loaded over HTTP before the socket goes down, so what arrives later can only
  // come through the realtime catch-up.
  await expect(thread(anna).getByText('Anna Lindqvist joined the conversation.')).toBeVisible();

  let navigations = 0;
  anna.on('framenavigated', () => navigations++);
  await socket.cut();
  await expect(anna.getByRole('status', { name: /Connection: Offline/ })).toBeVisible();

  for (const text of ['first while offline', 'second while offline', 'third while offline']) {
    await sendMessage(customerPage, text);
    await expect(thread(customerPage).getByText(text)).toBeVisible();
  }
  // Nothing reaches the agent while the socket is down.
  await expect(thread(anna).getByText('first while offline')).toHaveCount(0);

  socket.restore();
  await expect(anna.getByRole('status', { name: /Connection: Live/ })).toBeVisible({ timeout: 20_000 });
  const log = thread(anna);
  await expect(log.getByText('third while offline')).toBeVisible();
  for (const text of ['first while offline', 'second while offline', 'third while offline']) {
    await expect(log.getByText(text)).toHaveCount(1);
  }
  const texts = await log.getByRole('article').allInnerTexts();
  const order = ['first', 'second', 'third'].map((w) => texts.findIndex((t) => t.includes(`${w} while offline`)));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(navigations).toBe(0);
  await context.close();
});

test('an agent message typed while the connection is down is kept and delivered once', async ({ browser }) => {
  const context = await browser.newContext();
  const anna = await context.newPage();
  await logIn(anna, 'anna');
  const customer = uniqueCustomer('Outbox');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello' });
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

  // The send request fails as if the network dropped.
  await anna.route('**/api/conversations/*/messages', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  await sendMessage(anna, 'Written during the outage');
  const failed = thread(anna).getByRole('alert');
  await expect(failed).toContainText('Not sent');
  await expect(failed).toContainText('No connection to the server');

  await anna.unroute('**/api/conversations/*/messages');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(thread(anna).getByRole('alert')).toHaveCount(0);
  await expect(thread(customerPage).getByText('Written during the outage')).toHaveCount(1);
  await expect(thread(anna).getByText('Written during the outage')).toHaveCount(1);
  await context.close();
});
