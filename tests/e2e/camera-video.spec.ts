import type { Browser, Locator, Page } from '@playwright/test';
import { DEFAULT_ATTACHMENT_POLICY } from '../../src/contract/attachments';
import { expect, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { withWorkspaceSettings } from './workspace-settings';

/** Screenshots to look at (kept out of git in .tmp/). */
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });
const tray = (page: Page) => page.getByRole('list', { name: 'Attachments to send' });

test.describe.configure({ mode: 'serial' });
// Recording and encoding video, and playing it in two browsers, takes its time on a loaded machine.
test.slow();

async function pickNewChat(browser: Browser, agentPage: (u: string) => Promise<Page>, label: string) {
  const customer = uniqueCustomer(label);
  const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Can you show me?' });
  const anna = await agentPage('anna');
  await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
  await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
  return { anna, customerPage };
}

/** Records a short video with the in-page camera (Chromium's fake camera) and adds it to the message. */
async function recordVideo(page: Page) {
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Camera' }).click();
  const camera = page.getByRole('dialog', { name: 'Camera' });
  await camera.getByRole('tab', { name: 'Video' }).click();
  await camera.getByRole('button', { name: 'Start recording' }).click();
  await expect(camera.getByRole('status')).toHaveText('Recording…');
  // Stop is enabled once the recorder has delivered video: the recording is never empty.
  await camera.getByRole('button', { name: 'Stop recording' }).click();
  await expect(camera.getByLabel('Camera preview')).toHaveJSProperty('tagName', 'VIDEO');
  await camera.getByRole('button', { name: 'Use video' }).click();
  await expect(camera).toHaveCount(0);
}

/** The video has loaded enough to know its length, and plays (muted: autoplay rules). */
async function expectPlayable(video: Locator) {
  await expect(video).toHaveAttribute('src', /.+/);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(0);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0);
}

test('with the default settings, an agent records a video, plays it before sending, and the customer plays it', async ({ browser, agentPage }) => {
  const restore = await withWorkspaceSettings((s) => ({ ...s, agentUploads: DEFAULT_ATTACHMENT_POLICY, customerUploads: DEFAULT_ATTACHMENT_POLICY }));
  try {
    const { anna, customerPage } = await pickNewChat(browser, agentPage, 'Video');
    await recordVideo(anna);

    // Chromium records MP4: the file is named so, and plays above the composer before it is sent.
    const item = tray(anna).getByRole('listitem', { name: /^video-\d+\.mp4$/ });
    await expect(item).toBeVisible();
    const fileName = (await item.getAttribute('aria-label'))!;
    await expect(item.getByRole('progressbar')).toHaveCount(0);
    await expect(item.getByRole('alert')).toHaveCount(0);
    await expectPlayable(item.getByLabel(`Preview of ${fileName}`));
    await anna.getByRole('textbox', { name: 'Message' }).fill('Here is how it looks');
    await shot(anna, 'camera-video-tray');
    await anna.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(tray(anna)).toHaveCount(0);

    await expect(thread(customerPage).getByText('Here is how it looks')).toBeVisible();
    const video = thread(customerPage).getByLabel(fileName);
    await expect(video).toHaveJSProperty('tagName', 'VIDEO');
    await expect(video).toHaveJSProperty('controls', true);
    await expectPlayable(video);
    await shot(customerPage, 'camera-video-webchat');
  } finally {
    await restore();
  }
});

test('a video the policy refuses stays in the tray with the reason, and the message goes without it only when the agent says so', async ({ browser, agentPage }) => {
  const restore = await withWorkspaceSettings((s) => ({ ...s, agentUploads: { ...DEFAULT_ATTACHMENT_POLICY, allowedTypes: ['jpg', 'jpeg', 'png'] } }));
  try {
    const { anna, customerPage } = await pickNewChat(browser, agentPage, 'Refused video');
    await recordVideo(anna);
    const item = tray(anna).getByRole('listitem', { name: /^video-\d+\.mp4$/ });
    await expect(item.getByRole('alert')).toContainText('was refused: MP4 video files are not accepted from agents. Allowed types: JPG, JPEG, PNG.');

    // Sending asks first; Cancel keeps the text and the refused file, and nothing is sent.
    const box = anna.getByRole('textbox', { name: 'Message' });
    await box.fill('The video should be attached');
    await box.press('Enter');
    const ask = anna.getByRole('dialog', { name: 'Send without the refused file?' });
    await expect(ask).toContainText('cannot be sent');
    await shot(anna, 'camera-video-refused');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toHaveCount(0);
    await expect(box).toHaveValue('The video should be attached');
    await expect(item).toBeVisible();
    await expect(thread(anna).getByText('The video should be attached')).toHaveCount(0);

    // Chosen: the message goes without it, and the file leaves the tray.
    await anna.getByRole('button', { name: 'Send', exact: true }).click();
    await ask.getByRole('button', { name: 'Send without' }).click();
    await expect(tray(anna)).toHaveCount(0);
    await expect(thread(customerPage).getByText('The video should be attached')).toBeVisible();
    await expect(thread(customerPage).locator('video')).toHaveCount(0);
  } finally {
    await restore();
  }
});
