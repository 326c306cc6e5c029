import { request, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { DEMO_URL } from '../../playwright.config';
import { CONVERSATION_PAGE_SIZE } from '../../src/contract/limits';
import { AdminApi } from './admin-api';
import { expect, startCustomerChat, test, uniqueCustomer } from './fixtures';
import { StaffApi } from './staff-api';

// More conversations than one page, in a queue of their own so no other spec's rows mix in.
const COUNT = CONVERSATION_PAGE_SIZE + 5;
const queueName = `Paging ${Date.now().toString(36)}`;
const names = Array.from({ length: COUNT }, (_, i) => `Paged ${String(i + 1).padStart(2, '0')} ${randomUUID().slice(0, 4)}`);
let anna: StaffApi;
const held: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const admin = await AdminApi.as();
  await admin.createQueue(queueName, ['anna']);
  const web = await request.newContext({ baseURL: DEMO_URL });
  const { queues } = (await (await web.get('/api/webchat/queues')).json()) as { queues: { id: string; name: string }[] };
  const queueId = queues.find((q) => q.name === queueName)!.id;
  anna = await StaffApi.as('anna');
  // One after another, so they arrive in name order.
  for (const [i, name] of names.entries()) {
    const res = await web.post('/api/webchat/conversations', {
      data: { queueId, name, email: `paged.${i}.${randomUUID().slice(0, 8)}@example.com`, text: `Question ${i + 1}`, clientMessageId: randomUUID() },
    });
    if (!res.ok()) throw new Error(`start chat: ${res.status()} ${await res.text()}`);
    const { conversation } = (await res.json()) as { conversation: { id: string } };
    await anna.pick(conversation.id);
    held.push(conversation.id);
  }
  await web.dispose();
});

test.afterAll(async () => {
  // Later specs expect Anna to hold few conversations.
  for (const id of held) await anna.end(id).catch(() => undefined);
  await anna.dispose();
});

const conversationsList = (page: Page) => page.getByRole('list', { name: 'Conversations' });

test('scrolling my Conversations loads the later pages', async ({ agentPage }) => {
  const page = await agentPage('anna');
  await page.goto('/agent?list=mine&sort=arrived-newest');
  const list = conversationsList(page);
  // Newest first: this spec's chats lead, the first page ends before the oldest of them.
  await expect(list.getByRole('listitem', { name: names.at(-1) })).toBeVisible();
  await expect(list.getByRole('listitem', { name: names[0] })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Conversations/ })).toContainText(String(COUNT));
  // Scroll to the end of what is loaded until the oldest of them has come with a later page.
  await expect
    .poll(async () => {
      await list.evaluate((el) => el.parentElement!.scrollTo({ top: el.parentElement!.scrollHeight }));
      return list.getByRole('listitem', { name: names[0] }).count();
    })
    .toBe(1);
  await expect(list.getByRole('listitem', { name: names[0] })).toBeVisible();
});

test('the supervisor pages through the open conversations of a queue', async ({ agentPage }) => {
  const sara = await agentPage('sara');
  await sara.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Supervisor' }).click();
  await sara.getByRole('tab', { name: 'Conversations' }).click();
  await sara.getByRole('combobox', { name: 'Queue' }).click();
  await sara.getByRole('option', { name: queueName }).click();
  const table = sara.getByRole('table', { name: /conversations/i });
  await expect(sara.getByText(`Showing ${CONVERSATION_PAGE_SIZE} of ${COUNT} open conversations`)).toBeVisible();
  // Oldest first: the last of them is on the next page.
  await expect(table.getByRole('rowheader', { name: names[0] })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: names.at(-1) })).toHaveCount(0);
  await sara.getByRole('button', { name: 'Show more conversations' }).click();
  await expect(table.getByRole('rowheader', { name: names.at(-1) })).toBeVisible();
  await expect(sara.getByText(`Showing ${COUNT} of ${COUNT} open conversations`)).toBeVisible();
  await expect(sara.getByRole('button', { name: 'Show more conversations' })).toHaveCount(0);
});

test('a new waiting chat appears in a loaded Picklist after the ones that waited longer', async ({ browser, agentPage }) => {
  const ben = await agentPage('ben');
  await ben.goto('/agent?list=picklist');
  const picklist = ben.getByRole('list', { name: 'Picklist' });
  const first = uniqueCustomer('Earlier');
  const second = uniqueCustomer('Later');
  await startCustomerChat(browser, { queue: 'Sales', ...first, text: 'I was here first' });
  await expect(picklist.getByRole('listitem', { name: first.name })).toBeVisible();
  await startCustomerChat(browser, { queue: 'Sales', ...second, text: 'Me too' });
  await expect(picklist.getByRole('listitem', { name: second.name })).toBeVisible();
  const order = await picklist.getByRole('listitem').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')));
  expect(order.indexOf(second.name)).toBe(order.indexOf(first.name) + 1);
});
