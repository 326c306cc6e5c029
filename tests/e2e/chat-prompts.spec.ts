import { AdminApi } from './admin-api';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

test('an admin writes the welcome prompt with a preview; a waiting customer is greeted and moves up the line', async ({ browser, agentPage }) => {
  test.slow();
  const admin = await AdminApi.as();
  const queueName = `Prompts ${Date.now().toString(36)}`;
  const queue = await admin.createQueue(queueName, ['anna']);
  try {
    // The admin switches on the welcome and in-queue prompts, writing the welcome with a placeholder.
    const adam = await agentPage('adam');
    await adam.goto('/admin/queues');
    await adam.getByRole('button', { name: `Chat prompts of ${queueName}` }).click();
    const dialog = adam.getByRole('dialog', { name: `Chat prompts: ${queueName}` });
    const welcome = dialog.getByRole('region', { name: 'Welcome', exact: true });
    await welcome.getByRole('switch', { name: 'Welcome prompt on' }).check();
    await welcome.getByLabel('Welcome text').fill('Hi {customer.name}, welcome to ');
    await welcome.getByRole('button', { name: 'Insert {queue.name} into Welcome' }).click();
    await expect(welcome.getByLabel('Welcome text')).toHaveValue('Hi {customer.name}, welcome to {queue.name}');
    await expect(welcome.getByRole('region', { name: 'Welcome preview' })).toContainText('Hi Alex Morgan, welcome to Support');
    await dialog.getByRole('region', { name: 'In queue', exact: true }).getByRole('switch', { name: 'In queue prompt on' }).check();
    await adam.screenshot({ path: 'test-results/chat-prompts-editor.png' });
    await dialog.getByRole('button', { name: 'Save prompts' }).click();
    await expect(adam.getByText(`Saved the chat prompts of ${queueName}.`)).toBeVisible();

    // Two customers wait; the second is told they are number 2.
    const first = uniqueCustomer('Ida');
    const second = uniqueCustomer('Jon');
    const firstPage = await startCustomerChat(browser, { queue: queueName, ...first, text: 'I was first' });
    await expect(thread(firstPage).getByText(`Hi ${first.name}, welcome to ${queueName}`)).toBeVisible();
    const secondPage = await startCustomerChat(browser, { queue: queueName, ...second, text: 'I came second' });
    await expect(thread(secondPage).getByText(`Hi ${second.name}, welcome to ${queueName}`)).toBeVisible();
    await expect(thread(secondPage).getByText('You are number 2 in the queue.')).toBeVisible();
    await expect(secondPage.getByText('You are number 2 in the queue', { exact: true })).toBeVisible();
    await secondPage.screenshot({ path: 'test-results/chat-prompts-webchat.png' });

    // An agent picks the earlier chat: the second customer moves up to number 1.
    const anna = await agentPage('anna');
    const picklist = anna.getByRole('list', { name: 'Picklist' });
    await picklist.getByRole('listitem', { name: first.name }).getByRole('button', { name: `Pick ${first.name}` }).click();
    await expect(secondPage.getByText('You are number 1 in the queue', { exact: true })).toBeVisible();
    // The agent sees the prompts in the thread as system lines.
    await expect(thread(anna).getByRole('note').filter({ hasText: `Hi ${first.name}, welcome to ${queueName}` })).toBeVisible();
    await expect(thread(anna).getByRole('note').filter({ hasText: 'You are number 1 in the queue.' })).toBeVisible();
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});
