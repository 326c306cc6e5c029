import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { SettingsResponseSchema } from '../../src/contract/settings';
import { CUSTOMER_UNSENT_FILES_MAX } from '../../src/contract/limits';
import { expect, startCustomerChat, test, uniqueCustomer } from './fixtures';
import { withWorkspaceSettings } from './workspace-settings';
import { DEMO_URL } from '../../playwright.config';

const customers = { bomb: uniqueCustomer('Bomb'), cap: uniqueCustomer('Cap') };

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of a few dozen bytes declaring width × height pixels: a valid IHDR and a tiny IDAT. */
function pngDeclaring(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const tray = (page: Page) => page.getByRole('list', { name: 'Attachments to send' });

test.describe.configure({ mode: 'serial' });

test('an agent adding a PNG that declares 50,000 × 50,000 pixels sees it refused in the tray, with its dimensions', async ({ browser, agentPage }) => {
  const restore = await withWorkspaceSettings((s) => ({ ...s, agentUploads: { ...s.agentUploads, allowedTypes: ['png'], maxImagePixels: 40_000_000 } }));
  try {
    const customer = customers.bomb;
    await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello' });
    const anna = await agentPage('anna');
    await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();

    await anna.getByLabel('Gallery', { exact: true }).setInputFiles([
      { name: 'huge.png', mimeType: 'image/png', buffer: pngDeclaring(50_000, 50_000) },
      { name: 'fine.png', mimeType: 'image/png', buffer: pngDeclaring(20, 10) },
    ]);
    const item = tray(anna).getByRole('listitem', { name: 'huge.png' });
    await expect(item.getByRole('alert')).toHaveText(
      '"huge.png" was refused: the image is 50,000 × 50,000 pixels; images can be at most 40 megapixels.',
    );
    // The refused file does not hold back the other one.
    await expect(tray(anna).getByRole('listitem', { name: 'fine.png' }).getByRole('progressbar')).toHaveCount(0);
    await expect(anna.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  } finally {
    await restore();
  }
});

test('an admin changes the largest image allowed, and it is kept after a reload', async ({ agentPage }) => {
  const page = await agentPage('adam');
  const original = SettingsResponseSchema.parse(await (await page.request.get('/api/settings')).json()).settings;
  try {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
    const customers = page.getByRole('group', { name: "Customers' uploads", exact: true });
    const limit = customers.getByRole('spinbutton', { name: 'Largest image (megapixels)' });
    await expect(limit).toHaveValue(String(original.customerUploads.maxImagePixels / 1_000_000));

    await limit.fill('0.5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(customers.getByText('At least 1 megapixels')).toBeVisible();

    await limit.fill('12.5');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
    await page.reload();
    await expect(limit).toHaveValue('12.5');
    await expect(page.getByRole('group', { name: "Agents' uploads", exact: true }).getByRole('spinbutton', { name: 'Largest image (megapixels)' })).toHaveValue(
      String(original.agentUploads.maxImagePixels / 1_000_000),
    );
  } finally {
    // With the page's cookie: as the page itself would send it, from its own origin.
    const restored = await page.request.put('/api/settings', {
      headers: { origin: DEMO_URL },
      data: { agentUploads: original.agentUploads, customerUploads: original.customerUploads },
    });
    expect(restored.status()).toBe(200);
  }
});

test(`a customer adding more than ${CUSTOMER_UNSENT_FILES_MAX} files without sending them is told why the extra one was refused`, async ({ browser }) => {
  const restore = await withWorkspaceSettings((s) => ({ ...s, customerUploads: { ...s.customerUploads, allowedTypes: ['png'] } }));
  try {
    const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customers.cap, text: 'Hello' });
    const files = Array.from({ length: CUSTOMER_UNSENT_FILES_MAX + 1 }, (_, i) => ({
      name: `photo-${i + 1}.png`,
      mimeType: 'image/png',
      buffer: pngDeclaring(4, 4),
    }));
    await customerPage.getByLabel('Gallery', { exact: true }).setInputFiles(files);
    await expect(tray(customerPage).getByRole('listitem')).toHaveCount(files.length);
    const refusals = tray(customerPage).getByRole('alert').filter({ hasText: `you already have ${CUSTOMER_UNSENT_FILES_MAX} files waiting to be sent` });
    await expect(refusals).toHaveCount(1);
    await expect(tray(customerPage).getByRole('progressbar')).toHaveCount(0);
    // The others still go.
    await expect(customerPage.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  } finally {
    await restore();
  }
});
