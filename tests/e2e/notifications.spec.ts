import type { Page } from '@playwright/test';
import { expect, sendMessage, startCustomerChat, test, uniqueCustomer } from './fixtures';
import { StaffApi } from './staff-api';

interface Recorded {
  title: string;
  body?: string;
  tag?: string;
}

/**
 * Replaces the browser's Notification with a stand-in that records what the page raises, with
 * permission already granted (a headless browser cannot show the real ones).
 */
async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const recorded: { title: string; body?: string; tag?: string }[] = [];
    class RecordingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string; tag?: string }) {
        recorded.push({ title, body: options?.body, tag: options?.tag });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
    Object.defineProperty(window, 'recordedNotifications', { value: recorded });
  });
  // The stand-in is installed on the next document.
  await page.reload();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  return () => page.evaluate(() => (window as unknown as { recordedNotifications: Recorded[] }).recordedNotifications);
}

test('a desktop notification is raised for a new customer message when enabled, and not when disabled', async ({ browser, agentPage }) => {
  // Two customers, a reload and three waits for notifications: more than the default minute on a busy machine.
  test.slow();
  const annaApi = await StaffApi.as('anna');
  await annaApi.clearWork();
  await annaApi.setNotifications({ newMessages: true, newConversations: true, desktop: false, sound: false });
  try {
    const anna = await agentPage('anna');
    const recorded = await recordNotifications(anna);

    const kim = uniqueCustomer('Notify');
    const customer = await startCustomerChat(browser, { queue: 'Support', ...kim, text: 'I need help with my order' });
    await anna.getByRole('button', { name: `Pick ${kim.name}` }).click();
    await expect(anna.getByRole('heading', { name: kim.name })).toBeVisible();

    // Turn desktop notifications on, away from the conversation (its messages would be on screen).
    await anna.getByRole('link', { name: 'Preferences' }).click();
    await expect(anna.getByRole('heading', { name: 'Notifications' })).toBeVisible();
    await expect(anna.getByText('This browser allows desktop notifications from the panel.')).toBeVisible();
    const desktop = anna.getByRole('switch', { name: 'Desktop notifications' });
    await expect(desktop).not.toBeChecked();
    // The switch follows the saved preferences a moment after the click (the optimistic update
    // waits for any preferences read to be cancelled): wait for it rather than check() at once.
    await desktop.click();
    await expect(desktop).toBeChecked();
    await expect(anna.getByRole('switch', { name: 'New messages in my conversations' })).toBeChecked();
    await expect(anna.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

    await sendMessage(customer, 'Is anyone there?');
    await expect.poll(recorded).toContainEqual({ title: `New message from ${kim.name}`, body: 'Is anyone there?', tag: expect.any(String) });

    // The choice is the server's: a reload shows it saved.
    await anna.reload();
    await expect(anna.getByRole('switch', { name: 'Desktop notifications' })).toBeChecked();
    await expect(anna.getByRole('status', { name: /Connection: Live/ })).toBeVisible();

    const newMessages = anna.getByRole('switch', { name: 'New messages in my conversations' });
    await newMessages.click();
    await expect(newMessages).not.toBeChecked();
    await sendMessage(customer, 'Hello again?');
    // Events arrive in order: once the next conversation is announced, the message has been handled.
    const lee = uniqueCustomer('Later');
    const other = await startCustomerChat(browser, { queue: 'Support', ...lee, text: 'A question' });
    await expect.poll(recorded).toContainEqual(expect.objectContaining({ title: `New conversation waiting: ${lee.name}` }));
    expect((await recorded()).map((n) => n.body)).not.toContain('Hello again?');
    await customer.context().close();
    await other.context().close();
  } finally {
    await annaApi.setNotifications({ newMessages: true, newConversations: true, desktop: false, sound: false });
    await annaApi.dispose();
  }
});

test('with the panel open in two tabs, each new message is announced once', async ({ browser, agentPage }) => {
  const annaApi = await StaffApi.as('anna');
  await annaApi.clearWork();
  await annaApi.setNotifications({ newMessages: true, newConversations: true, desktop: true, sound: false });
  try {
    const first = await agentPage('anna');
    const kim = uniqueCustomer('Tabs');
    const customer = await startCustomerChat(browser, { queue: 'Support', ...kim, text: 'Two tabs?' });
    await first.getByRole('button', { name: `Pick ${kim.name}` }).click();
    await expect(first.getByRole('heading', { name: kim.name })).toBeVisible();

    // Both tabs of one browser away from the chat, so each would announce its messages.
    const second = await first.context().newPage();
    await second.goto('/preferences');
    await first.getByRole('link', { name: 'Preferences' }).click();
    const recorded = [await recordNotifications(first), await recordNotifications(second)];
    const all = async () => (await Promise.all(recorded.map((r) => r()))).flat();

    await sendMessage(customer, 'Only once, please');
    // Events arrive in order: once the next conversation is announced, the message has been handled in both tabs.
    const lee = uniqueCustomer('After');
    const other = await startCustomerChat(browser, { queue: 'Support', ...lee, text: 'Next question' });
    await expect.poll(async () => (await all()).filter((n) => n.title === `New conversation waiting: ${lee.name}`).length).toBe(1);
    expect((await all()).filter((n) => n.body === 'Only once, please')).toHaveLength(1);
    await customer.context().close();
    await other.context().close();
  } finally {
    await annaApi.setNotifications({ newMessages: true, newConversations: true, desktop: false, sound: false });
    await annaApi.dispose();
  }
});
