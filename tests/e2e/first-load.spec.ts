import { DEMO_URL } from '../../playwright.config';
import { STAFF_MODULE } from '../../src/build/first-load';
import { expect, logIn, sendMessage, test, thread, uniqueCustomer } from './fixtures';
import { endChatsOf } from './staff-api';

type Request = { get(url: string): Promise<{ text(): Promise<string> }> };

/** The modules a served script was built from, read from its source map (the bundler's runtime has none). */
async function sourcesOf(request: Request, script: string) {
  const map = JSON.parse(await (await request.get(`${DEMO_URL}${script}.map`)).text()) as { sources?: string[] };
  if (map.sources) return map.sources;
  if (/\/rolldown-runtime-[^/]+\.js$/.test(script)) return [];
  throw new Error(`${script} has no source map`);
}

/** The scripts a page's HTML lists (its entry and what that imports at once). */
async function scriptsListedBy(request: Request, page: string) {
  const html = await (await request.get(`${DEMO_URL}${page}`)).text();
  return new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!));
}

/** Scripts holding staff code (features, routes, the router, the staff entry), by their source maps. */
async function withStaffCode(request: Request, scripts: Iterable<string>) {
  const found: string[] = [];
  for (const script of scripts) if ((await sourcesOf(request, script)).some((source) => STAFF_MODULE.test(source))) found.push(script);
  return found;
}

test('the web chat works without loading any of the staff code, from cached, compressed files', async ({ browser }) => {
  const context = await browser.newContext();
  // The pattern does find staff code where there is some: in the staff page's own scripts.
  expect(await withStaffCode(context.request, await scriptsListedBy(context.request, '/index.html'))).not.toEqual([]);
  const webchat = await scriptsListedBy(context.request, '/webchat');
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
    // Neither with the page nor later with the chat (shared chunks such as the query cache's are
    // fine); /color-scheme.js is a plain file of public/, built from nothing.
    expect(await withStaffCode(context.request, new Set(scripts.filter((s) => s.startsWith('/assets/'))))).toEqual([]);
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
