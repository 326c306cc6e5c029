import { z } from 'zod';
import { ChannelSchema, PersonRefSchema, QueueRefSchema } from './conversations';
import { PresenceSchema } from './presence';
import { QueueAvailabilitySchema } from './queue-availability';
import { QueueSchema } from './queues';
import { CONVERSATION_PAGE_MAX } from './limits';
import { text } from './text';

/** One point of a queue's waiting line over time. */
export const WaitingSampleSchema = z.object({ at: z.iso.datetime(), waiting: z.number().int().nonnegative() });
export type WaitingSample = z.infer<typeof WaitingSampleSchema>;

/** A queue right now, for the supervisors' Queues dashboard. */
export const QueueStatsSchema = z.object({
  queue: QueueSchema,
  /** Conversations waiting to be picked (state queued), reserved ones included. */
  waiting: z.number().int().nonnegative(),
  /** When the conversation waiting longest started to wait; null when none waits. */
  longestWaitingSince: z.iso.datetime().nullable(),
  /** Being offered to an agent right now. */
  offered: z.number().int().nonnegative(),
  /** Held by an agent. */
  inProgress: z.number().int().nonnegative(),
  /** Agents who serve the queue (not disabled), and how many of them are available and connected. */
  agents: z.number().int().nonnegative(),
  availableAgents: z.number().int().nonnegative(),
  /** Waiting conversations sampled about once a minute over the last hour, oldest first. */
  waitingHistory: z.array(WaitingSampleSchema),
  /** Open or closed by its opening hours, and full (at its maximum); absent from older servers. */
  availability: QueueAvailabilitySchema.optional(),
  /** The most conversations that may wait; null: no limit. */
  maxWaiting: z.number().int().nullable().optional(),
});
export type QueueStats = z.infer<typeof QueueStatsSchema>;

/** Open conversations of one channel (web chat, SMS, WhatsApp…), across queues. */
export const ChannelCountSchema = z.object({
  channel: ChannelSchema,
  waiting: z.number().int().nonnegative(),
  offered: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
});
export type ChannelCount = z.infer<typeof ChannelCountSchema>;

export const QueueDashboardSchema = z.object({
  queues: z.array(QueueStatsSchema),
  /** Per channel with any open conversation, in the contract's channel order; absent from older servers. */
  channels: z.array(ChannelCountSchema).optional(),
  /** The server's clock when the figures were read, so waiting times agree across clients. */
  at: z.iso.datetime(),
});
export type QueueDashboard = z.infer<typeof QueueDashboardSchema>;

/** One agent right now, for the supervisors' Agents view. */
export const AgentStatusSchema = z.object({
  agent: PersonRefSchema,
  username: z.string(),
  presence: PresenceSchema,
  /** Whether any realtime connection of the agent is open now. */
  connected: z.boolean(),
  capacity: z.number().int(),
  /** Conversations held now. */
  held: z.number().int().nonnegative(),
  /** Offered to them now (0 or 1). */
  offered: z.number().int().nonnegative(),
  queues: z.array(QueueRefSchema),
});
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

export const AgentStatusListSchema = z.object({ agents: z.array(AgentStatusSchema), at: z.iso.datetime() });
export type AgentStatusList = z.infer<typeof AgentStatusListSchema>;

/** Every open (waiting, offered or held) conversation, for supervisors to open any of them. */
export const OpenConversationsQuerySchema = z.object({
  queueId: text().optional(),
  /** `nextCursor` of the previous page, unchanged; only valid with the same queue. */
  cursor: text().min(1).max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(CONVERSATION_PAGE_MAX).optional(),
});

export const AuditKindSchema = z.enum([
  'arrived',
  'offered',
  'accepted',
  'offer_rejected',
  'offer_expired',
  'offer_withdrawn',
  'picked',
  'transferred',
  'reassigned',
  'returned',
  'ended',
  /** The reason (wrap-up code) and summary the agent gave when ending. */
  'wrapped_up',
  'upload_rejected',
  /** The customer's answer to the satisfaction survey. */
  'rated',
]);
export type AuditKind = z.infer<typeof AuditKindSchema>;

/** Who did something: a staff member, the customer, or the system itself. */
export const AuditActorSchema = z.object({
  kind: z.enum(['staff', 'customer', 'system']),
  id: z.string().nullable(),
  name: z.string(),
});
export type AuditActor = z.infer<typeof AuditActorSchema>;

/** One line of a conversation's audit trail. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  kind: AuditKindSchema,
  actor: AuditActorSchema,
  /** For people: "Offered to Ben Okafor", "Anna Lindqvist → Sales: needs a quote". */
  summary: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Oldest first. */
export const AuditTrailSchema = z.object({ entries: z.array(AuditEntrySchema) });
export type AuditTrail = z.infer<typeof AuditTrailSchema>;
