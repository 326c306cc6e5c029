import type { Page } from '@playwright/test';
import { AdminApi } from './admin-api';
import { chooseOption, expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { StaffApi } from './staff-api';

/** A cell of a table, by its row's header text and its column's header text. */
async function cell(page: Page, table: string, row: string, column: string) {
  const grid = page.getByRole('table', { name: table });
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  const index = headers.findIndex((h) => h.trim() === column);
  if (index < 1) throw new Error(`No column ${column} in ${table}: ${headers.join(', ')}`);
  // The first column holds the row headers; cells count from the second.
  return grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: row }) }).getByRole('cell').nth(index - 1);
}

const openSupervisor = async (page: Page, tab: 'Queues' | 'Agents' | 'Conversations') => {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Supervisor' }).click();
  await expect(page.getByRole('heading', { name: 'Supervisor' })).toBeVisible();
  if (tab !== 'Queues') await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
};

test('the Queues dashboard follows a new chat and its pick live', async ({ browser, agentPage }) => {
  // A queue of its own, so other tests' waiting chats do not count here.
  const admin = await AdminApi.as();
  const queueName = `Dash ${Date.now().toString(36)}`;
  const queue = await admin.createQueue(queueName, ['ben']);
  try {
    const sara = await agentPage('sara');
    await openSupervisor(sara, 'Queues');
    const waiting = await cell(sara, 'Queues right now', queueName, 'Waiting');
    const longest = await cell(sara, 'Queues right now', queueName, 'Longest wait');
    const inProgress = await cell(sara, 'Queues right now', queueName, 'In progress');
    await expect(waiting).toHaveText('0');
    await expect(longest).toHaveText('—');
    await expect(inProgress).toHaveText('0');
    await expect(await cell(sara, 'Queues right now', queueName, 'Agents serving')).toHaveText('1');
    const chart = (now: number) => sara.getByRole('img', { name: new RegExp(`^${queueName}: conversations waiting over the last hour — now ${now},`) });
    await expect(chart(0)).toBeVisible();

    // A customer writes in: counted at once, and the wait starts ticking, without a reload.
    const customer = uniqueCustomer('Dashboard');
    await startCustomerChat(browser, { queue: queueName, ...customer, text: 'Is anyone there?' });
    await expect(waiting).toHaveText('1');
    await expect(longest).toHaveText(/^\d+ s$/);
    await expect(chart(1)).toBeVisible();
    const firstReading = await longest.innerText();
    await expect(longest).not.toHaveText(firstReading);

    // Ben picks it: nothing waits any more, one is in progress.
    const ben = await agentPage('ben');
    await ben.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(ben.getByRole('heading', { name: customer.name })).toBeVisible();
    await expect(waiting).toHaveText('0');
    await expect(longest).toHaveText('—');
    await expect(inProgress).toHaveText('1');
    await expect(chart(0)).toBeVisible();
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});

test("an agent's presence change shows live in the Agents view", async ({ agentPage }) => {
  const annaApi = await StaffApi.as('anna');
  await annaApi.setPresence('available');
  try {
    const sara = await agentPage('sara');
    await openSupervisor(sara, 'Agents');
    const presence = await cell(sara, 'Agents right now', 'Anna Lindqvist', 'Presence');
    await expect(presence).toHaveText('Available');

    const anna = await agentPage('anna');
    await anna.getByRole('button', { name: /^Presence/ }).click();
    await anna.getByRole('menuitemradio', { name: /^Away/ }).click();
    await expect(presence).toHaveText('Away');
    await expect(await cell(sara, 'Agents right now', 'Anna Lindqvist', 'Connected')).toHaveText('Yes');
    // The time in the new state starts again from zero.
    await expect(await cell(sara, 'Agents right now', 'Anna Lindqvist', 'In this state for')).toHaveText(/^\d+ s$/);

    await anna.getByRole('button', { name: /^Presence/ }).click();
    await anna.getByRole('menuitemradio', { name: /^Busy/ }).click();
    await expect(presence).toHaveText('Busy');
  } finally {
    await annaApi.setPresence('available');
    await annaApi.dispose();
  }
});

test("a supervisor reads a conversation without touching the agent's unread count, sees its audit trail and reassigns it", async ({
  browser,
  agentPage,
}) => {
  // A queue of its own: the open list shows the oldest arrivals first, a page at a time, and
  // earlier specs leave many chats open in the shared queues.
  const admin = await AdminApi.as();
  const queueName = `Oversight ${Date.now().toString(36)}`;
  const queue = await admin.createQueue(queueName, ['anna']);
  try {
    const customer = uniqueCustomer('Oversight');
    const customerPage = await startCustomerChat(browser, { queue: queueName, ...customer, text: 'My parcel is lost.' });

    // Anna picks it, leaves it open in her list only, and the customer writes again.
    const anna = await agentPage('anna');
    await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    await anna.goto('/agent?list=mine');
    await sendMessage(customerPage, 'Tracking number is 4411.');
    const annaRow = anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name });
    await expect(annaRow.getByText('1 unread message')).toBeVisible();

    // Sara finds it among the open conversations of its queue and reads it.
    const sara = await agentPage('sara');
    await openSupervisor(sara, 'Conversations');
    await chooseOption(sara.getByRole('combobox', { name: 'Queue' }), queueName);
    await expect(await cell(sara, 'Open conversations', customer.name, 'Agent')).toHaveText('Anna Lindqvist');
    await sara.getByRole('button', { name: customer.name }).click();
    await expect(sara.getByRole('heading', { name: customer.name })).toBeVisible();
    await expect(thread(sara).getByText('Tracking number is 4411.')).toBeVisible();
    const composer = sara.getByRole('textbox', { name: 'Message' });
    await expect(composer).toBeDisabled();
    await expect(composer).toHaveAttribute('placeholder', 'You are viewing this conversation read-only.');

    // Anna's count is hers alone: unchanged now, and after a reload.
    await expect(annaRow.getByText('1 unread message')).toBeVisible();
    await anna.reload();
    await expect(annaRow.getByText('1 unread message')).toBeVisible();

    // The audit trail says who did what.
    await sara.getByRole('button', { name: 'Conversation actions' }).click();
    await sara.getByRole('menuitem', { name: 'Audit trail' }).click();
    const trail = sara.getByRole('list', { name: 'Audit trail' });
    await expect(trail.getByRole('listitem').first()).toContainText(`Started a chat in ${queueName}`);
    await expect(trail.getByRole('listitem').filter({ hasText: `Picked from ${queueName}` })).toContainText('Anna Lindqvist');

    // Sara moves it to Sales: it leaves Anna's conversations, and the trail records it at once.
    await sara.getByRole('button', { name: 'Conversation actions' }).click();
    await sara.getByRole('menuitem', { name: 'Reassign' }).click();
    const dialog = sara.getByRole('dialog', { name: 'Reassign conversation' });
    await chooseOption(dialog.getByRole('combobox', { name: 'Queue' }), 'Sales');
    await dialog.getByRole('textbox', { name: /Note for the receiver/ }).fill('Sales knows this customer.');
    await dialog.getByRole('button', { name: 'Reassign' }).click();
    await expect(dialog).toBeHidden();
    await expect(sara.getByText(`Sales · ${customer.email}`)).toBeVisible();
    await expect(trail.getByRole('listitem')).toHaveCount(3);
    await expect(trail.getByRole('listitem').last()).toContainText('Sara Moreau');
    await expect(annaRow).toBeHidden();
  } finally {
    await admin.retireQueue(queue);
    await admin.dispose();
  }
});

test('agents get a 403 page for the supervisor and admin pages, supervisors for the admin pages', async ({ agentPage }) => {
  const anna = await agentPage('anna');
  const nav = anna.getByRole('navigation', { name: 'Pages' });
  await expect(nav.getByRole('link', { name: 'Supervisor' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await anna.goto('/supervisor');
  await expect(anna.getByRole('heading', { name: '403 — only supervisors and admins can watch queues and agents' })).toBeVisible();
  await expect(anna.getByRole('table')).toHaveCount(0);
  for (const path of ['/admin/queues', '/admin/users', '/admin/audit']) {
    await anna.goto(path);
    await expect(anna.getByRole('heading', { name: '403 — only admins can manage the workspace' })).toBeVisible();
  }
  await anna.getByRole('link', { name: 'Back to the panel' }).click();
  await expect(anna).toHaveURL(/\/agent/);

  const sara = await agentPage('sara');
  await expect(sara.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' })).toHaveCount(0);
  for (const path of ['/admin/queues', '/admin/users', '/admin/audit']) {
    await sara.goto(path);
    await expect(sara.getByRole('heading', { name: '403 — only admins can manage the workspace' })).toBeVisible();
    await expect(sara.getByRole('table')).toHaveCount(0);
  }
});
