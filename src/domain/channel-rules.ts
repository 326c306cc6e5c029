import { PROVIDER_CHANNELS, type ProviderChannel } from '../contract/channels';
import type { Channel } from '../contract/conversations';

/*
 * What each channel a conversation can come through allows, for the server (which refuses what a
 * channel cannot carry) and the panel (which explains it in the composer before anyone types).
 */

export const CHANNEL_OF_PROVIDER: Record<ProviderChannel, Exclude<Channel, 'webchat'>> = {
  SMS: 'sms',
  MMS: 'mms',
  WHATSAPP: 'whatsapp',
  MESSENGER: 'messenger',
  VIBERBM: 'viber',
};

export const PROVIDER_OF_CHANNEL: Record<Exclude<Channel, 'webchat'>, ProviderChannel> = {
  sms: 'SMS',
  mms: 'MMS',
  whatsapp: 'WHATSAPP',
  messenger: 'MESSENGER',
  viber: 'VIBERBM',
};

export const isProviderChannel = (name: string): name is ProviderChannel => (PROVIDER_CHANNELS as readonly string[]).includes(name);

/** The longest SMS text we send: ten concatenated parts (a part holds 153 GSM characters, 67 in Unicode). */
export const SMS_TEXT_MAX_LENGTH = 1530;
/** WhatsApp lets a business answer freely only this long after the customer's last message. */
export const WHATSAPP_REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface ChannelInfo {
  /** For people: "WhatsApp". */
  label: string;
  /** Whether the customer's identity is a phone number (so it is their phone). */
  phoneIdentity: boolean;
  /** Whether files can be sent on it. */
  attachments: boolean;
  /** The longest text one message may have on this channel; null: the panel's own limit. */
  maxTextLength: number | null;
  /** Whether free-form replies are allowed only within WHATSAPP_REPLY_WINDOW_MS of the customer's last message. */
  replyWindow: boolean;
  /** Whether the channel shows the customer that the agent is typing. */
  typing: boolean;
  /** Whether the channel shows the customer that their message was read (the Conversation API documents this for WhatsApp). */
  readReceipts: boolean;
}

export const CHANNELS: Record<Channel, ChannelInfo> = {
  webchat: { label: 'Web chat', phoneIdentity: false, attachments: true, maxTextLength: null, replyWindow: false, typing: true, readReceipts: false },
  sms: { label: 'SMS', phoneIdentity: true, attachments: false, maxTextLength: SMS_TEXT_MAX_LENGTH, replyWindow: false, typing: false, readReceipts: false },
  mms: { label: 'MMS', phoneIdentity: true, attachments: true, maxTextLength: SMS_TEXT_MAX_LENGTH, replyWindow: false, typing: false, readReceipts: false },
  whatsapp: { label: 'WhatsApp', phoneIdentity: true, attachments: true, maxTextLength: 4096, replyWindow: true, typing: true, readReceipts: true },
  messenger: { label: 'Messenger', phoneIdentity: false, attachments: true, maxTextLength: 2000, replyWindow: false, typing: true, readReceipts: false },
  viber: { label: 'Viber', phoneIdentity: true, attachments: true, maxTextLength: 1000, replyWindow: false, typing: false, readReceipts: false },
};

/** What may not be sent now in a conversation of `channel`, for people; null when it may. */
export function channelRefusal(
  channel: Channel,
  message: { text: string; attachmentCount: number },
  lastCustomerMessageAt: string | null,
  now = Date.now(),
): { code: 'channel_limit' | 'reply_window_closed'; message: string } | null {
  const info = CHANNELS[channel];
  if (info.replyWindow && !replyWindowOpen(lastCustomerMessageAt, now)) {
    return {
      code: 'reply_window_closed',
      message: `${info.label} allows replies only within 24 hours of the customer's last message. Wait for the customer to write again (template messages are not supported yet).`,
    };
  }
  if (!info.attachments && message.attachmentCount > 0) {
    return { code: 'channel_limit', message: `${info.label} cannot carry files: send text only.` };
  }
  if (info.maxTextLength !== null && message.text.length > info.maxTextLength) {
    return { code: 'channel_limit', message: `${info.label} messages can be at most ${info.maxTextLength.toLocaleString('en-US')} characters.` };
  }
  return null;
}

/** Whether a WhatsApp-style window is still open: the customer wrote within the last 24 hours. */
export function replyWindowOpen(lastCustomerMessageAt: string | null, now = Date.now()): boolean {
  if (!lastCustomerMessageAt) return false;
  return now - Date.parse(lastCustomerMessageAt) < WHATSAPP_REPLY_WINDOW_MS;
}

/** When the window closes, for the composer's hint; null when there is no window or it is closed. */
export function replyWindowClosesAt(channel: Channel, lastCustomerMessageAt: string | null, now = Date.now()): string | null {
  if (!CHANNELS[channel].replyWindow || !replyWindowOpen(lastCustomerMessageAt, now)) return null;
  return new Date(Date.parse(lastCustomerMessageAt!) + WHATSAPP_REPLY_WINDOW_MS).toISOString();
}
