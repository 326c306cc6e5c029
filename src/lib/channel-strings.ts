import type { Channel } from '../contract/conversations';
import type { MessageDelivery } from '../contract/messages';

/**
 * The panel's sentences about messaging channels (their names, delivery ticks, the composer's
 * limits): a module of its own, loaded with the channel badge, the chat and the side panel, never
 * with the agent's first paint (issue 11's budget). The server's refusals are in
 * src/domain/channel-rules.ts, next to the rules themselves.
 */
export const channelStrings = {
  labels: {
    webchat: 'Web chat',
    sms: 'SMS',
    mms: 'MMS',
    whatsapp: 'WhatsApp',
    messenger: 'Messenger',
    viber: 'Viber',
  } satisfies Record<Channel, string>,
  delivery: {
    pending: 'Waiting to be sent',
    sent: 'Sent',
    delivered: 'Delivered',
    read: 'Read',
    failed: 'Not delivered',
  } satisfies Record<MessageDelivery['status'], string>,
  deliveryFailed: (label: string, error: string | null) => `${label}: ${error ?? 'the channel did not take it.'}`,
  windowClosed: (channel: string) =>
    `${channel} allows replies only within 24 hours of the customer's last message. Wait for them to write again (template messages are not supported yet).`,
  replyUntil: (channel: string, until: string) => `${channel}: you can reply until ${until} (24 hours after the customer's last message).`,
  textOnly: (channel: string, max: number) => `${channel}: text only, at most ${max.toLocaleString('en-US')} characters.`,
  /** Customer details: who vouches for the customer on a messaging channel. */
  identity: (channel: string, source: string) => `${channel}: ${source}`,
  identityHint: 'Known by this identity on the channel; the name is the one the channel gives.',
  destination: (destination: string, channel: string, queue: string) => `${destination} (${channel}, ${queue})`,
};

/** For people: "WhatsApp". */
export const channelLabel = (channel: Channel) => channelStrings.labels[channel];
