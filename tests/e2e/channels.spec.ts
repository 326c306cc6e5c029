import { SINCH_STAND_IN_PORT } from '../../playwright.config';
import { SinchStandIn, type AcceptedSend } from '../../src/server/test-support/sinch-stand-in';
import { expect, sendMessage, test, thread } from './fixtures';

/*
 * A WhatsApp customer, through a stand-in for the Conversation API on loopback: the demo server is
 * pointed at it (SINCH_CONVERSATION_URL, SINCH_AUTH_URL in playwright.config.ts). The admin connects
 * the app in Admin → Channels; the stand-in then sends a signed callback to the channel's webhook.
 */

// 16 × 12 pixels, blue: a real JPEG (the agents' policy may have lost PNG in attachments.spec.ts).
const JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSgBBwcHCggKEwoKEygaFhooKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKP/AABEIAAwAEAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AOcr78+ECgAoAKAP/9k=';

let standIn: SinchStandIn;
test.beforeAll(async () => {
  standIn = await SinchStandIn.start({}, SINCH_STAND_IN_PORT);
});
test.afterAll(async () => {
  await standIn?.close();
});

test('a WhatsApp customer is picked, answered with text and a photo, sees the ticks move, and the chat ends', async ({ agentPage }) => {
  test.slow();
  const phone = `+4670${String(Date.now()).slice(-7)}`;
  const creds = standIn.credentials;

  // The admin connects the Conversation API app and maps it to Support.
  const adam = await agentPage('adam');
  await adam.goto('/admin/channels');
  await expect(adam.getByRole('heading', { name: 'Channels' })).toBeVisible();
  await adam.getByRole('button', { name: 'New channel' }).click();
  const dialog = adam.getByRole('dialog', { name: 'Connect a Conversation API app' });
  // Nothing filled in: the form says what is missing before anything is sent.
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText('Enter the name')).toBeVisible();
  const name = `Sinch WhatsApp ${Date.now().toString(36)}`;
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByLabel('Project ID').fill(creds.projectId);
  await dialog.getByLabel('App ID').fill(creds.appId);
  await dialog.getByLabel('Access key ID').fill(creds.keyId);
  await dialog.getByLabel('Access key secret').fill(creds.keySecret);
  await dialog.getByLabel('Webhook secret').fill(creds.webhookSecret);
  await dialog.getByRole('combobox', { name: 'Queue' }).click();
  await adam.getByRole('option', { name: 'Support' }).click();
  await dialog.getByLabel('Our number or name').fill('+1 555 000 1111');
  await dialog.getByLabel('Closing message').fill('Thanks for writing to Acme. Have a nice day!');
  await adam.screenshot({ path: 'test-results/channels-admin-dialog.png' });
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(adam.getByRole('status').filter({ hasText: `${name} is connected` })).toBeVisible();
  const row = adam.getByRole('table', { name: 'Channels' }).getByRole('row').filter({ hasText: name });
  const webhook = (await row.locator('code').textContent())!;
  expect(webhook).toMatch(/\/api\/channels\/[0-9a-f-]{36}\/webhook$/);
  expect(await adam.content()).not.toContain(creds.keySecret);
  // The channels it carries, by name (the badges load after the page).
  await expect(row.getByRole('cell').first()).toHaveText(/SMS.*WhatsApp/);
  await adam.screenshot({ path: 'test-results/channels-admin-list.png' });

  // The customer writes on WhatsApp: the message is in Anna's Picklist with the channel and number.
  const anna = await agentPage('anna');
  standIn.contacts.set('contact-e2e', '');
  const inbound = await standIn.deliver(webhook, standIn.inbound({ channel: 'WHATSAPP', identity: phone, text: 'Hi, where is my order?', contactId: 'contact-e2e' }).body);
  expect(inbound.status).toBe(200);
  const picklistRow = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: phone });
  await expect(picklistRow).toBeVisible();
  await expect(picklistRow).toContainText('WhatsApp');
  await expect(picklistRow).toContainText('Hi, where is my order?');
  await anna.screenshot({ path: 'test-results/channels-picklist.png' });

  await picklistRow.getByRole('button', { name: `Pick ${phone}` }).click();
  await expect(anna.getByRole('heading', { name: phone })).toBeVisible();
  const chat = anna.getByRole('region', { name: `Chat with ${phone}` });
  await expect(chat.getByText('WhatsApp', { exact: true }).first()).toBeVisible();
  await expect(chat.getByText(/you can reply until/)).toBeVisible();
  // Anna has the chat open and has read the question: WhatsApp shows the customer the blue ticks.
  const receipt = await standIn.until(() =>
    standIn.events.find((e) => 'read_message_event' in e.body.event && e.body.recipient.identified_by?.channel_identities[0]?.identity === phone),
  );
  expect(receipt.body.channel_priority_order).toEqual(['WHATSAPP']);

  // A text reply reaches the stand-in for the same number on WhatsApp.
  await sendMessage(anna, 'Hello! It left our warehouse this morning.');
  const sentTo = (text: string) => standIn.accepted.find((a) => a.body.message.text_message?.text === text);
  const textReply = await standIn.until(() => sentTo('Hello! It left our warehouse this morning.'));
  expect(textReply.body.recipient.identified_by?.channel_identities).toEqual([{ channel: 'WHATSAPP', identity: phone }]);
  const bubble = thread(anna).getByRole('article').filter({ hasText: 'Hello! It left our warehouse this morning.' });
  await expect(bubble.getByRole('img', { name: 'Sent' })).toBeVisible();

  // A photo goes out as a media message the channel can fetch.
  await anna.getByLabel('Gallery', { exact: true }).setInputFiles({ name: 'tracking.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(JPEG, 'base64') });
  await expect(anna.getByRole('list', { name: 'Attachments to send' }).getByRole('listitem', { name: 'tracking.jpg' })).toBeVisible();
  await anna.getByRole('button', { name: 'Send' }).click();
  const media: AcceptedSend = await standIn.until(() => standIn.accepted.find((a) => a.body.message.media_message?.filename_override === 'tracking.jpg'));
  expect(media.body.recipient.identified_by?.channel_identities).toEqual([{ channel: 'WHATSAPP', identity: phone }]);
  const fetched = await fetch(media.body.message.media_message!.url);
  expect(Buffer.from(await fetched.arrayBuffer()).equals(Buffer.from(JPEG, 'base64'))).toBe(true);

  // The channel refuses one: it says why, and Retry sends it.
  standIn.refuseNextSend = { status: 400, message: 'The recipient cannot receive messages right now' };
  await sendMessage(anna, 'Tracking number: 4411-22');
  const refused = thread(anna).getByRole('article').filter({ hasText: 'Tracking number: 4411-22' });
  await expect(refused.getByRole('alert')).toContainText('Not delivered: The channel refused the message: The recipient cannot receive messages right now');
  await anna.screenshot({ path: 'test-results/channels-failed-retry.png' });
  await refused.getByRole('button', { name: 'Retry' }).click();
  await expect(refused.getByRole('img', { name: 'Sent' })).toBeVisible();
  await standIn.until(() => sentTo('Tracking number: 4411-22'));

  // The channel reports delivery, then reading: the ticks move live.
  expect((await standIn.deliver(webhook, standIn.deliveryReport(textReply, 'DELIVERED'))).status).toBe(200);
  await expect(bubble.getByRole('img', { name: 'Delivered' })).toBeVisible();
  expect((await standIn.deliver(webhook, standIn.deliveryReport(textReply, 'READ'))).status).toBe(200);
  await expect(bubble.getByRole('img', { name: 'Read' })).toBeVisible();

  // Conversation details: source is the customer's number, destination our number, channel WhatsApp.
  await anna.getByRole('button', { name: 'Conversation actions' }).click();
  await anna.getByRole('menuitem', { name: 'Conversation details' }).click();
  const details = anna.getByRole('complementary', { name: 'Conversation side panel' });
  await expect(details.getByText(phone, { exact: true }).first()).toBeVisible();
  await expect(details.getByText(/\+1 555 000 1111 \(WhatsApp, Support\)/)).toBeVisible();
  await anna.screenshot({ path: 'test-results/channels-chat.png' });
  await details.getByRole('button', { name: 'Close side panel' }).click();

  // Ending the chat sends the closing message on the same channel.
  await anna.getByRole('button', { name: 'End chat' }).click();
  await anna.getByRole('dialog').getByRole('button', { name: 'End chat' }).click();
  await expect(anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: phone })).toHaveCount(0);
  const closing = await standIn.until(() => sentTo('Thanks for writing to Acme. Have a nice day!'));
  expect(closing.body.recipient.identified_by?.channel_identities).toEqual([{ channel: 'WHATSAPP', identity: phone }]);
});
