import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../playwright.config';

let counter = 0;
/** A customer identity no other test uses, so tests never see each other's chats. */
export function uniqueCustomer(label = 'Customer') {
  const id = `${Date.now().toString(36)}${(counter++).toString(36)}`;
  return { name: `${label} ${id}`, email: `${label.toLowerCase().replace(/\W+/g, '.')}.${id}@example.com` };
}

export async function logIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
}

/** Opens the web chat in a fresh browser context (its own storage) and starts a chat. */
export async function startCustomerChat(browser: Browser, opts: { queue: string; name: string; email: string; text: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/webchat?queue=${encodeURIComponent(opts.queue)}`);
  await page.getByLabel('Your name').fill(opts.name);
  await page.getByLabel('Email').fill(opts.email);
  await page.getByLabel('How can we help?').fill(opts.text);
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
  return page;
}

export async function sendMessage(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

/** The message thread of a page: the only `log` region. */
export const thread = (page: Page) => page.getByRole('log', { name: 'Messages' });

interface Fixtures {
  agentPage: (username: string) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  agentPage: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await use(async (username) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await logIn(page, username);
      return page;
    });
    for (const c of contexts) await c.close();
  },
});

export { expect };
