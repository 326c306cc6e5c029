import type { User } from '../contract/auth';
import type { Conversation, Customer } from '../contract/conversations';
import type { Message } from '../contract/messages';

/**
 * Test-only builders for contract objects, shared by the client's unit tests so that a change to
 * a schema means one edit here. Every field gets a neutral default: together they describe Kim's
 * conversation `c1`, waiting in Support with nobody holding it, and her message "Hello?" in it.
 * Tests pass only what matters to them; never imported by application code.
 */

export const TEST_TIME = '2024-05-01T10:00:00.000Z';

export const supportQueue = { id: 'q-support', name: 'Support', address: 'support@acme.example' };

export const makeCustomer = (patch: Partial<Customer> = {}): Customer => ({
  id: 'cu',
  name: 'Kim',
  email: null,
  phone: null,
  verified: false,
  externalId: null,
  ...patch,
});

export const makeConversation = (patch: Partial<Conversation> = {}): Conversation => ({
  id: 'c1',
  customer: makeCustomer(),
  queue: supportQueue,
  channel: 'webchat',
  source: 'kim@example.com',
  destination: supportQueue.address,
  state: 'queued',
  arrivedAt: TEST_TIME,
  agent: null,
  pickedAt: null,
  endedAt: null,
  endedBy: null,
  endReason: null,
  idleWarning: null,
  heldUntil: null,
  reservedFor: null,
  lastTransfer: null,
  offer: null,
  returnedAt: null,
  lastCustomerMessageAt: null,
  awaitingReplySince: null,
  firstMessage: null,
  lastMessage: null,
  lastSeq: 1,
  ...patch,
});

export const makeMessage = (patch: Partial<Message> = {}): Message => ({
  id: 'm1',
  conversationId: 'c1',
  seq: 2,
  clientMessageId: null,
  authorKind: 'customer',
  authorId: null,
  authorName: 'Kim',
  text: 'Hello?',
  attachments: [],
  createdAt: TEST_TIME,
  ...patch,
});

/** A user whose username and display name are their id: an agent unless `patch` says otherwise. */
export const makeUser = (id: string, patch: Partial<User> = {}): User => ({
  id,
  username: id,
  displayName: id,
  role: 'agent',
  queueIds: [],
  ...patch,
});

export const makeAgent = (id: string, queueIds: string[] = []): User => makeUser(id, { queueIds });
