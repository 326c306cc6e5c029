import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { MESSAGE_PAGE_SIZE } from '../../src/contract/limits';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { expectNoHorizontalScroll, PHONE } from './touch';

/** Screenshots to look at (kept out of git in .tmp/). */
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });

const filler = (n: number) => `Filler line ${n}`;
/** Lines written after the searched one: more than the thread's first page, so it is not loaded at first. */
const AFTER = MESSAGE_PAGE_SIZE + 10;

/**
 * A customer whose chat has a word nobody else wrote early on, followed by more lines than the
 * thread's first page holds.
 */
async function chatWithWordFarBack(browser: Parameters<typeof startCustomerChat>[0], label: string) {
  const customer = uniqueCustomer(label);
  const word = `quokkaparcel${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello, about my order' });
  const token = await customerPage.evaluate(() => localStorage.getItem('cp-webchat-token'));
  const say = async (text: string) => {
    const sent = await customerPage.request.post('/api/webchat/messages', { headers: { authorization: `Bearer ${token}` }, data: { clientMessageId: randomUUID(), text } });
    expect(sent.ok()).toBe(true);
  };
  await say(`My tracking code is ${word} and it never came`);
  // A few at a time: which of a batch lands first does not matter, only that they come after it.
  for (let from = 1; from <= AFTER; from += 10) {
    await Promise.all(Array.from({ length: Math.min(10, AFTER - from + 1) }, (_, i) => say(filler(from + i))));
  }
  return { customer, word };
}

test('an agent searches a word a customer wrote long ago, sees it marked, and opens the thread at that message', async ({ browser, agentPage }) => {
  // Sixty messages to write, then a login: more than most tests do.
  test.slow();
  const { customer, word } = await chatWithWordFarBack(browser, 'Searched');
  const ben = await agentPage('ben');
  await ben.getByRole('button', { name: `Pick ${customer.name}` }).click();
  // The last filler line may be any of its batch's: the newest is in view at the bottom.
  await expect(thread(ben).getByText(/^Filler line \d+$/).last()).toBeInViewport();

  // The box is reachable by name; the start of the word is enough.
  const box = ben.getByRole('searchbox', { name: 'Search conversations and messages' });
  await box.fill(word.slice(0, -3));
  const results = ben.getByRole('list', { name: 'Search results' });
  const hit = results.getByRole('button', { name: new RegExp(`^Message from ${customer.name} in the chat with ${customer.name}: .*${word}`) });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(word);
  await shot(ben, 'search-results-desktop');

  // Keyboard: ↓ from the box reaches the result; Enter opens the chat at that message.
  await box.press('ArrowDown');
  await expect(hit).toBeFocused();
  await hit.press('Enter');
  const log = thread(ben);
  await expect(log.getByText(`My tracking code is ${word} and it never came`)).toBeInViewport();
  await expect(log.getByText(filler(AFTER - 15), { exact: true })).not.toBeInViewport();
  await shot(ben, 'search-opened-message-desktop');

  // Words nobody wrote: said so.
  await box.fill(`${word}zz nothing`);
  await expect(ben.getByRole('status').filter({ hasText: `No matches for “${word}zz nothing”` })).toBeVisible();
  // Emptied, the lists are back.
  await box.fill('');
  await expect(ben.getByRole('tab', { name: /Conversations/ })).toBeVisible();
});

test('on a phone, the search finds the customer and the message, and opens the chat at it', async ({ browser, agentPage }) => {
  test.slow();
  const { customer, word } = await chatWithWordFarBack(browser, 'Pocketsearch');
  const anna = await agentPage('anna', PHONE);
  const box = anna.getByRole('searchbox', { name: 'Search conversations and messages' });
  await box.fill(customer.name);
  const results = anna.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button', { name: `Conversation with ${customer.name}, Support` })).toBeVisible();

  await box.fill(word);
  const hit = results.getByRole('button', { name: new RegExp(`^Message from ${customer.name} .*${word}`) });
  await expect(hit.locator('mark')).toHaveText(word);
  await expectNoHorizontalScroll(anna, 'Search results');
  await shot(anna, 'search-results-phone');

  await hit.click();
  await expect(thread(anna).getByText(`My tracking code is ${word} and it never came`)).toBeInViewport();
  await shot(anna, 'search-opened-message-phone');
  // Back to the list: the results are still there.
  await anna.getByRole('button', { name: 'Back to the list' }).click();
  await expect(hit).toBeVisible();
});
