import { z } from 'zod';
import { CONVERSATION_PAGE_MAX, CUSTOMER_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH } from './limits';
import { MessageSchema } from './messages';
import { ConversationSortSchema, DEFAULT_CONVERSATION_SORT } from './preferences';
import { ReadStateSchema } from './read-markers';
import { text } from './text';

export const ConversationStateSchema = z.enum(['queued', 'offered', 'picked', 'ended']);
export type ConversationState = z.infer<typeof ConversationStateSchema>;

/**
 * How the customer reaches us: our own web chat, or a messaging channel through the Conversation
 * API (`channel` tells which; see src/domain/channel-rules.ts for each one's limits).
 */
export const ChannelSchema = z.enum(['webchat', 'sms', 'mms', 'whatsapp', 'messenger', 'viber']);
export type Channel = z.infer<typeof ChannelSchema>;

export const CustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /**
   * True only when the embedding site vouched for the customer with a signed link (see
   * "Customer identity in the web chat" in the README). An unverified customer typed their name
   * and email into the web chat: nothing proves either, and their record holds only their own
   * conversations.
   */
  verified: z.boolean(),
  /** The embedding site's id of a verified customer; null when unverified. */
  externalId: z.string().nullable(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const PersonRefSchema = z.object({ id: z.string(), displayName: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const QueueRefSchema = z.object({ id: z.string(), name: z.string() });
export type QueueRef = z.infer<typeof QueueRefSchema>;

/**
 * One hand-over of a conversation by the agent who held it: to a queue (`toQueue`, `toAgent`
 * null) or to one agent (`toAgent`, `toQueue` null; the conversation stays in its queue).
 * Staff only: the note is internal and never reaches the customer.
 */
export const TransferSchema = z.object({
  id: z.string(),
  from: PersonRefSchema,
  /** The queue the conversation was in when it was handed over. */
  fromQueue: QueueRefSchema,
  toQueue: QueueRefSchema.nullable(),
  toAgent: PersonRefSchema.nullable(),
  note: z.string().nullable(),
  at: z.iso.datetime(),
});
export type Transfer = z.infer<typeof TransferSchema>;

export const ConversationSchema = z.object({
  id: z.string(),
  customer: CustomerSchema,
  queue: z.object({ id: z.string(), name: z.string(), address: z.string() }),
  channel: ChannelSchema,
  /** The customer's address. */
  source: z.string(),
  /** The queue's address. */
  destination: z.string(),
  state: ConversationStateSchema,
  arrivedAt: z.iso.datetime(),
  agent: PersonRefSchema.nullable(),
  pickedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
  endedBy: z.enum(['customer', 'agent', 'system']).nullable(),
  /** Why the system ended it (`endedBy` 'system'): after the admin's inactivity time; null otherwise. */
  endReason: z.enum(['inactivity']).nullable(),
  /**
   * Set while the customer has been warned of inactivity and nobody wrote since: the conversation
   * ends by itself at `endsAt` unless someone writes (a message after `warnedAt` cancels it).
   */
  idleWarning: z.object({ warnedAt: z.iso.datetime(), endsAt: z.iso.datetime() }).nullable(),
  /**
   * A message left while its queue was closed: it waits in nobody's picklist until this opening
   * (or until an admin opens the queue). Null for every other conversation.
   */
  heldUntil: z.iso.datetime().nullable(),
  /**
   * While waiting after a transfer to one agent: only that agent sees it in the picklist and may
   * pick it, whether or not they serve its queue. Null otherwise.
   */
  reservedFor: PersonRefSchema.nullable(),
  /** The latest transfer, so whoever receives the conversation sees who sent it and why. */
  lastTransfer: TransferSchema.nullable(),
  /** Set while the conversation is offered to one agent, who may accept it until `expiresAt`. */
  offer: z.object({ agent: PersonRefSchema, expiresAt: z.iso.datetime() }).nullable(),
  /**
   * Set when the conversation came back to its queue because its agent lost their connection:
   * such conversations wait at the top of the picklist.
   */
  returnedAt: z.iso.datetime().nullable(),
  /** The customer's latest message, for sorting. */
  lastCustomerMessageAt: z.iso.datetime().nullable(),
  /** The customer's first message since the last agent reply; null when nothing waits for a reply. */
  awaitingReplySince: z.iso.datetime().nullable(),
  /** The first customer message, for previews in the picklist. */
  firstMessage: MessageSchema.nullable(),
  lastMessage: MessageSchema.nullable(),
  /** Highest message seq so far. */
  lastSeq: z.number().int(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * `picklist`: waiting in my queues (or reserved for me); `mine`: held by me; `offers`: offered to
 * me right now, to accept or reject.
 */
export const ConversationViewSchema = z.enum(['picklist', 'mine', 'offers']);
export type ConversationView = z.infer<typeof ConversationViewSchema>;

/**
 * One page of a list. `sort` orders `mine` only (the picklist waits in arrival order, returned
 * conversations first; offers by expiry). `cursor` is the previous page's `nextCursor`, valid only
 * with the same view and sort.
 */
export const ConversationListQuerySchema = z.object({
  view: ConversationViewSchema,
  sort: ConversationSortSchema.default(DEFAULT_CONVERSATION_SORT),
  cursor: text().min(1).max(1024).optional(),
  limit: z.coerce.number().int().min(1).max(CONVERSATION_PAGE_MAX).optional(),
});
export type ConversationListQuery = z.input<typeof ConversationListQuerySchema>;

/** Kept for lists that are never long (a conversation's own lists, tests). */
export const ConversationListSchema = z.object({ conversations: z.array(ConversationSchema) });
export type ConversationList = z.infer<typeof ConversationListSchema>;

/**
 * A page of a list in the server's order. `total` counts the whole list (the tab badges);
 * `reads` is my read state in this page's conversations (mine and offers; empty elsewhere), so a
 * page brings its own unread counts. Offers are few and come in one page.
 */
export const ConversationPageSchema = z.object({
  conversations: z.array(ConversationSchema),
  /** Opaque; null on the last page. */
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
  reads: z.array(ReadStateSchema),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

export const ConversationResponseSchema = z.object({ conversation: ConversationSchema });

export const CustomerNameSchema = text()
  .trim()
  .min(1, 'Enter your name')
  .max(CUSTOMER_NAME_MAX_LENGTH, `At most ${CUSTOMER_NAME_MAX_LENGTH} characters`);

export const CustomerEmailSchema = text()
  .trim()
  .max(EMAIL_MAX_LENGTH)
  .pipe(z.email('Enter a valid email address'));
