import { DraftSchema } from './drafts';
import { z } from 'zod';
import { ConversationSchema, PersonRefSchema, TransferSchema } from './conversations';
import { RatingSchema } from './customer-chat';
import { PreferencesSchema } from './preferences';
import { AgentPresenceSchema } from './presence';
import { QueueSchema } from './queues';
import { ReadStateSchema } from './read-markers';
import { MessageDeliverySchema, MessageSchema } from './messages';
import { NoteSchema } from './notes';
import { SettingsSchema } from './settings';
import { CustomerConversationSchema } from './webchat';
import { text } from './text';

/**
 * Every state change is appended to one ordered log. `seq` is global and gap-free in commit
 * order, so a client that remembers the last seq it saw can ask for exactly what it missed.
 */
const base = { seq: z.number().int(), at: z.iso.datetime() };

/** How an offer ended without being accepted. */
export const OfferOutcomeSchema = z.enum(['rejected', 'expired', 'withdrawn']);
export type OfferOutcome = z.infer<typeof OfferOutcomeSchema>;

export const ConversationEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('conversation.created'), conversation: ConversationSchema }),
  z.object({ ...base, type: z.literal('conversation.picked'), conversation: ConversationSchema }),
  z.object({ ...base, type: z.literal('conversation.ended'), conversation: ConversationSchema }),
  /** The customer was warned of inactivity: `conversation.idleWarning` says when it ends unless someone writes. */
  z.object({ ...base, type: z.literal('conversation.idle-warned'), conversation: ConversationSchema }),
  /**
   * A message left while its queue was closed now waits for another opening (`conversation.heldUntil`),
   * because an admin changed the queue's hours. For its customer only: agents learn of a left
   * message when it is released (conversation.created).
   */
  z.object({ ...base, type: z.literal('conversation.rescheduled'), conversation: ConversationSchema }),
  /**
   * The holder handed the conversation over: it waits again, in `transfer.toQueue` or reserved
   * for `transfer.toAgent`. Goes to the previous holder, the queue's agents and the target agent;
   * customers get it as conversation.updated, without the transfer.
   */
  z.object({
    ...base,
    type: z.literal('conversation.transferred'),
    conversation: ConversationSchema,
    transfer: TransferSchema,
    /**
     * The agent who held it until now, null when it was waiting or offered (a supervisor's
     * reassignment is sent by the supervisor, so `transfer.from` is not always the holder); absent
     * in events logged before this field existed.
     */
    previousHolderId: z.string().nullable().optional(),
  }),
  /** Offered to `conversation.offer.agent` until `conversation.offer.expiresAt`. */
  z.object({ ...base, type: z.literal('conversation.offered'), conversation: ConversationSchema }),
  /** The offered agent accepted: they hold it now. */
  z.object({ ...base, type: z.literal('conversation.accepted'), conversation: ConversationSchema }),
  /**
   * An offer ended without acceptance: the agent rejected it, let it expire, or it was withdrawn
   * because the agent went offline. The conversation waits again (and may be offered to the next).
   */
  z.object({
    ...base,
    type: z.literal('conversation.offer-declined'),
    conversation: ConversationSchema,
    agent: PersonRefSchema,
    outcome: OfferOutcomeSchema,
  }),
  /** Its agent's every connection was gone past the grace period: back to the top of its queue. */
  z.object({ ...base, type: z.literal('conversation.returned'), conversation: ConversationSchema, agent: PersonRefSchema }),
  z.object({
    ...base,
    type: z.literal('message.created'),
    message: MessageSchema,
    /**
     * Who held the conversation when a customer or agent wrote it (null: nobody), so a panel that
     * has not loaded the conversation knows whether it is one of mine. Absent on system messages.
     */
    holderId: z.string().nullable().optional(),
  }),
  /** Staff only: the customer's view of the log never contains notes. */
  z.object({ ...base, type: z.literal('note.created'), note: NoteSchema }),
  /** The customer answered the survey after the end (staff only: open side panels and dashboards follow). */
  z.object({ ...base, type: z.literal('conversation.rated'), conversationId: z.string(), rating: RatingSchema }),
  /**
   * An agent's message to a messaging channel got further (sent, delivered, read) or failed.
   * Staff only; the message itself is unchanged.
   */
  z.object({
    ...base,
    type: z.literal('message.delivery'),
    conversationId: z.string(),
    messageId: z.string(),
    delivery: MessageDeliverySchema,
  }),
]);
export type ConversationEvent = z.infer<typeof ConversationEventSchema>;

/**
 * Workspace-wide changes, sent to every staff socket in their own frame kind (clients that do not
 * know it ignore it). They share the log's seq with conversation events.
 */
export const WorkspaceEventSchema = z.discriminatedUnion('type', [
  /** An admin saved the settings: open panels pick up the new attachment policy. */
  z.object({ ...base, type: z.literal('settings.updated'), settings: SettingsSchema }),
  /** An admin created or changed a queue: dashboards and the transfer dialog follow. */
  z.object({ ...base, type: z.literal('queue.updated'), queue: QueueSchema }),
  /**
   * An admin created or changed a user (role, queues, capacity, disabled). That user's panels
   * reload their session; their sockets are reconnected so they see their new queues.
   */
  z.object({ ...base, type: z.literal('user.updated'), user: PersonRefSchema }),
  /** An agent's presence changed (by their choice or the server's, which gives a reason). */
  z.object({ ...base, type: z.literal('presence.changed'), ...AgentPresenceSchema.shape }),
  /**
   * A shared canned response was created, changed or deleted: panels fetch their list again (it
   * names none, since agents may see only their queues' ones).
   */
  z.object({ ...base, type: z.literal('canned-responses.updated') }),
]);
export type WorkspaceEvent = z.infer<typeof WorkspaceEventSchema>;

/** Events for one user's own devices only: what they read, how they like the panel. */
export const UserEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('read.updated'), read: ReadStateSchema }),
  z.object({ ...base, type: z.literal('preferences.updated'), preferences: PreferencesSchema }),
  /** My draft in a conversation was saved (empty: removed), on this device or another. */
  z.object({ ...base, type: z.literal('draft.saved'), conversationId: z.string(), draft: DraftSchema }),
  /** One of my personal canned responses was created, changed or deleted, on this device or another. */
  z.object({ ...base, type: z.literal('my-canned-responses.updated') }),
  /**
   * A colleague @mentioned me in a note. Sent to me alone, and only when I may see the
   * conversation (the server refuses other mentions); `customerName` names it in the notice.
   */
  z.object({ ...base, type: z.literal('note.mentioned'), note: NoteSchema, customerName: z.string() }),
]);
export type UserEvent = z.infer<typeof UserEventSchema>;

/** Customers get their own, smaller view of the same log. */
export const CustomerEventSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('conversation.updated'), conversation: CustomerConversationSchema }),
  z.object({ ...base, type: z.literal('message.created'), message: MessageSchema }),
]);
export type CustomerEvent = z.infer<typeof CustomerEventSchema>;

/** Client → server, first frame on a socket and after every reconnect. */
export const RealtimeHelloSchema = z.object({
  type: z.literal('hello'),
  /** Last seq the client applied; omit on a fresh start. */
  after: z.number().int().nonnegative().optional(),
  /** Customers authenticate with their conversation token; staff with their session cookie. */
  customerToken: text().optional(),
  /** API clients without cookies (mobile) send their bearer token here. */
  token: text().optional(),
});
export type RealtimeHello = z.infer<typeof RealtimeHelloSchema>;

/**
 * Client → server, any time after hello: "I am typing in this conversation" (or stopped).
 * Staff name the conversation; a customer's socket belongs to one conversation already.
 * Not stored: typing is shown only to whoever is connected at that moment.
 */
export const RealtimeTypingSchema = z.object({
  type: z.literal('typing'),
  conversationId: text().optional(),
  isTyping: z.boolean(),
});
export type RealtimeTyping = z.infer<typeof RealtimeTypingSchema>;

/** Server → client frames. */
export const RealtimeFrameSchema = z.discriminatedUnion('kind', [
  /** Catch-up is complete; `seq` is the server's current position. */
  z.object({ kind: z.literal('ready'), seq: z.number().int() }),
  /** Too much was missed to replay: refetch everything, then continue from `seq`. */
  z.object({ kind: z.literal('reset'), seq: z.number().int() }),
  z.object({ kind: z.literal('event'), event: ConversationEventSchema }),
  z.object({ kind: z.literal('customer-event'), event: CustomerEventSchema }),
  z.object({ kind: z.literal('workspace-event'), event: WorkspaceEventSchema }),
  z.object({ kind: z.literal('user-event'), event: UserEventSchema }),
  z.object({ kind: z.literal('error'), code: z.string(), message: z.string() }),
  /**
   * A waiting customer's place in their queue (1 = next) and estimated wait in minutes (null:
   * too little data), sent when it may have changed and on (re)connect. Not stored: the latest
   * frame is the truth, so it carries no seq and is never replayed.
   */
  z.object({
    kind: z.literal('queue-position'),
    conversationId: z.string(),
    position: z.number().int().positive(),
    estimatedWaitMinutes: z.number().int().nonnegative().nullable(),
  }),
  /** The other side of a conversation is typing (agent ↔ customer); carries no seq and is never replayed. */
  z.object({
    kind: z.literal('typing'),
    conversationId: z.string(),
    from: z.enum(['customer', 'agent']),
    name: z.string(),
    isTyping: z.boolean(),
  }),
]);
export type RealtimeFrame = z.infer<typeof RealtimeFrameSchema>;
