import { randomUUID } from 'node:crypto';
import type { Locator } from '@playwright/test';
import { MESSAGE_PAGE_SIZE } from '../../src/contract/limits';
import { OLDER_PAGE_MIN } from '../../src/lib/message-cache';
import { expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

/** More than the first page of a thread holds (50), so the oldest must be fetched by scrolling up. */
const COUNT = 56;
const line = (n: number) => `Long chat line ${n}`;

/** Presses Home in the thread until older pages have come in and its start is in view. */
async function scrollToStart(log: Locator) {
  await log.focus();
  await expect(async () => {
    await log.press('Home');
    await expect(log.getByText('Start of the conversation')).toBeInViewport({ timeout: 1000 });
  }).toPass();
}

test('a conversation longer than a page opens at its newest message, pages back on scrolling up, and offers new messages', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Long');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: line(1) });
  // The customer keeps writing, through the web chat's API as their page would.
  const token = await customerPage.evaluate(() => localStorage.getItem('cp-webchat-token'));
  for (let n = 2; n <= COUNT; n++) {
    const sent = await customerPage.request.post('/api/webchat/messages', {
      headers: { authorization: `Bearer ${token}` },
      data: { clientMessageId: randomUUID(), text: line(n) },
    });
    expect(sent.ok()).toBe(true);
  }

  const ben = await agentPage('ben');
  await ben.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(ben.getByRole('heading', { name: customer.name })).toBeVisible();
  const log = thread(ben);

  // Opens at the newest message; the oldest is not even loaded yet.
  await expect(log.getByText(line(COUNT), { exact: true })).toBeInViewport();
  await expect(log.getByText(line(1), { exact: true })).toHaveCount(0);

  // Scrolling up with the keyboard brings in the older page, then its first message.
  await scrollToStart(log);
  await expect(log.getByText(line(1), { exact: true })).toBeInViewport();
  await expect(log.getByText(line(COUNT), { exact: true })).not.toBeInViewport();
  // Only the rows near the view are in the page.
  expect(await log.getByRole('article').count()).toBeLessThan(COUNT / 2);

  // Up in the history, a new message does not pull the agent down: a button offers it.
  await sendMessage(customerPage, 'Are you reading this?');
  const newMessages = ben.getByRole('button', { name: 'New messages' });
  await expect(newMessages).toBeVisible();
  await expect(log.getByText(line(1), { exact: true })).toBeInViewport();
  await newMessages.click();
  await expect(log.getByText('Are you reading this?')).toBeInViewport();
  await expect(newMessages).toHaveCount(0);

  // At the bottom, the next one is simply followed.
  await sendMessage(customerPage, 'Thanks for waiting');
  await expect(log.getByText('Thanks for waiting')).toBeInViewport();
  // …all the way down, its time line included.
  await expect.poll(() => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(2);
  await expect(newMessages).toHaveCount(0);

  // The customer's web chat shows the same thread, also opened at the newest message.
  await customerPage.reload();
  await expect(thread(customerPage).getByText('Thanks for waiting')).toBeInViewport();
  await expect(thread(customerPage).getByText(line(1), { exact: true })).toHaveCount(0);
});

test('scrolling up a conversation of several pages asks for ever larger pages and reaches its first message', async ({ browser, agentPage }) => {
  // The newest page (50), an older page of 200, then one as large as what is loaded: 250.
  const count = MESSAGE_PAGE_SIZE + OLDER_PAGE_MIN + 50;
  const customer = uniqueCustomer('Longer');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: line(1) });
  const token = await customerPage.evaluate(() => localStorage.getItem('cp-webchat-token'));
  // A few at a time: which of a batch lands first does not matter, only that line 1 is the first.
  for (let from = 2; from <= count; from += 10) {
    const batch = Array.from({ length: Math.min(10, count - from + 1) }, (_, i) => from + i);
    const sent = await Promise.all(
      batch.map((n) => customerPage.request.post('/api/webchat/messages', { headers: { authorization: `Bearer ${token}` }, data: { clientMessageId: randomUUID(), text: line(n) } })),
    );
    expect(sent.every((r) => r.ok())).toBe(true);
  }

  const ben = await agentPage('ben');
  const olderLimits: number[] = [];
  ben.on('request', (r) => {
    const url = new URL(r.url());
    if (/\/api\/conversations\/[^/]+\/messages$/.test(url.pathname) && url.searchParams.has('before')) olderLimits.push(Number(url.searchParams.get('limit')));
  });
  await ben.getByRole('button', { name: `Pick ${customer.name}` }).click();
  const log = thread(ben);
  await expect(ben.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(log.getByRole('article').first()).toBeVisible();

  await scrollToStart(log);
  await expect(log.getByText(line(1), { exact: true })).toBeInViewport();
  expect(olderLimits).toEqual([OLDER_PAGE_MIN, MESSAGE_PAGE_SIZE + OLDER_PAGE_MIN]);
});
