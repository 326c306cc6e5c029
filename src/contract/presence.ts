import { z } from 'zod';
import { PersonRefSchema } from './conversations';

/**
 * An agent's availability. `available`: may receive offers; `busy` and `away`: keeps what they
 * hold but gets no offers; `offline`: no connection (set by the server after a grace period).
 */
export const PresenceStateSchema = z.enum(['available', 'busy', 'away', 'offline']);
export type PresenceState = z.infer<typeof PresenceStateSchema>;

/** What an agent may choose; `offline` is the server's to set. */
export const ChosenPresenceSchema = z.enum(['available', 'busy', 'away']);
export type ChosenPresence = z.infer<typeof ChosenPresenceSchema>;

/**
 * Why the server changed someone's presence, so the agent can be told: offers left to expire
 * too many times in a row, or every connection gone for longer than the grace period.
 */
export const PresenceReasonSchema = z.enum(['missed_offers', 'lost_connection']);
export type PresenceReason = z.infer<typeof PresenceReasonSchema>;

export const PresenceSchema = z.object({
  state: PresenceStateSchema,
  since: z.iso.datetime(),
  /** Null when the agent chose the state. */
  reason: PresenceReasonSchema.nullable(),
});
export type Presence = z.infer<typeof PresenceSchema>;

/** The caller's own presence and workload. */
export const MyPresenceResponseSchema = z.object({
  presence: PresenceSchema,
  /** Most conversations the agent holds at once before offers stop (admin-set). */
  capacity: z.number().int(),
  /** Conversations held now, plus the one being offered, if any. */
  load: z.number().int(),
});
export type MyPresenceResponse = z.infer<typeof MyPresenceResponseSchema>;

export const SetPresenceRequestSchema = z.object({ state: ChosenPresenceSchema });

/** One agent's presence, as other staff see it (realtime `presence.changed`). */
export const AgentPresenceSchema = z.object({ agent: PersonRefSchema, presence: PresenceSchema });
export type AgentPresence = z.infer<typeof AgentPresenceSchema>;
