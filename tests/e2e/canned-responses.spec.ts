import type { Browser, Page } from '@playwright/test';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations, expectTapTargets, SMALL_PHONE } from './touch';

// A 2×2 PNG: the opening hours a response carries.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

/** Screenshots to look at, one per screen (kept out of git in .tmp/). */
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });

let counter = 0;
/** A shortcut no other run of the suite on this server used. */
const shortcut = (stem: string) => `${stem}-${Date.now().toString(36)}${(counter++).toString(36)}`;

const composer = (page: Page) => page.getByRole('textbox', { name: 'Message' });
const tray = (page: Page) => page.getByRole('list', { name: 'Attachments to send' });

async function openCannedPage(page: Page) {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Canned responses' }).click();
  await expect(page.getByRole('heading', { name: 'Canned responses', level: 2 })).toBeVisible();
}

/** A customer's new chat in Support, picked by `agent`: the customer's page. */
async function pickedChat(browser: Browser, agent: Page, label: string) {
  const customer = uniqueCustomer(label);
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello, when are you open?' });
  await agent.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Conversations' }).click();
  await agent.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(agent.getByRole('heading', { name: customer.name })).toBeVisible();
  return { customer, customerPage };
}

test('an admin shares a response with a placeholder and a file; an agent inserts it by its /shortcut with the keyboard and the customer gets it', async ({
  browser,
  agentPage,
}) => {
  const adam = await agentPage('adam');
  const welcome = shortcut('hours');
  await openCannedPage(adam);
  await adam.getByRole('button', { name: 'New response' }).click();
  const dialog = adam.getByRole('dialog', { name: 'New canned response' });
  await dialog.getByRole('radio', { name: 'Agents (shared)' }).check();
  await dialog.getByRole('combobox', { name: 'For the agents of' }).click();
  await adam.getByRole('option', { name: 'Support' }).click();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill(welcome);
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Hello ');
  await dialog.getByRole('button', { name: '{{customer.name}}' }).click();
  await dialog.getByRole('textbox', { name: 'Text' }).press('End');
  await dialog.getByRole('textbox', { name: 'Text' }).pressSequentially(', here are our opening hours.');
  await expect(dialog.getByRole('textbox', { name: 'Text' })).toHaveValue('Hello {{customer.name}}, here are our opening hours.');
  await dialog.getByLabel('Add files').setInputFiles({ name: 'opening-hours.png', mimeType: 'image/png', buffer: PNG });
  const file = dialog.getByRole('listitem', { name: 'opening-hours.png' });
  await expect(file).toBeVisible();
  await expect(file.getByRole('progressbar')).toHaveCount(0);
  await shot(adam, 'canned-dialog');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(adam.getByRole('status').filter({ hasText: `/${welcome} was created.` })).toBeVisible();
  const sharedTable = adam.getByRole('table', { name: 'Shared responses' });
  const row = sharedTable.getByRole('row', { name: new RegExp(`/${welcome}`) });
  await expect(row).toContainText('Support');
  await expect(row).toContainText('opening-hours.png');
  await shot(adam, 'canned-page-admin');

  // Anna, in a chat of hers, types the shortcut and chooses it with the keyboard.
  const anna = await agentPage('anna');
  const { customer, customerPage } = await pickedChat(browser, anna, 'Hours');
  await composer(anna).pressSequentially(`/${welcome.slice(0, 6)}`);
  const suggestions = anna.getByRole('menu', { name: 'Canned responses' });
  await expect(suggestions.getByRole('menuitem', { name: new RegExp(`/${welcome}`) })).toBeVisible();
  await shot(anna, 'canned-slash-suggestions');
  await composer(anna).pressSequentially(welcome.slice(6));
  await expect(suggestions.getByRole('menuitem')).toHaveCount(1);
  await composer(anna).press('Enter');
  await expect(suggestions).toHaveCount(0);
  await expect(composer(anna)).toHaveValue(`Hello ${customer.name}, here are our opening hours.`);
  const copied = tray(anna).getByRole('listitem', { name: 'opening-hours.png' });
  await expect(copied).toBeVisible();
  await expect(copied.getByRole('progressbar')).toHaveCount(0);
  await shot(anna, 'canned-inserted');
  await anna.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(tray(anna)).toHaveCount(0);
  await expect(thread(customerPage).getByText(`Hello ${customer.name}, here are our opening hours.`)).toBeVisible();
  const image = thread(customerPage).getByRole('img', { name: 'opening-hours.png' });
  await expect(image).toBeVisible();
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

  // A response the admin adds now reaches Anna's open chat without a reload.
  const later = shortcut('later');
  await adam.getByRole('button', { name: 'New response' }).click();
  await dialog.getByRole('radio', { name: 'Agents (shared)' }).check();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill(later);
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Talk to you later, {{customer.firstName}}!');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(adam.getByRole('status').filter({ hasText: `/${later} was created.` })).toBeVisible();
  await composer(anna).pressSequentially(`/${later}`);
  await expect(suggestions.getByRole('menuitem', { name: new RegExp(`/${later}`) })).toBeVisible();
  // Escape closes the suggestions and leaves what was typed.
  await composer(anna).press('Escape');
  await expect(suggestions).toHaveCount(0);
  await expect(composer(anna)).toHaveValue(`/${later}`);

  // The use was counted.
  await adam.reload();
  await expect(sharedTable.getByRole('row', { name: new RegExp(`/${welcome}`) }).getByRole('cell', { name: 'Used once' })).toHaveText('1');
});

test('an agent makes a personal response on the page, inserts it from the picker, and sees its use counted', async ({ browser, agentPage }) => {
  const anna = await agentPage('anna');
  const mine = shortcut('check');
  await openCannedPage(anna);
  await anna.getByRole('button', { name: 'New response' }).click();
  const dialog = anna.getByRole('dialog', { name: 'New canned response' });
  await expect(dialog.getByRole('radio')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('two words');
  await dialog.getByRole('textbox', { name: 'Text' }).fill('I will ask {{queue.name}} about order {{order.number}}.');
  await expect(dialog.getByText('Unknown placeholder {{order.number}}: left as written when inserted.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Use letters, digits, - and _ only, starting with a letter or digit (no spaces, no /)')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Shortcut' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill(mine);
  await shot(anna, 'canned-dialog-agent');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(anna.getByRole('status').filter({ hasText: `/${mine} was created.` })).toBeVisible();
  const row = anna.getByRole('table', { name: 'My responses' }).getByRole('row', { name: new RegExp(`/${mine}`) });
  await expect(row.getByRole('cell', { name: 'Used 0 times' })).toHaveText('0');
  // Agents read the shared ones (the first test shared some for Support) but cannot change them.
  await expect(anna.getByRole('table', { name: 'Shared responses' })).toBeVisible();
  await expect(anna.getByRole('table', { name: 'Shared responses' }).getByRole('button', { name: /^Edit / })).toHaveCount(0);

  // The same shortcut again is refused, with the reason on the field.
  await anna.getByRole('button', { name: 'New response' }).click();
  await dialog.getByRole('textbox', { name: 'Shortcut' }).fill(mine);
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Again');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText(`You already have a response with the shortcut /${mine}. Choose another shortcut.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const { customerPage } = await pickedChat(browser, anna, 'Picker');
  await anna.getByRole('button', { name: 'Canned responses' }).click();
  const picker = anna.getByRole('dialog', { name: 'Insert a canned response' });
  await picker.getByRole('searchbox', { name: 'Search' }).fill(mine);
  await shot(anna, 'canned-picker');
  await picker.getByRole('button', { name: new RegExp(`/${mine}`) }).click();
  await expect(picker).toHaveCount(0);
  await expect(composer(anna)).toHaveValue('I will ask Support about order {{order.number}}.');
  await expect(anna.getByText('Not filled in: {{order.number}}. Replace it before sending.')).toBeVisible();
  await composer(anna).fill('I will ask Support about order 4411.');
  await expect(anna.getByText(/Not filled in/)).toHaveCount(0);
  await composer(anna).press('Enter');
  await expect(thread(customerPage).getByText('I will ask Support about order 4411.')).toBeVisible();

  await openCannedPage(anna);
  await expect(row.getByRole('cell', { name: 'Used once' })).toHaveText('1');

  // Deleting asks first.
  await row.getByRole('button', { name: `Delete /${mine}` }).click();
  const confirm = anna.getByRole('dialog', { name: `Delete /${mine}?` });
  await confirm.getByRole('button', { name: 'Delete response' }).click();
  await expect(anna.getByRole('status').filter({ hasText: `/${mine} was deleted.` })).toBeVisible();
  await expect(row).toHaveCount(0);
});

test("a link in a customer's message opens in a new tab from the agent's thread; other schemes stay text; the web chat and notes link too", async ({
  browser,
  agentPage,
}) => {
  const customer = uniqueCustomer('Link');
  const text = 'My order: https://shop.example.com/orders/4411?from=chat. Not this: javascript:alert(1)';
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  const link = thread(anna).getByRole('link', { name: 'https://shop.example.com/orders/4411?from=chat' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(thread(anna).getByRole('link', { name: /javascript/ })).toHaveCount(0);
  await expect(thread(anna).getByText('Not this: javascript:alert(1)', { exact: false })).toBeVisible();

  await anna.context().route('https://shop.example.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Order 4411</title>' }));
  const [tab] = await Promise.all([anna.context().waitForEvent('page'), link.click()]);
  await expect(tab).toHaveURL('https://shop.example.com/orders/4411?from=chat');
  // The page it opened cannot reach back into the panel.
  expect(await tab.evaluate(() => window.opener)).toBeNull();
  await tab.close();

  // The agent's reply with an email address and a phone link: links in the customer's web chat too.
  await composer(anna).fill('Write to help@acme.example or call tel:+15550100.');
  await composer(anna).press('Enter');
  await expect(thread(customerPage).getByRole('link', { name: 'help@acme.example' })).toHaveAttribute('href', 'mailto:help@acme.example');
  await expect(thread(customerPage).getByRole('link', { name: 'tel:+15550100' })).toHaveAttribute('rel', 'noopener noreferrer');

  // And in an internal note.
  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await anna.getByRole('menuitem', { name: 'Internal notes' }).click();
  await anna.getByRole('textbox', { name: 'New note' }).fill('Tracking: www.parcels.example/track/4411');
  await anna.getByRole('button', { name: 'Save' }).click();
  await expect(anna.getByRole('list', { name: 'Internal notes' }).getByRole('link', { name: 'www.parcels.example/track/4411' })).toHaveAttribute(
    'href',
    'https://www.parcels.example/track/4411',
  );
});

test('on a small phone, long links wrap in the chat and the Canned responses page fits the screen', async ({ browser, agentPage }) => {
  const customer = uniqueCustomer('Narrow');
  const long = `https://shop.example.com/${'very-long-path-segment/'.repeat(12)}end`;
  await startCustomerChat(browser, { queue: 'Support', ...customer, text: `Look: ${long}` });
  const anna = await agentPage('anna', SMALL_PHONE);
  const row = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
  await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(thread(anna).getByRole('link', { name: long })).toBeVisible();
  await expectNoHorizontalScroll(anna, 'Conversation with a long link');
  const box = await thread(anna).getByRole('link', { name: long }).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  await expectTapTargets(anna, 'Conversation with the canned responses button');
  await shot(anna, 'canned-phone-long-link');

  await anna.getByRole('button', { name: 'Back to the list' }).click();
  await anna.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'More' }).click();
  await anna.getByRole('menuitem', { name: 'Canned responses' }).click();
  await expect(anna.getByRole('heading', { level: 1, name: 'Canned responses' })).toBeVisible();
  await expectNoHorizontalScroll(anna, 'Canned responses');
  await shot(anna, 'canned-phone-page');
  await expectNoSeriousAxeViolations(anna, 'Canned responses');
});
