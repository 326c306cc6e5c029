import { createHmac } from 'node:crypto';
import { test as base, expect, type Browser, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';
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
 * is a signed link's query (signedIdentityQuery) for a verified customer. The queue comes from
 * the link, as an embedding site preselects it, or with `chooseTopic` the customer picks it in
 * the form's Topic field from a link without one. `baseURL` names another server than the suite's.
 */
export async function startCustomerChat(
  browser: Browser,
  opts: { queue: string; name: string; email: string; text: string; identity?: string; chooseTopic?: boolean; baseURL?: string },
) {
  // A chat on a test's own server (own-server.ts) ends with that server.
  if (!opts.baseURL) startedCustomers.push(opts.name);
  const context = await browser.newContext(opts.baseURL ? { baseURL: opts.baseURL } : {});
  const page = await context.newPage();
  const query = [opts.chooseTopic ? '' : `queue=${encodeURIComponent(opts.queue)}`, opts.identity ?? ''].filter(Boolean).join('&');
  await page.goto(`/webchat${query ? `?${query}` : ''}`);
  if (opts.chooseTopic) await page.getByLabel('Topic').selectOption({ label: opts.queue });
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

/**
 * Chooses `option` in an MUI select (`field`, the combobox) and waits until the field shows it.
 * Under heavy load a click could land on the menu while it was still settling into place and be
 * lost, leaving the menu open (seen twice in CI at load 20): then, as a user would, it clicks again.
 */
export async function chooseOption(field: Locator, option: string) {
  const listbox = field.page().getByRole('listbox');
  await expect(async () => {
    if (!(await listbox.isVisible())) await field.click();
    await listbox.getByRole('option', { name: option, exact: true }).click({ timeout: 5_000 });
    await expect(field).toHaveText(option, { timeout: 2_000 });
  }).toPass();
}

/** The message thread of a page: the only `log` region. */
export const thread = (page: Page) => page.getByRole('log', { name: 'Messages' });

/** Customers whose chats the running test started: left waiting, they are ended after it. */
const startedCustomers: string[] = [];
/** Ends the chats of customer `name` once the running test is over, whatever state they are in. */
export function endAfterTest(name: string) {
  startedCustomers.push(name);
}

interface Fixtures {
  /** A staff member logged in, in a browser context of their own (`device`: a phone's or tablet's viewport, touch, user agent). */
  agentPage: (username: string, device?: BrowserContextOptions) => Promise<Page>;
  /**
   * After each test, its chats still waiting are ended: specs look for their new row at the end of
   * the Picklist, and leftovers would push it out of the list's rendered (virtualized) window.
   */
  endLeftoverChats: void;
  /**
   * Browser contexts a test opened itself (customers' web chats, second devices) are closed after
   * it. Left open they would stay live for the rest of the worker: each keeps its socket, and
   * Playwright traces and screenshots every open page for every later test, which slowed the
   * suite as it went on (38 pages by the supervision spec).
   */
  closeTestContexts: void;
}

export const test = base.extend<Fixtures>({
  agentPage: async ({ browser }, use) => {
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await use(async (username, device) => {
      const context = await browser.newContext(device);
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
  closeTestContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    },
    { auto: true },
  ],
});

export { expect };
