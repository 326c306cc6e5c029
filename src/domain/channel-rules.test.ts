import { describe, expect, it } from 'vitest';
import { channelRefusal, replyWindowClosesAt, replyWindowOpen, SMS_TEXT_MAX_LENGTH, WHATSAPP_REPLY_WINDOW_MS } from './channel-rules';

const now = Date.parse('2026-06-01T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('channel rules', () => {
  it('keeps the WhatsApp window open for exactly 24 hours after the customer last wrote', () => {
    expect(replyWindowOpen(ago(WHATSAPP_REPLY_WINDOW_MS - 1), now)).toBe(true);
    expect(replyWindowOpen(ago(WHATSAPP_REPLY_WINDOW_MS), now)).toBe(false);
    expect(replyWindowOpen(null, now)).toBe(false);
    expect(replyWindowClosesAt('whatsapp', ago(60_000), now)).toBe(new Date(now - 60_000 + WHATSAPP_REPLY_WINDOW_MS).toISOString());
    expect(replyWindowClosesAt('sms', ago(60_000), now)).toBeNull();
  });

  it('refuses a late WhatsApp reply, files on SMS and text longer than the channel takes; web chats pass', () => {
    expect(channelRefusal('whatsapp', { text: 'Hi', attachmentCount: 0 }, ago(25 * 3600_000), now)?.code).toBe('reply_window_closed');
    expect(channelRefusal('whatsapp', { text: 'Hi', attachmentCount: 2 }, ago(3600_000), now)).toBeNull();
    expect(channelRefusal('sms', { text: 'Hi', attachmentCount: 1 }, null, now)?.code).toBe('channel_limit');
    expect(channelRefusal('sms', { text: 'x'.repeat(SMS_TEXT_MAX_LENGTH), attachmentCount: 0 }, null, now)).toBeNull();
    expect(channelRefusal('sms', { text: 'x'.repeat(SMS_TEXT_MAX_LENGTH + 1), attachmentCount: 0 }, null, now)?.code).toBe('channel_limit');
    expect(channelRefusal('mms', { text: 'Hi', attachmentCount: 1 }, null, now)).toBeNull();
    expect(channelRefusal('webchat', { text: 'x'.repeat(5000), attachmentCount: 5 }, null, now)).toBeNull();
  });
});
