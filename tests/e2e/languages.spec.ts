import { mkdirSync } from 'node:fs';
import { request } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { AdminApi } from './admin-api';
import { expect, test } from './fixtures';

const PASSWORD = 'Sprachwahl-im-Test-2026';
const shots = '.tmp/shots';

test('an agent switches the panel to German in Preferences: words and dates change, survive a reload and follow them to another device', async ({ browser }) => {
  // An agent of this test's own: the language is a preference of the user, shared by all their devices.
  const username = `lang${Date.now().toString(36)}`;
  const admin = await AdminApi.as();
  await admin.createAgent(username, 'Lena Lang', PASSWORD);
  await admin.dispose();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('link', { name: 'Preferences' }).click();
  await expect(page.getByRole('heading', { name: 'Preferences', level: 2 })).toBeVisible();
  const devices = page.getByRole('list', { name: 'My logged-in devices' });
  // English dates in the browser's en-US: "Last used Dec 2, 2026, 4:31 AM".
  await expect(devices).toContainText(/Last used [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);

  // The menu's own name changes with the language, so it is chosen as a user does: open it, click the language.
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'Deutsch', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Einstellungen', level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gespräche' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // German dates: "Zuletzt genutzt 02.12.2026, 04:31".
  const germanDevices = page.getByRole('list', { name: 'Meine angemeldeten Geräte' });
  await expect(germanDevices).toContainText(/Zuletzt genutzt \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/preferences-de.png`, fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Einstellungen', level: 2 })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveText('Deutsch');

  // Another device: the login page speaks the browser's English; once logged in, the user's German.
  const other = await (await browser.newContext()).newPage();
  await other.goto('/login');
  await other.getByLabel('Username').fill(username);
  await other.getByLabel('Password').fill(PASSWORD);
  await other.getByRole('button', { name: 'Log in' }).click();
  await expect(other.getByRole('tab', { name: 'Warteliste' })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Einstellungen' })).toBeVisible();
  // Names of regions and the role under the user's name come from the catalogs too.
  await expect(other.getByRole('navigation', { name: 'Gesprächslisten' })).toBeVisible();
  await other.screenshot({ path: `${shots}/agent-de.png` });

  // Back to English: the other device follows at once (the preference's realtime event).
  await page.getByRole('combobox', { name: 'Sprache' }).click();
  await page.getByRole('listbox').getByRole('option', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Preferences', level: 2 })).toBeVisible();
  await expect(other.getByRole('link', { name: 'Preferences' })).toBeVisible();
  await other.context().close();
  await context.close();
});

test('a German-speaking admin reads what is wrong with a form field in German, naming the field’s problem', async ({ browser }) => {
  const username = `verw${Date.now().toString(36)}`;
  const admin = await AdminApi.as();
  await admin.createAdmin(username, 'Greta Groß', PASSWORD);
  await admin.dispose();
  // German, chosen on another device: a preference of the user, kept on the server.
  const api = await request.newContext({ baseURL: DEMO_URL });
  const login = await api.post('/api/auth/login', { data: { username, password: PASSWORD } });
  const token = ((await login.json()) as { token: string }).token;
  expect((await api.put('/api/preferences', { headers: { authorization: `Bearer ${token}` }, data: { language: 'de' } })).ok()).toBe(true);
  await api.dispose();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('banner').getByText('Administrator', { exact: true })).toBeVisible();
  await page.getByRole('navigation', { name: 'Seiten' }).getByRole('link', { name: 'Verwaltung' }).click();
  await page.getByRole('navigation', { name: 'Verwaltungsseiten' }).getByRole('link', { name: 'Warteschlangen' }).click();
  await page.getByRole('button', { name: 'Neue Warteschlange' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neue Warteschlange' });
  // The contract's check before sending, in German (not zod's English): an empty name, an address that is none.
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  const address = dialog.getByRole('textbox', { name: 'Adresse' });
  await expect(name).toHaveAccessibleDescription('Bitte füllen Sie dieses Feld aus.');
  await expect(address).toHaveAccessibleDescription('Geben Sie eine E-Mail-Adresse wie name@example.com ein.');
  await name.fill('Fragen');
  await address.fill('keine Adresse');
  await dialog.getByRole('button', { name: 'Anlegen' }).click();
  await expect(address).toHaveAccessibleDescription('Geben Sie eine E-Mail-Adresse wie name@example.com ein.');
  await expect(dialog.getByText('Bitte füllen Sie dieses Feld aus.')).toHaveCount(0);
  await context.close();
});

test('the web chat speaks the browser language (German) and its menu switches it', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/webchat?queue=Support');
  await expect(page.getByRole('heading', { name: 'Chatten Sie mit uns' })).toBeVisible();
  await expect(page.getByLabel('Ihr Name')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Chat starten' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/webchat-de.png` });
  // What is wrong with the form is said in German too.
  await page.getByRole('button', { name: 'Chat starten' }).click();
  await expect(page.getByText('Bitte füllen Sie dieses Feld aus.').first()).toBeVisible();
  await expect(page.getByText('Enter your name')).toHaveCount(0);

  const menu = page.getByRole('combobox', { name: 'Sprache' });
  await menu.selectOption({ label: 'Suomi' });
  await expect(page.getByRole('heading', { name: 'Chattaa kanssamme' })).toBeVisible();
  await expect(page.getByLabel('Nimesi')).toBeVisible();
  // The choice is kept on this device.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Chattaa kanssamme' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Kieli' }).selectOption({ label: 'English' });
  await expect(page.getByRole('heading', { name: 'Chat with us' })).toBeVisible();
  await context.close();
});

test('an Arabic browser gets the web chat right to left', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar-EG' });
  const page = await context.newPage();
  await page.goto('/webchat?queue=Support');
  const heading = page.getByRole('heading', { name: 'تحدث معنا' });
  await expect(heading).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // Mirrored: the title sits at the right of the header, the language menu at its left.
  const title = (await heading.boundingBox())!;
  const menu = (await page.getByRole('combobox', { name: 'اللغة' }).boundingBox())!;
  expect(menu.x + menu.width).toBeLessThan(title.x + 1);
  // A field's label starts at the right edge of its input, as Arabic reads.
  const name = page.getByLabel('اسمك');
  const field = (await name.boundingBox())!;
  const label = (await page.locator('label', { hasText: 'اسمك' }).boundingBox())!;
  expect(label.x + label.width).toBeGreaterThan(field.x + field.width - 40);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: `${shots}/webchat-rtl.png` });
  await context.close();
});
