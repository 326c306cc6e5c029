import type { Browser, Locator, Page } from '@playwright/test';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { withWorkspaceSettings } from './workspace-settings';

// A 2×2 PNG and a one-page PDF, small enough to keep inline.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');

let restore: () => Promise<void>;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  restore = await withWorkspaceSettings((s) => ({
    agentUploads: { ...s.agentUploads, allowedTypes: ['png', 'jpg', 'jpeg', 'gif', 'heic', 'webm', 'mp4', 'pdf'] },
    customerUploads: s.customerUploads,
  }));
});
test.afterAll(async () => restore());

async function pickNewChat(browser: Browser, agentPage: (u: string) => Promise<Page>, label: string) {
  const customer = uniqueCustomer(label);
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  return { anna, customerPage, customer };
}

/** Puts a file into a DataTransfer inside the page, as a drop or a paste would carry it. */
const fileTransfer = (page: Page, name: string, type: string, base64: string) =>
  page.evaluateHandle(
    ({ name, type, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { name, type, base64 },
  );

const tray = (page: Page) => page.getByRole('list', { name: 'Attachments to send' });
const sendButton = (page: Page) => page.getByRole('button', { name: 'Send', exact: true });

async function waitUploadedAndSend(page: Page, item: Locator) {
  await expect(item).toBeVisible();
  await expect(item.getByRole('progressbar')).toHaveCount(0);
  await expect(sendButton(page)).toBeEnabled();
  await sendButton(page).click();
  await expect(tray(page)).toHaveCount(0);
}

test('an image dropped on the chat pane and one pasted from the clipboard reach the customer', async ({ browser, agentPage }) => {
  const { anna, customerPage, customer } = await pickNewChat(browser, agentPage, 'Drop');

  const dropped = await fileTransfer(anna, 'dropped.png', 'image/png', PNG);
  await anna.getByRole('region', { name: `Chat with ${customer.name}` }).dispatchEvent('drop', { dataTransfer: dropped });
  await anna.getByRole('textbox', { name: 'Message' }).fill('Here is the screenshot');
  await waitUploadedAndSend(anna, tray(anna).getByRole('listitem', { name: 'dropped.png' }));
  await expect(thread(customerPage).getByRole('img', { name: 'dropped.png' })).toBeVisible();
  await expect(thread(customerPage).getByText('Here is the screenshot')).toBeVisible();

  const pasted = await fileTransfer(anna, 'pasted.png', 'image/png', PNG);
  await anna.getByRole('textbox', { name: 'Message' }).evaluate((el, transfer) => {
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer as DataTransfer, bubbles: true, cancelable: true }));
  }, pasted);
  await waitUploadedAndSend(anna, tray(anna).getByRole('listitem', { name: 'pasted.png' }));
  const image = thread(customerPage).getByRole('img', { name: 'pasted.png' });
  await expect(image).toBeVisible();
  // The image really loaded, through its signed link.
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

  await thread(customerPage).getByRole('button', { name: 'Open pasted.png full size' }).click();
  await expect(customerPage.getByRole('dialog', { name: 'pasted.png' }).getByRole('img')).toBeVisible();
});

test('a photo and a video from the camera reach the customer, and the video plays', async ({ browser, agentPage }) => {
  // Recording and encoding video and playing it back take their time on a loaded machine.
  test.slow();
  const { anna, customerPage } = await pickNewChat(browser, agentPage, 'Camera');

  await anna.getByRole('button', { name: 'Attach' }).click();
  await anna.getByRole('menuitem', { name: 'Camera' }).click();
  const camera = anna.getByRole('dialog', { name: 'Camera' });
  await camera.getByRole('button', { name: 'Take photo' }).click();
  await expect(camera.getByRole('img', { name: 'Camera preview' })).toBeVisible();
  await camera.getByRole('button', { name: 'Retake' }).click();
  await camera.getByRole('button', { name: 'Take photo' }).click();
  await camera.getByRole('button', { name: 'Use photo' }).click();
  await waitUploadedAndSend(anna, tray(anna).getByRole('listitem').first());
  await expect(thread(customerPage).getByRole('img', { name: /^photo-.*\.jpg$/ })).toBeVisible();

  await anna.getByRole('button', { name: 'Attach' }).click();
  await anna.getByRole('menuitem', { name: 'Camera' }).click();
  await camera.getByRole('tab', { name: 'Video' }).click();
  await camera.getByRole('button', { name: 'Start recording' }).click();
  await expect(camera.getByRole('status')).toHaveText('Recording…');
  // Stop is enabled once the recorder has delivered video.
  await camera.getByRole('button', { name: 'Stop recording' }).click();
  const playback = camera.getByLabel('Camera preview');
  await expect(playback).toHaveJSProperty('tagName', 'VIDEO');
  await camera.getByRole('button', { name: 'Use video' }).click();
  await waitUploadedAndSend(anna, tray(anna).getByRole('listitem').first());

  // Chromium records MP4 (camera-video.spec.ts has the rest of the video's way).
  const video = thread(customerPage).getByLabel(/^video-.*\.mp4$/);
  await expect(video).toBeVisible();
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0);
});

test('a document downloads under its name', async ({ browser, agentPage }) => {
  const { anna, customerPage } = await pickNewChat(browser, agentPage, 'Document');
  await anna.getByLabel('Document', { exact: true }).setInputFiles({ name: 'invoice-4411.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF, 'base64') });
  await waitUploadedAndSend(anna, tray(anna).getByRole('listitem', { name: 'invoice-4411.pdf' }));

  const link = thread(customerPage).getByRole('link', { name: 'Download invoice-4411.pdf' });
  await expect(link).toContainText('PDF');
  const [download] = await Promise.all([customerPage.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('invoice-4411.pdf');
});

test('a file the policy does not allow is refused in the UI, naming the file and the rule', async ({ browser, agentPage }) => {
  const { anna } = await pickNewChat(browser, agentPage, 'Refused');
  await anna.getByLabel('Document', { exact: true }).setInputFiles({ name: 'notes.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') });
  const item = tray(anna).getByRole('listitem', { name: 'notes.docx' });
  await expect(item.getByRole('alert')).toContainText('"notes.docx" was refused: Word document files are not accepted from agents.');
  await anna.getByRole('button', { name: 'Remove notes.docx' }).click();
  await expect(tray(anna)).toHaveCount(0);
});

test('after the admin removes PNG for agents, an agent’s PNG is refused with the reason, while customers may still send one', async ({ browser, agentPage }) => {
  const adam = await agentPage('adam');
  await adam.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
  await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
  await adam.getByRole('group', { name: "Agents' uploads", exact: true }).getByRole('checkbox', { name: 'PNG (.png)' }).uncheck();
  await adam.getByRole('button', { name: 'Save changes' }).click();
  await expect(adam.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();

  const { anna, customerPage } = await pickNewChat(browser, agentPage, 'Policy');
  await anna.getByLabel('Gallery', { exact: true }).setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  const item = tray(anna).getByRole('listitem', { name: 'screenshot.png' });
  await expect(item.getByRole('alert')).toContainText('"screenshot.png" was refused: PNG files are not accepted from agents.');

  // The customers' policy is separate: a customer's PNG still goes through.
  await customerPage.getByLabel('Gallery', { exact: true }).setInputFiles({ name: 'from-customer.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
  await waitUploadedAndSend(customerPage, tray(customerPage).getByRole('listitem', { name: 'from-customer.png' }));
  await expect(thread(anna).getByRole('img', { name: 'from-customer.png' })).toBeVisible();
});
