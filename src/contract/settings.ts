import { z } from 'zod';
import { AttachmentPolicySchema, DEFAULT_ATTACHMENT_POLICY } from './attachments';
import { PersonRefSchema } from './conversations';
import { CustomerChatSettingsSchema, DEFAULT_CUSTOMER_CHAT_SETTINGS } from './customer-chat';
import { LOST_AGENT_GRACE_MIN_SECONDS, OFFER_TIMEOUT_MAX_SECONDS, OFFER_TIMEOUT_MIN_SECONDS, PUSH_KEEP_CHATS_MAX_MINUTES } from './limits';

/** How conversations are offered, when agents count as lost, and how long a reply may take. */
export const RoutingSettingsSchema = z.object({
  /** How long an agent has to accept an offer. */
  offerTimeoutSeconds: z
    .number()
    .int('Whole seconds only')
    .min(OFFER_TIMEOUT_MIN_SECONDS, `At least ${OFFER_TIMEOUT_MIN_SECONDS} seconds`)
    .max(OFFER_TIMEOUT_MAX_SECONDS, `At most ${OFFER_TIMEOUT_MAX_SECONDS} seconds`),
  /** Offers an agent may let expire in a row before being set to away. */
  maxMissedOffers: z.number().int('A whole number').min(1, 'At least 1').max(20, 'At most 20'),
  /** How long every connection of an agent may be gone before their conversations go back to the queue. */
  lostAgentGraceSeconds: z
    .number()
    .int('Whole seconds only')
    .min(LOST_AGENT_GRACE_MIN_SECONDS, `At least ${LOST_AGENT_GRACE_MIN_SECONDS} seconds`)
    .max(3600, 'At most 3600 seconds'),
  /** How long a customer should wait in a queue for an agent: Picklist rows turn amber near it and red past it. */
  waitingLimitSeconds: z.number().int('Whole seconds only').min(10, 'At least 10 seconds').max(86_400, 'At most 24 hours'),
  /** How long a customer should wait for a reply: rows turn amber near it and red past it. */
  replyTimeLimitSeconds: z.number().int('Whole seconds only').min(10, 'At least 10 seconds').max(86_400, 'At most 24 hours'),
  /**
   * How long an agent whose connections are all gone keeps their conversations, counted from when
   * the last one went, while a device of theirs registered for push notifications can be reached
   * (README, "Push notifications"). 0: no such exception, the grace period alone applies.
   */
  pushKeepChatsMinutes: z
    .number()
    .int('Whole minutes only')
    .min(0, 'At least 0 minutes (0 turns it off)')
    .max(PUSH_KEEP_CHATS_MAX_MINUTES, `At most ${PUSH_KEEP_CHATS_MAX_MINUTES} minutes (24 hours)`),
});
export type RoutingSettings = z.infer<typeof RoutingSettingsSchema>;

export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  offerTimeoutSeconds: 30,
  maxMissedOffers: 3,
  lostAgentGraceSeconds: 60,
  waitingLimitSeconds: 60,
  replyTimeLimitSeconds: 120,
  pushKeepChatsMinutes: 15,
};

/** How long staff sessions last: unused for `sessionIdleMinutes` they end, and in any case after `sessionMaxDays`. */
export const SecuritySettingsSchema = z.object({
  /** A session not used for this long (no request, no open realtime socket) ends. */
  sessionIdleMinutes: z.number().int('Whole minutes only').min(5, 'At least 5 minutes').max(10_080, 'At most 7 days (10080 minutes)'),
  /** A session ends this many days after login, however much it is used. */
  sessionMaxDays: z.number().int('Whole days only').min(1, 'At least 1 day').max(90, 'At most 90 days'),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  // A working day: a panel left open (its socket counts as use) stays logged in; a laptop closed overnight does not.
  sessionIdleMinutes: 480,
  sessionMaxDays: 7,
};

/** Workspace-wide settings: the admin's "System Configurator". */
export const SettingsSchema = z.object({
  /** What agents may upload into their conversations. */
  agentUploads: AttachmentPolicySchema,
  /** What customers may upload in the web chat; independent of the agents' policy. */
  customerUploads: AttachmentPolicySchema,
  routing: RoutingSettingsSchema,
  security: SecuritySettingsSchema,
  /** The web chat: survey, required email, inactivity (contract/customer-chat.ts). */
  customerChat: CustomerChatSettingsSchema,
  /** Null until an admin first saves the settings (the defaults apply). */
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: PersonRefSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The settings until an admin first saves them: the defaults above, as a fresh copy to change. */
export const defaultSettings = (): Settings => ({
  agentUploads: structuredClone(DEFAULT_ATTACHMENT_POLICY),
  customerUploads: structuredClone(DEFAULT_ATTACHMENT_POLICY),
  routing: { ...DEFAULT_ROUTING_SETTINGS },
  security: { ...DEFAULT_SECURITY_SETTINGS },
  customerChat: { ...DEFAULT_CUSTOMER_CHAT_SETTINGS },
  updatedAt: null,
  updatedBy: null,
});

/**
 * PUT replaces both policies, and the routing and security settings when given (older clients leave
 * them out, and may leave out routing settings added after them: those keep their stored value).
 */
export const UpdateSettingsRequestSchema = z.object({
  agentUploads: AttachmentPolicySchema,
  customerUploads: AttachmentPolicySchema,
  routing: RoutingSettingsSchema.extend({ pushKeepChatsMinutes: RoutingSettingsSchema.shape.pushKeepChatsMinutes.optional() }).optional(),
  security: SecuritySettingsSchema.optional(),
  customerChat: CustomerChatSettingsSchema.optional(),
});
export type UpdateSettingsRequest = z.input<typeof UpdateSettingsRequestSchema>;

export const SettingsResponseSchema = z.object({ settings: SettingsSchema });
export type SettingsResponse = z.infer<typeof SettingsResponseSchema>;

/** What every staff member may read of the settings: the panel colours waiting times with it. */
export const RoutingSettingsResponseSchema = z.object({ routing: RoutingSettingsSchema });
