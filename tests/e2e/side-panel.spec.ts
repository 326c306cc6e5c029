import type { Page } from '@playwright/test';
import { expect, logIn, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { AdminApi } from './admin-api';
import { PHONE } from './touch';

/** Screenshots to look at (kept out of git in .tmp/). */
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });
const drawer = (page: Page) => page.getByRole('complementary', { name: 'Conversation side panel' });
const toggle = (page: Page) => page.getByRole('button', { name: 'Side panel', exact: true });

// An agent of their own, who has never opened or closed the panel: what they see is the default.
const id = Date.now().toString(36);
// The password must not contain the username or the name.
const agent = { username: `sidepanel-${id}`, name: `Robin Sidepanel ${id}`, password: 'quiet orchard lantern 47' };
const queueName = `Panel queue ${id}`;

test.describe.configure({ mode: 'serial' });
// Two browsers, reloads and a second computer: longer than one chat on a loaded machine.
test.slow();
test.beforeAll(async () => {
  const admin = await AdminApi.as();
  await admin.createAgent(agent.username, agent.name, agent.password);
  await admin.createQueue(queueName, [agent.username]);
  await admin.dispose();
});

/** A new chat in the agent's queue, picked by the agent on `page`; returns the conversation's address. */
async function pickNewChat(page: Page, browser: Parameters<typeof startCustomerChat>[0], label: string) {
  const customer = uniqueCustomer(label);
  await startCustomerChat(browser, { queue: queueName, ...customer, text: 'Hello there' });
  await page.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
  return { customer, url: page.url() };
}

test('on a phone the side panel is a sheet, closed until asked for', async ({ browser }) => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await logIn(page, agent.username, agent.password);
  const { customer } = await pickNewChat(page, browser, 'Phone panel');
  await expect(thread(page).getByText('Hello there')).toBeVisible();
  await expect(drawer(page)).toHaveCount(0);
  // No toggle in a phone's header: the ⋮ menu opens the sections, over the whole screen.
  await expect(toggle(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Conversation actions' }).click();
  await page.getByRole('menuitem', { name: 'Customer details' }).click();
  await expect(drawer(page).getByRole('definition').filter({ hasText: customer.email })).toBeVisible();
  expect(await drawer(page).boundingBox()).toMatchObject({ x: 0, y: 0, width: 390 });
  await drawer(page).getByRole('button', { name: 'Close side panel' }).click();
  await expect(drawer(page)).toHaveCount(0);
  await shot(page, 'side-panel-phone');
});

test('at 1280 px the side panel is open beside the chat at first, and stays as the agent leaves it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await logIn(page, agent.username, agent.password);
  const { customer, url } = await pickNewChat(page, browser, 'Wide panel');

  // Open by default, at the customer's details, beside the chat (not over it).
  const panel = drawer(page);
  await expect(panel.getByRole('heading', { name: 'Customer details' })).toBeVisible();
  await expect(panel.getByRole('definition').filter({ hasText: customer.email })).toBeVisible();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  const chat = (await page.getByRole('region', { name: `Chat with ${customer.name}` }).boundingBox())!;
  const side = (await panel.boundingBox())!;
  expect(side.x).toBeGreaterThanOrEqual(chat.x + chat.width - 1);
  expect(side.x + side.width).toBeLessThanOrEqual(1280);
  // The chat stays usable beside it: the composer's field and Send are on screen, and a reply goes.
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeInViewport();
  await page.getByRole('textbox', { name: 'Message' }).fill('Hello, I can see your details');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(thread(page).getByText('Hello, I can see your details')).toBeVisible();
  await shot(page, 'side-panel-1280-open');

  // Switched to the notes, it stays there after a reload, and when the chat is opened afresh.
  await panel.getByRole('tab', { name: 'Internal notes' }).click();
  await expect(page).toHaveURL(/panel=notes/);
  await page.reload();
  await expect(drawer(page).getByRole('textbox', { name: 'New note' })).toBeVisible();
  await page.goto(url.replace(/panel=[a-z]+&?/, ''));
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(drawer(page).getByRole('heading', { name: 'Internal notes' })).toBeVisible();
  await shot(page, 'side-panel-1280-notes');

  // Closed with the header's toggle, it stays closed after a reload, and the toggle opens it at the notes again.
  await toggle(page).click();
  await expect(drawer(page)).toHaveCount(0);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page).not.toHaveURL(/panel=/);
  await page.reload();
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(drawer(page)).toHaveCount(0);
  await shot(page, 'side-panel-1280-closed');

  // The ⋮ menu still opens a section, and the panel's own close button closes it.
  await page.getByRole('button', { name: 'Conversation actions' }).click();
  await page.getByRole('menuitem', { name: 'Conversation details' }).click();
  await expect(drawer(page).getByRole('heading', { name: 'Conversation details' })).toBeVisible();
  await drawer(page).getByRole('button', { name: 'Close side panel' }).click();
  await expect(drawer(page)).toHaveCount(0);
  await toggle(page).click();
  await expect(drawer(page).getByRole('heading', { name: 'Conversation details' })).toBeVisible();

  // Another computer (a new browser context) finds it as it was left.
  const other = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const second = await other.newPage();
  await logIn(second, agent.username, agent.password);
  await second.goto(url.replace(/panel=[a-z]+&?/, ''));
  await expect(drawer(second).getByRole('heading', { name: 'Conversation details' })).toBeVisible();
});
