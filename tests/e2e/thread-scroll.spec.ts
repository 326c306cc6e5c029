import type { Page } from '@playwright/test';
import { expect, sendMessage, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

/** A photo-sized PNG (480×360), drawn by the browser: it shows 240 px tall in the thread. */
const photo = (page: Page, colour: string) =>
  page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 360;
    const g = canvas.getContext('2d')!;
    g.fillStyle = fill;
    g.fillRect(0, 0, 480, 360);
    return canvas.toDataURL('image/png').split(',')[1]!;
  }, colour);

/** How far the thread's view is from its end, in pixels. */
const distanceFromEnd = (page: Page) => thread(page).evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

test('a conversation opens at its newest message even when its images load after it, and offers what arrives while the agent reads above', async ({
  browser,
  agentPage,
}) => {
  // Three uploads, held-back downloads and two scroll checks: triple time on a loaded machine.
  test.slow();
  const customer = uniqueCustomer('Photos');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Let me show you the damage.' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

  // The customer sends three photos, each with a line of text, then a last line.
  for (const [i, colour] of ['#c62828', '#2e7d32', '#1565c0'].entries()) {
    await customerPage.getByLabel('Gallery').setInputFiles({ name: `damage-${i + 1}.png`, mimeType: 'image/png', buffer: Buffer.from(await photo(customerPage, colour), 'base64') });
    await customerPage.getByRole('textbox', { name: 'Message' }).fill(`Photo ${i + 1}`);
    await customerPage.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(thread(customerPage).getByText(`Photo ${i + 1}`)).toBeVisible();
  }
  await sendMessage(customerPage, 'That is all of them.');
  await expect(thread(anna).getByText('That is all of them.')).toBeVisible();

  // Anna opens it again on a slow network: the photos arrive a good while after the text.
  await anna.goto('/agent?list=mine');
  let delayed = 0;
  await anna.route('**/api/attachments/**', async (route) => {
    delayed += 1;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name }).click();
  await expect(thread(anna).getByText('That is all of them.')).toBeVisible();
  const images = thread(anna).getByRole('img', { name: /^damage-\d\.png$/ });
  await expect(images.last()).toHaveJSProperty('complete', true);
  await expect.poll(() => images.last().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  expect(delayed).toBeGreaterThan(0);
  // Still at the newest message once the photos have their full height.
  await expect.poll(() => distanceFromEnd(anna)).toBeLessThanOrEqual(2);
  await expect(thread(anna).getByText('That is all of them.')).toBeInViewport();
  await anna.unroute('**/api/attachments/**');

  // A longer draft makes the composer taller and the thread's view shorter: the newest message stays in view.
  const composer = anna.getByRole('textbox', { name: 'Message' });
  const before = await thread(anna).evaluate((el) => el.clientHeight);
  await composer.fill('One\nTwo\nThree\nFour');
  await expect.poll(() => thread(anna).evaluate((el) => el.clientHeight)).toBeLessThan(before);
  await expect.poll(() => distanceFromEnd(anna)).toBeLessThanOrEqual(2);
  await composer.fill('');

  // Reading further up, a new message does not move the view: a button offers it.
  await thread(anna).evaluate((el) => el.scrollTo({ top: 0 }));
  await expect.poll(() => distanceFromEnd(anna)).toBeGreaterThan(200);
  await sendMessage(customerPage, 'Are you still there?');
  const newMessages = anna.getByRole('button', { name: 'New messages' });
  await expect(newMessages).toBeVisible();
  await expect(thread(anna).getByText('Are you still there?')).not.toBeInViewport();
  await newMessages.click();
  await expect(thread(anna).getByText('Are you still there?')).toBeInViewport();
  await expect(newMessages).toBeHidden();
});
