import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../playwright.config';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { startOwnServer } from './own-server';

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 25, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

test('the whole agent loop with the keyboard only, the focus where the work continues after each step', async ({ browser }) => {
  const customer = uniqueCustomer('Keys');
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Can I do this without a mouse?' });
  const context = await browser.newContext();
  const page = await context.newPage();

  // Log in: the username field has the focus on arrival.
  await page.goto('/login');
  await expect(page.getByLabel('Username')).toBeFocused();
  await page.keyboard.type('anna');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

  // The first Tab reaches the skip link, which leads straight into the Picklist's rows.
  const picklist = page.getByRole('list', { name: 'Picklist' });
  const row = picklist.getByRole('listitem', { name: customer.name });
  await expect(row).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to conversation lists' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(picklist.locator('[data-row-button]').first()).toBeFocused();
  // New chats are at the end of the Picklist: End moves there, then Tab reaches its Pick button.
  await page.keyboard.press('End');
  await expect(row.locator('[data-row-button]')).toBeFocused();
  await tabTo(page, row.getByRole('button', { name: `Pick ${customer.name}` }), { max: 3 });
  await page.keyboard.press('Enter');

  // Picked: the keyboard is in the composer.
  const composer = page.getByRole('textbox', { name: 'Message' });
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();
  await expect(composer).toBeFocused();
  await page.keyboard.type('Yes, every step.');
  await page.keyboard.press('Enter');
  await expect(thread(customerPage).getByText('Yes, every step.')).toBeVisible();
  await expect(composer).toBeFocused();

  // Alt+N opens the notes from the composer, with the keyboard in the new note's field.
  await page.keyboard.press('Alt+KeyN');
  const noteField = page.getByRole('textbox', { name: 'New note' });
  await expect(noteField).toBeFocused();
  await page.keyboard.type('Keyboard-only customer');
  await tabTo(page, page.getByRole('button', { name: 'Save', exact: true }), { max: 3 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem', { name: 'Note by Anna Lindqvist' }).filter({ hasText: 'Keyboard-only customer' })).toBeVisible();
  // Saved: back in the note field for the next one.
  await expect(noteField).toBeFocused();

  // T (outside a field) opens the transfer dialog; Escape closes it and gives the focus back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await expect(noteField).toBeFocused();
  await page.keyboard.press('Alt+KeyR');
  await expect(composer).toBeFocused();
  // Alt+N with the notes already open still takes the keyboard to the note field.
  await expect(noteField).toBeVisible();
  await page.keyboard.press('Alt+KeyN');
  await expect(noteField).toBeFocused();
  await page.keyboard.press('Alt+KeyR');
  await expect(composer).toBeFocused();
  await page.keyboard.press('Alt+KeyT');
  const transfer = page.getByRole('dialog', { name: 'Transfer conversation' });
  await expect(transfer.getByRole('radio', { name: 'To a queue' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(transfer.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(transfer).toBeHidden();

  // E ends the chat: the dialog's confirm button by Tab, then the keyboard is back in the list.
  await page.keyboard.press('Alt+KeyE');
  const endDialog = page.getByRole('dialog', { name: 'End this chat?' });
  await expect(endDialog).toBeVisible();
  await tabTo(page, endDialog.getByRole('button', { name: 'End chat' }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(endDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: customer.name })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Conversation lists' }).locator(':focus')).toHaveCount(1);
  await context.close();
});

test('shortcuts switch lists, search and show their overlay; they do not fire while typing', async ({ agentPage }) => {
  const page = await agentPage('anna');
  await expect(page.getByRole('list', { name: 'Picklist' })).toBeVisible();
  await page.keyboard.press('2');
  await expect(page.getByRole('tab', { name: /Conversations/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('3');
  await expect(page.getByRole('tab', { name: /History/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('1');
  await expect(page.getByRole('tab', { name: /Picklist/ })).toHaveAttribute('aria-selected', 'true');

  // ? lists them.
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /End the chat/ })).toContainText('E');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // / goes to the search; typing there is text, not shortcuts.
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search conversations and messages' });
  await expect(search).toBeFocused();
  await page.keyboard.type('2?');
  await expect(search).toHaveValue('2?');
  await expect(help).toBeHidden();
  await expect(page.getByRole('tab', { name: /Picklist/ })).toHaveAttribute('aria-selected', 'true');
  // With Alt they act in a field too.
  await search.fill('');
  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByRole('tab', { name: /Conversations/ })).toHaveAttribute('aria-selected', 'true');
});

test('keyboard shortcuts can be switched off in Preferences', async ({ agentPage }) => {
  const page = await agentPage('ben');
  await page.goto('/preferences');
  const toggle = page.getByRole('switch', { name: 'Keyboard shortcuts' });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  try {
    await page.goto('/agent');
    await expect(page.getByRole('list', { name: 'Picklist' })).toBeVisible();
    await page.keyboard.press('2');
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByRole('tab', { name: /Picklist/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  } finally {
    await page.goto('/preferences');
    await page.getByRole('switch', { name: 'Keyboard shortcuts' }).click();
    await expect(page.getByRole('switch', { name: 'Keyboard shortcuts' })).toBeChecked();
  }
});

// P picks whoever waited longest: on the shared server that is a seeded chat other specs read,
// so this test has a demo workspace of its own.
test('P picks the top of the Picklist and puts the keyboard in its composer', async ({ agentPage }) => {
  const server = await startOwnServer({ portOffset: 4, seed: 'demo' });
  try {
    const anna = await agentPage('anna', { baseURL: server.url });
    const picklist = anna.getByRole('list', { name: 'Picklist' });
    const top = picklist.getByRole('listitem').first();
    await expect(top).toBeVisible();
    const name = (await top.getAttribute('aria-label'))!;
    const waiting = await picklist.getByRole('listitem').count();
    await expect(anna.getByRole('button', { name: `Pick ${name}` }).first()).toBeVisible();

    await anna.keyboard.press('p');
    await expect(anna.getByRole('heading', { name })).toBeVisible();
    await expect(anna.getByRole('textbox', { name: 'Message' })).toBeFocused();
    await expect(anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name })).toBeVisible();
    await anna.getByRole('tab', { name: 'Picklist' }).click();
    await expect(picklist.getByRole('listitem')).toHaveCount(waiting - 1);
    await expect(picklist.getByRole('listitem', { name })).toHaveCount(0);
  } finally {
    server.stop();
  }
});
