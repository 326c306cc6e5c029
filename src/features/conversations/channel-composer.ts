import type { Conversation } from '../../contract/conversations';
import { CHANNELS, replyWindowClosesAt, replyWindowOpen } from '../../domain/channel-rules';
import { channelLabel, channelStrings } from '../../lib/channel-strings';
import { formatDateTime } from '../../lib/format';

/** What the composer must say and allow in a conversation of a messaging channel; null for a web chat. */
export interface ChannelComposerRules {
  /** The channel's longest text, when shorter than the panel's own. */
  maxLength: number | null;
  /** False: the channel carries text only. */
  attachments: boolean;
  /** Set when nothing may be sent now (WhatsApp's 24-hour window is closed). */
  blockedReason: string | null;
  /** A line under the composer explaining the channel's limits. */
  hint: string | null;
}

export function channelComposerRules(c: Conversation, now = Date.now()): ChannelComposerRules | null {
  if (c.channel === 'webchat') return null;
  const info = CHANNELS[c.channel];
  if (info.replyWindow && !replyWindowOpen(c.lastCustomerMessageAt, now)) {
    return {
      maxLength: info.maxTextLength,
      attachments: info.attachments,
      blockedReason: channelStrings.windowClosed(channelLabel(c.channel)),
      hint: null,
    };
  }
  const closes = replyWindowClosesAt(c.channel, c.lastCustomerMessageAt, now);
  // Only what an agent would not guess: text-only SMS and its length, and when WhatsApp's window closes.
  const hint = closes
    ? channelStrings.replyUntil(channelLabel(c.channel), formatDateTime(closes))
    : !info.attachments && info.maxTextLength !== null
      ? channelStrings.textOnly(channelLabel(c.channel), info.maxTextLength)
      : null;
  return { maxLength: info.maxTextLength, attachments: info.attachments, blockedReason: null, hint };
}
