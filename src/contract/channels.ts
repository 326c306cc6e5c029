import { z } from 'zod';
import { MessageSchema } from './messages';
import { text } from './text';

/*
 * Messaging channels as admins configure them: a Conversation API app, the channels it carries and
 * the queue its conversations wait in. Secrets go in and never come back out: the API says only
 * whether each is set.
 */

export const ChannelRegionSchema = z.enum(['us', 'eu', 'br']);
export type ChannelRegion = z.infer<typeof ChannelRegionSchema>;

/** The Conversation API's names of the channels an admin can connect. */
export const PROVIDER_CHANNELS = ['SMS', 'MMS', 'WHATSAPP', 'MESSENGER', 'VIBERBM'] as const;
export const ProviderChannelSchema = z.enum(PROVIDER_CHANNELS);
export type ProviderChannel = z.infer<typeof ProviderChannelSchema>;

export const CHANNEL_NAME_MAX_LENGTH = 80;
export const CHANNEL_CLOSING_MESSAGE_MAX_LENGTH = 1000;

export const ChannelConfigSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.literal('sinch'),
  projectId: z.string(),
  appId: z.string(),
  keyId: z.string(),
  /** Whether the access key secret and the webhook secret are stored (never their values). */
  keySecretSet: z.boolean(),
  webhookSecretSet: z.boolean(),
  region: ChannelRegionSchema,
  carries: z.array(ProviderChannelSchema),
  queue: z.object({ id: z.string(), name: z.string() }),
  /** Our number, sender id or app name: the destination agents see. */
  sender: z.string(),
  closingMessage: z.string().nullable(),
  enabled: z.boolean(),
  /** Path of the callback URL to enter in the Conversation API app (prefix the server's public origin). */
  webhookPath: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ChannelConfig = z.infer<typeof ChannelConfigSchema>;

export const ChannelConfigListSchema = z.object({ channels: z.array(ChannelConfigSchema) });
export const ChannelConfigResponseSchema = z.object({ channel: ChannelConfigSchema });

const required = (what: string, max = 200) => text().trim().min(1, `Enter the ${what}`).max(max, `At most ${max} characters`);
const secret = (what: string) => text().min(8, `The ${what} has at least 8 characters`).max(500, 'At most 500 characters');

const channelFields = {
  name: required('name', CHANNEL_NAME_MAX_LENGTH),
  projectId: required('project id'),
  appId: required('app id'),
  keyId: required('access key id'),
  region: ChannelRegionSchema,
  carries: z.array(ProviderChannelSchema).min(1, 'Choose at least one channel'),
  queueId: text().trim().min(1, 'Choose a queue'),
  sender: text().trim().max(200).default(''),
  closingMessage: text().trim().max(CHANNEL_CLOSING_MESSAGE_MAX_LENGTH).nullable().default(null),
  enabled: z.boolean().default(true),
  keySecret: secret('access key secret'),
  webhookSecret: secret('webhook secret'),
};

/** A new channel: both secrets are required. */
export const CreateChannelRequestSchema = z.object(channelFields);
export type CreateChannelRequest = z.input<typeof CreateChannelRequestSchema>;

/** Replaces every field; a secret left out (or null) keeps the stored one. */
export const UpdateChannelRequestSchema = z.object({
  ...channelFields,
  keySecret: channelFields.keySecret.nullish(),
  webhookSecret: channelFields.webhookSecret.nullish(),
});
export type UpdateChannelRequest = z.input<typeof UpdateChannelRequestSchema>;

export const RetryMessageResponseSchema = z.object({ message: MessageSchema });
