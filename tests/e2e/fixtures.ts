import { createHmac } from 'node:crypto';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_URL } from '../../playwright.config';
import { endChatsOf } from './staff-api';

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

/**
 * The workspace's web-chat identity secret, as an embedding site's server keeps it: revealed by
 * the admin, or generated when there is none yet.
 */
export async function webchatIdentitySecret(browser: Browser): Promise<string> {
  const context = await browser.newContext();
  try {
    const login = await context.request.post('/api/auth/login', { data: { username: 'adam', password: DEMO_PASSWORD } });
    expect(login.ok()).toBe(true);
    // With the session cookie, from the panel's own origin, as the admin's page would send it.
    const asPage = { headers: { origin: DEMO_URL } };
    let answer = await context.request.post('/api/admin/webchat-identity/reveal', asPage);
    if (answer.status() === 404) answer = await context.request.post('/api/admin/webchat-identity/secret', asPage);
    expect(answer.ok()).toBe(true);
    return ((await answer.json()) as { secret: string }).secret;
  } finally {
    await context.close();
  }
}

/** The query of a web-chat link an embedding site signed for its customer `customerId`. */
export async function signedIdentityQuery(browser: Browser, customerId: string): Promise<string> {
  const signature = createHmac('sha256', await webchatIdentitySecret(browser)).update(customerId, 'utf8').digest('hex');
  return `customerId=${encodeURIComponent(customerId)}&signature=${signature}`;
}

/**
 * Opens the web chat in a fresh browser context (its own storage) and starts a chat; `identity`
 * is a signed link's query (signedIdentityQuery) for a verified customer.
 */
export async function startCustomerChat(browser: Browser, opts: { queue: string; name: string; email: string; text: string; identity?: string }) {
  startedCustomers.push(opts.name);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/webchat?queue=${encodeURIComponent(opts.queue)}${opts.identity ? `&${opts.identity}` : ''}`);
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

/** Customers whose chats the running test started: left waiting, they are ended after it. */
const startedCustomers: string[] = [];

interface Fixtures {
  agentPage: (username: string) => Promise<Page>;
  /**
   * After each test, its chats still waiting are ended: specs look for their new row at the end of
   * the Picklist, and leftovers would push it out of the list's rendered (virtualized) window.
   */
  endLeftoverChats: void;
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
  endLeftoverChats: [
    async ({}, use) => {
      startedCustomers.length = 0;
      await use();
      if (startedCustomers.length > 0) await endChatsOf(startedCustomers.splice(0));
    },
    { auto: true },
  ],
});

export { expect };
