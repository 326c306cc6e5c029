import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { DEFAULT_CUSTOMER_CHAT_SETTINGS } from '../../src/contract/customer-chat';
import { expect as baseExpect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { startOwnServer } from './own-server';
import { withWorkspaceSettings } from './workspace-settings';

// Four people's pages at once on a shared, busy machine: waits get more room than the default.
const expect = baseExpect.configure({ timeout: 30_000 });
test.describe.configure({ timeout: 180_000 });

const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });

/** Puts the web-chat settings back to their defaults (off), whatever a test switched on. */
async function resetCustomerChat() {
  const restore = await withWorkspaceSettings((previous) => ({ ...previous, customerChat: { ...DEFAULT_CUSTOMER_CHAT_SETTINGS } }));
  await restore();
}

/** Adam opens Admin → Settings and changes the web chat section. */
async function adminSetsWebChat(adam: Page, change: (section: ReturnType<Page['getByRole']>) => Promise<void>) {
  await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
  const section = adam.getByRole('region', { name: 'Web chat' });
  await change(section);
  await section.getByRole('button', { name: 'Save web chat settings' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Web chat settings saved.' })).toBeVisible();
  return section;
}

test.afterAll(resetCustomerChat);

test('the customer ends the chat after confirming, the agent sees they left, and the transcript holds the messages', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Leaving');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Where is my parcel? See https://track.example/42' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  await sendMessage(anna, 'It arrives tomorrow. Details: https://acme.example/parcels');

  // Links in the customer's thread are links.
  const link = thread(customerPage).getByRole('link', { name: 'https://acme.example/parcels' });
  await expect(link).toHaveAttribute('href', 'https://acme.example/parcels');
  await expect(link).toHaveAttribute('rel', /noopener/);

  // End chat asks first; keeping the chat changes nothing.
  await customerPage.getByRole('button', { name: 'End chat' }).click();
  const confirm = customerPage.getByRole('dialog', { name: 'End this chat?' });
  await expect(confirm).toBeVisible();
  await shot(customerPage, 'webchat-end-confirm');
  await confirm.getByRole('button', { name: 'Keep chatting' }).click();
  await expect(confirm).toBeHidden();
  await customerPage.getByRole('button', { name: 'End chat' }).click();
  await confirm.getByRole('button', { name: 'End chat' }).click();
  await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();

  // Anna sees the customer left, and the chat leaves her open conversations.
  await expect(thread(anna).getByText(`${customer.name} left the chat.`)).toBeVisible();
  await expect(anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name })).toHaveCount(0);

  // The transcript: a text file with the messages, their times and authors.
  const [download] = await Promise.all([customerPage.waitForEvent('download'), customerPage.getByRole('button', { name: 'Download transcript' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^chat-.*\.txt$/);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text).toContain(`${customer.name}:\n  Where is my parcel? See https://track.example/42`);
  expect(text).toContain('Anna Lindqvist:\n  It arrives tomorrow. Details: https://acme.example/parcels');
  expect(text).toContain(`${customer.name} left the chat.`);
  expect(text).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\]/);
  await shot(customerPage, 'webchat-ended');
});

test('the survey, switched on by the admin, is answered once and the rating reaches the open supervisor page', async ({ browser, agentPage }) => {
  // Sara watches the dashboard from before the chat: the rating must reach it without a reload.
  const sara = await agentPage('sara');
  await sara.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Supervisor' }).click();
  await expect(sara.getByText('No ratings in the last 7 days.')).toBeVisible();

  const adam = await agentPage('adam');
  await adminSetsWebChat(adam, (s) => s.getByRole('switch', { name: 'Ask customers for a rating after the chat ends' }).check());
  await shot(adam, 'admin-web-chat-settings');

  const customer = uniqueCustomer('Rating');
  // A Picklist queue: in Billing (offers) the sweep may offer the chat to Anna the moment she is
  // connected, and her Pick is then refused ("offered to you: accept it") — a race seen in CI.
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'A question about my invoice.' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await sendMessage(anna, 'Sorted: the credit note is on its way.');
  await anna.getByRole('button', { name: 'End chat' }).click();
  await anna.getByRole('dialog', { name: 'End this chat?' }).getByRole('button', { name: 'End chat' }).click();

  const survey = customerPage.getByRole('form', { name: 'How was your chat?' });
  await expect(survey).toBeVisible();
  await survey.getByRole('button', { name: 'Send rating' }).click();
  await expect(survey.getByRole('alert')).toHaveText('Choose a rating from 1 to 5.');
  // MUI Rating's radios are visually hidden behind their stars: chosen with the keyboard, as a screen reader user does.
  await survey.getByRole('radio', { name: '4 of 5: Very good' }).focus();
  await customerPage.keyboard.press('Space');
  await expect(survey.getByRole('radio', { name: '4 of 5: Very good' })).toBeChecked();
  await survey.getByRole('textbox', { name: 'Comment (optional)' }).fill('Quick and kind');
  await shot(customerPage, 'webchat-survey');
  await survey.getByRole('button', { name: 'Send rating' }).click();
  await expect(customerPage.getByRole('status').filter({ hasText: 'Thank you for your feedback: 4 of 5.' })).toBeVisible();

  const perQueue = sara.getByRole('table', { name: 'Ratings per queue' });
  await expect(perQueue.getByRole('row').filter({ has: sara.getByRole('rowheader', { name: 'Support' }) })).toContainText(/of 5 \(\d+\)/);
  const perAgent = sara.getByRole('table', { name: 'Ratings per agent' });
  await expect(perAgent.getByRole('row').filter({ has: sara.getByRole('rowheader', { name: 'Anna Lindqvist' }) })).toContainText(/of 5 \(\d+\)/);
  await sara.getByRole('heading', { name: 'Customer satisfaction' }).scrollIntoViewIfNeeded();
  await shot(sara, 'supervisor-ratings');
});

// Inactivity acts on every held chat of the workspace: on the shared server it would end the
// seeded chats other specs read, so this test has a demo workspace of its own.
test('an idle chat gets the warning, agents see the countdown, then it ends by itself', async ({ browser, agentPage }) => {
  test.slow();
  const server = await startOwnServer({ portOffset: 3, seed: 'demo' });
  try {
    const customer = uniqueCustomer('Idle');
    const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello?', baseURL: server.url });
    const anna = await agentPage('anna', { baseURL: server.url });
    await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

    // Short times, set by the admin once the chat is under way: a 5 s warning, then 15 s to the end.
    const adam = await agentPage('adam', { baseURL: server.url });
    await adminSetsWebChat(adam, async (s) => {
      await s.getByRole('textbox', { name: 'Idle warning after (seconds)' }).fill('5');
      await s.getByRole('textbox', { name: 'Then end the chat after (seconds)' }).fill('15');
    });
    const warning = 'Are you still there? This chat will end soon if there is no new message.';
    await expect(thread(customerPage).getByText(warning)).toBeVisible({ timeout: 20_000 });
    await expect(thread(anna).getByText(warning)).toBeVisible();
    await expect(anna.getByRole('timer')).toContainText('Ends for inactivity in');
    await shot(anna, 'agent-idle-countdown');

    const ended = 'This chat has ended because there were no new messages for a while.';
    await expect(thread(customerPage).getByText(ended)).toBeVisible({ timeout: 30_000 });
    await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();
    await expect(thread(anna).getByText(ended)).toBeVisible();
    await expect(anna.getByRole('timer')).toHaveCount(0);
  } finally {
    server.stop();
  }
});

test('the web chat fits a 320 px wide phone, with email optional and the topic error naming the topic', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto('/webchat');
  await expect(page.getByLabel('Email (optional)')).toBeVisible();
  await page.getByLabel('Your name').fill('Pat Phone');
  await page.getByLabel('How can we help?').fill('Hi from a small phone');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByText('Choose a topic')).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(320);
  await shot(page, 'webchat-320-form');
  await page.getByLabel('Topic').selectOption({ label: 'Sales' });
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot(page, 'webchat-320-chat');
  await page.getByRole('button', { name: 'End chat' }).click();
  await page.getByRole('dialog', { name: 'End this chat?' }).getByRole('button', { name: 'End chat' }).click();
  await expect(page.getByRole('button', { name: 'Download transcript' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot(page, 'webchat-320-ended');
  await context.close();
});
