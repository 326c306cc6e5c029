import { localize, S } from './i18n';
import { formatNumber } from './intl-format';
import en from '../locales/en/channel-strings.json';
import type { Channel } from '../contract/conversations';
import type { MessageDelivery } from '../contract/messages';

/**
 * The panel's sentences about messaging channels (their names, delivery ticks, the composer's
 * limits): a module of its own, loaded with the channel badge, the chat and the side panel, never
 * with the agent's first paint (issue 11's budget). The server's refusals are in
 * src/domain/channel-rules.ts, next to the rules themselves.
 */
export const channelStrings = /* @__PURE__ */ localize('channel', en, {
  labels: {
    webchat: S,
    sms: S,
    mms: S,
    whatsapp: S,
    messenger: S,
    viber: S,
  } satisfies Record<Channel, string>,
  delivery: {
    pending: S,
    sent: S,
    delivered: S,
    read: S,
    failed: S,
  } satisfies Record<MessageDelivery['status'], string>,
  deliveryFailed: (label: string, error: string | null) => ({ label, error, known: error === null ? 'no' : 'yes' }),
  windowClosed: (channel: string) => ({ channel }),
  replyUntil: (channel: string, until: string) => ({ channel, until }),
  textOnly: (channel: string, max: number) => ({ channel, max: formatNumber(max) }),
  /** Customer details: who vouches for the customer on a messaging channel. */
  identity: (channel: string, source: string) => ({ channel, source }),
  identityHint: S,
  destination: (destination: string, channel: string, queue: string) => ({ destination, channel, queue }),
});

/** For people: "WhatsApp". */
export const channelLabel = (channel: Channel) => channelStrings.labels[channel];
