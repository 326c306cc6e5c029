import { type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../playwright.config';
import { createTestDatabase, postgresBackend, POSTGRES_URL, type TestDatabase } from '../../src/server/test-support/databases';
import { ServerProcess, until } from '../../src/server/test-support/server-process';
import { expect, logIn, sendMessage, test, thread, uniqueCustomer } from './fixtures';

/**
 * What an agent and a customer see while the database goes away and comes back. The usual e2e
 * servers run on PGlite, so this file starts its own server on a PostgreSQL database of its own;
 * the outage is made on that database only (the shared PostgreSQL is never restarted).
 */
test.skip(!postgresBackend.available, `PostgreSQL is needed for the database outage test: ${postgresBackend.skipReason}`);

let database: TestDatabase | undefined;
let server: ServerProcess | undefined;
let databaseName = '';
const admin = new pg.Client({ connectionString: POSTGRES_URL });

test.beforeAll(async () => {
  database = await createTestDatabase('postgres');
  [{ name: databaseName }] = (await database.db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
  server = await ServerProcess.start(databaseName, { CLIENT_DIR: 'dist/client', DEMO_PASSWORD, RATE_LIMIT_MULTIPLIER: '20' });
  await until('the server is ready', () => server!.isReady(), 40_000).catch((err: Error) => {
    throw new Error(`${err.message}\n${server!.output}`);
  });
  await admin.connect();
});

test.afterAll(async () => {
  if (databaseName) await allowConnections(true).catch(() => {});
  await admin.end().catch(() => {});
  await server?.stop();
  await database?.dispose();
});

const allowConnections = (allow: boolean) =>
  admin.query(`ALTER DATABASE ${pg.escapeIdentifier(databaseName)} ALLOW_CONNECTIONS ${allow}`);

/** The database refuses new connections and every open one is ended, the server's included. */
async function takeDatabaseAway() {
  await allowConnections(false);
  const backends = () => admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [databaseName]);
  await until('no connection to the database is left', async () => (await backends()).rowCount === 0);
}

async function openWebChat(browser: Browser, customer: { name: string; email: string }): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: server!.baseUrl })).newPage();
  await page.goto('/webchat?queue=Support');
  await page.getByLabel('Your name').fill(customer.name);
  await page.getByLabel('Email').fill(customer.email);
  await page.getByLabel('How can we help?').fill('My order has not arrived');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Waiting for an agent' })).toBeVisible();
  await expect(page.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  return page;
}

test('messages written while the database is unreachable are kept, shown as not sent, and delivered once it is back', async ({ browser }) => {
  const anna = await (await browser.newContext({ baseURL: server!.baseUrl })).newPage();
  await logIn(anna, 'anna');
  const customer = uniqueCustomer('Outage');
  const customerPage = await openWebChat(browser, customer);
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(customerPage.getByRole('status').filter({ hasText: 'You are chatting with Anna Lindqvist' })).toBeVisible();
  await expect(thread(anna).getByText('Anna Lindqvist joined the conversation.')).toBeVisible();
  let navigations = 0;
  for (const page of [anna, customerPage]) page.on('framenavigated', () => navigations++);

  await takeDatabaseAway();

  // Each side's message stays on screen, marked as not sent with the server's reason.
  const fromAnna = 'I am still here, one moment please';
  await sendMessage(anna, fromAnna);
  const annaFailed = thread(anna).getByRole('alert');
  await expect(annaFailed).toContainText('Not sent');
  await expect(annaFailed).toContainText('cannot reach its database right now');
  await expect(thread(anna).getByText(fromAnna)).toBeVisible();

  const fromCustomer = 'Thanks, I will wait';
  await sendMessage(customerPage, fromCustomer);
  const customerFailed = thread(customerPage).getByRole('alert');
  await expect(customerFailed).toContainText('Not sent');
  await expect(customerFailed).toContainText('cannot reach its database right now');
  await expect(thread(customerPage).getByText(fromCustomer)).toBeVisible();

  await allowConnections(true);
  await until('the server reaches its database again', () => server!.isReady());

  // Nobody clicks Retry: each side sends its message again by itself (backing off up to 30 s),
  // once; the other side receives it live, without a reload.
  await expect(thread(anna).getByRole('alert')).toHaveCount(0, { timeout: 40_000 });
  await expect(thread(customerPage).getByRole('alert')).toHaveCount(0, { timeout: 40_000 });

  await expect(thread(customerPage).getByText(fromAnna)).toHaveCount(1, { timeout: 20_000 });
  await expect(thread(anna).getByText(fromCustomer)).toHaveCount(1, { timeout: 20_000 });
  await expect(thread(anna).getByText(fromAnna)).toHaveCount(1);
  await expect(thread(customerPage).getByText(fromCustomer)).toHaveCount(1);
  await expect(anna.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  await expect(customerPage.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
  expect(navigations).toBe(0);
});
