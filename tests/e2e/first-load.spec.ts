import { DEMO_URL } from '../../playwright.config';
import { expect, logIn, sendMessage, test, thread, uniqueCustomer } from './fixtures';
import { endChatsOf } from './staff-api';

type Request = { get(url: string): Promise<{ text(): Promise<string> }> };

/**
 * A chunk of contract modules only, with zod that they are written in (schemas the server, the
 * panel and the web chat share): the staff page may list it and the web chat load it later, with
 * its conversation or its start form's rules. Told by the chunk's source map.
 */
async function onlyContract(request: Request, script: string) {
  const map = JSON.parse(await (await request.get(`${DEMO_URL}${script}.map`)).text()) as { sources: string[] };
  return map.sources.length > 0 && map.sources.every((source) => source.includes('/src/contract/') || source.includes('/node_modules/zod/'));
}

/** Scripts only the staff page lists: in index.html but not in webchat.html (shared ones are in both), contract chunks aside. */
async function staffOnlyScripts(request: Request) {
  const scriptsOf = async (page: string) => {
    const html = await (await request.get(`${DEMO_URL}${page}`)).text();
    return new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
  };
  const staff = await scriptsOf('/index.html');
  const webchat = await scriptsOf('/webchat');
  const staffOnly: string[] = [];
  for (const script of [...staff].filter((s) => !webchat.has(s))) if (!(await onlyContract(request, script))) staffOnly.push(script);
  return { staffOnly, webchat };
}

// Route chunks of the staff panel are named after their route files (login-…, _staff-…, agent-…).
const STAFF_ROUTE_CHUNK = /\/assets\/(_staff|login|setup|agent|supervisor|admin|preferences|conversations)[.-][^/]*\.js$/;

test('the web chat works without loading any of the staff code, from cached, compressed files', async ({ browser }) => {
  const context = await browser.newContext();
  const { staffOnly, webchat } = await staffOnlyScripts(context.request);
  expect(staffOnly.length).toBeGreaterThan(0);
  const scripts: string[] = [];
  const responses: { url: string; encoding?: string; cache?: string }[] = [];
  context.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname);
  });
  context.on('response', (res) => {
    const url = new URL(res.url()).pathname;
    if (webchat.has(url)) responses.push({ url, encoding: res.headers()['content-encoding'], cache: res.headers()['cache-control'] });
  });

  const customer = uniqueCustomer('Lena');
  try {
    const page = await context.newPage();
    await page.goto('/webchat?queue=Support');
    await page.getByLabel('Your name').fill(customer.name);
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('How can we help?').fill('Is my order on its way?');
    await page.getByRole('button', { name: 'Start chat' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
    await sendMessage(page, 'Order 5512');
    await expect(thread(page).getByText('Order 5512')).toBeVisible();

    expect(scripts.length).toBeGreaterThan(0);
    // A contract chunk may carry a route's name (contract/conversations.ts, contract/preferences.ts): told apart by its source map.
    const staffLoaded: string[] = [];
    for (const s of scripts) if (staffOnly.includes(s) || (STAFF_ROUTE_CHUNK.test(s) && !(await onlyContract(context.request, s)))) staffLoaded.push(s);
    expect(staffLoaded).toEqual([]);
    // The page's own scripts came compressed and may be kept for a year.
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses.filter((r) => scripts.includes(r.url))) {
      expect(r.cache, r.url).toBe('public, max-age=31536000, immutable');
    }
    expect(responses.some((r) => r.encoding === 'br' || r.encoding === 'gzip')).toBe(true);
  } finally {
    await context.close();
    await endChatsOf([customer.name]);
  }
});

test('the staff panel still logs in and shows the Picklist', async ({ page }) => {
  await logIn(page, 'anna');
  await expect(page.getByRole('list', { name: 'Picklist' })).toBeVisible();
});
