import type { QueuePrompts } from '../contract/prompts';
import type { QueueLimitSettings } from '../domain/queue-limits';
import type { Rating } from '../contract/customer-chat';
import type { Attachment } from '../contract/attachments';
import type { ChannelConfig } from '../contract/channels';
import type { AdminAuditEntry } from '../contract/admin';
import type { User } from '../contract/auth';
import type { LoggedEvent } from '../domain/event-visibility';
import type { Conversation, Customer, Transfer } from '../contract/conversations';
import type { Message } from '../contract/messages';
import type { Note } from '../contract/notes';
import type { DeviceKind } from '../contract/devices';
import type { UpdatePreferencesRequest } from '../contract/preferences';
import type { Presence } from '../contract/presence';
import type { Queue } from '../contract/queues';
import { CANNED_RESPONSES, CUSTOMERS, PAST_CONVERSATIONS, PAST_TIMING, QUEUES, USERS, WAITING, WRAP_UP_CODES } from '../domain/demo-workspace';
import { replyFieldsOf } from '../domain/message-effects';
import { defaultSettings, type Settings } from '../contract/settings';

/**
 * The in-memory workspace behind the MSW handlers: the same demo data the server seeds
 * (src/server/db/seed.ts), kept in plain records the way the database keeps rows, so a
 * conversation is joined with its customer, queue, agent and messages when it is read — a
 * customer who starts a new chat under a known email renames every conversation of theirs,
 * as on the server.
 */

/** Every demo user logs in with this password, as with `npm run dev`. */
export const MOCK_PASSWORD = 'demo';

/** A conversation row: the contract's conversation without the joined and derived parts. */
export type ConversationRecord = Omit<
  Conversation,
  | 'customer'
  | 'queue'
  | 'agent'
  | 'reservedFor'
  | 'lastTransfer'
  | 'offer'
  | 'lastCustomerMessageAt'
  | 'awaitingReplySince'
  | 'firstMessage'
  | 'lastMessage'
  | 'lastSeq'
  | 'idleWarning'
  | 'heldUntil'
> & {
  customerId: string;
  queueId: string;
  agentId: string | null;
  /** Set while waiting after a transfer to one agent. */
  reservedForId: string | null;
  /** Set while the conversation is offered (state 'offered'): to whom, and until when. */
  offeredToId: string | null;
  offerExpiresAt: string | null;
  /**
   * Counts the times the conversation started waiting anew (a return from a lost agent): whoever
   * was offered it in this round is passed over until the next.
   */
  offerRound: number;
};

/**
 * A conversation as it arrives: waiting in its queue, unheld, never offered. The seed and a web-chat
 * start both make theirs here; the seed's earlier chats then say how they ended.
 */
export function newConversationRecord(r: { id: string; customer: Customer; queue: Queue; source: string; arrivedAt: string }): ConversationRecord {
  return {
    id: r.id,
    customerId: r.customer.id,
    queueId: r.queue.id,
    channel: 'webchat',
    source: r.source,
    destination: r.queue.address,
    state: 'queued',
    arrivedAt: r.arrivedAt,
    agentId: null,
    reservedForId: null,
    pickedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    offeredToId: null,
    offerExpiresAt: null,
    offerRound: 0,
    returnedAt: null,
  };
}

/** An offers row: every offer and how it ended (null while open). */
export interface OfferRecord {
  conversationId: string;
  round: number;
  agentId: string;
  offeredAt: string;
  expiresAt: string;
  outcome: 'accepted' | 'rejected' | 'expired' | 'withdrawn' | null;
}

/** What the users row keeps of an agent's availability and workload. */
export interface AgentState {
  presence: Presence;
  /** Most conversations held at once before offers stop. */
  capacity: number;
  /** Since when the agent has waited for work: offers go to whoever has waited longest. */
  idleSince: string;
  /** Offers let expire in a row. */
  missedOffers: number;
}

/** A transfers row: exactly one of toQueueId and toAgentId is set. */
export interface TransferRecord {
  id: string;
  conversationId: string;
  fromAgentId: string;
  fromQueueId: string;
  toQueueId: string | null;
  toAgentId: string | null;
  note: string | null;
  at: string;
}

/** A staff session, as the server's sessions table keeps it. */
export interface MockSession {
  id: string;
  userId: string;
  deviceName: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
}

/** A survey answer, with the queue and agent of the conversation at its end (as migration 29). */
export type MockRating = Rating & { queueId: string; agentId: string | null };

export interface MockData {
  queues: Queue[];
  users: User[];
  /** User id → password; the demo users share MOCK_PASSWORD. */
  passwords: Map<string, string>;
  customers: Customer[];
  conversations: ConversationRecord[];
  /** Per conversation, in seq order. */
  messages: Map<string, Message[]>;
  /** Internal notes per conversation, oldest first (the API lists them newest first). */
  notes: Map<string, Note[]>;
  /** Unsent text per `${userId}:${conversationId}`. */
  drafts: Map<string, { text: string; updatedAt: string }>;
  /** Every transfer, oldest first. */
  transfers: TransferRecord[];
  /**
   * Users logged in on some other device. The mock has no other devices; the demo agents count as
   * logged in so the transfer dialog has someone to offer, as on a busy server.
   */
  loggedInElsewhere: Set<string>;
  /** Staff sessions by their token. */
  sessions: Map<string, MockSession>;
  /** Customer token → conversation id. */
  customerTokens: Map<string, string>;
  /** Web-chat starts by their first message's client id, for retries (see webchat-start.ts). */
  webchatStarts: Map<string, { requestHash: string; conversationId: string; customerToken: string; at: number }>;
  /** Opening hours, left messages and waiting limit per queue id (queue-limits.ts); none: always open, no limit. */
  queueLimits: Map<string, QueueLimitSettings>;
  /** Messages left while their queue was closed: conversation id → when they join the picklist (ms). */
  heldUntil: Map<string, number>;
  /** The web-chat identity secret, when an admin generated one. */
  webchatIdentity: { secret: string; generatedAt: string; generatedBy: { id: string; displayName: string } } | null;
  /** Uploaded files by id, with their bytes. */
  attachments: Map<string, MockAttachment>;
  /** The admin's System Configurator. */
  settings: Settings;
  /** Presence, capacity and idle time per user id. */
  agentStates: Map<string, AgentState>;
  /** Every offer, oldest first. */
  offers: OfferRecord[];
  /** Last message seq read per `${userId}:${conversationId}`. */
  readMarkers: Map<string, number>;
  /** What each user chose of their preferences (the defaults apply to the rest), as the server stores them. */
  preferences: Map<string, UpdatePreferencesRequest>;
  /** Devices registered for push notifications, oldest first (device-handlers.ts). */
  devices: MockDevice[];
  /** Canned responses, shared and personal, oldest first (canned-handlers.ts). */
  cannedResponses: MockCannedResponse[];
  /** What the admin pages keep beyond the contract's User (admin-records.ts). */
  admin: AdminRecords;
  /** End reasons, the queues that require one, and the reasons chats ended with (wrap-up-records.ts). */
  wrapUp: WrapUpRecords;
  /** Chat prompts an admin saved, by queue id (the defaults for queues without); prompt-handlers.ts. */
  queuePrompts: Map<string, QueuePrompts>;
  /** Satisfaction ratings by conversation id (ending-handlers.ts). */
  ratings: Map<string, MockRating>;
  /** The realtime log's last seq, and its newest entries for sockets catching up (event-log.ts). */
  eventSeq: number;
  events: LoggedEvent[];
}

/** A device registered for push notifications, with the session that registered it. */
export interface MockDevice {
  id: string;
  userId: string;
  sessionToken: string;
  kind: DeviceKind;
  /** The Web Push endpoint or the app's token. */
  address: string;
  label: string;
  createdAt: string;
}

/** A canned_responses row, with its files' ids in their order. */
export interface MockCannedResponse {
  id: string;
  /** Null: shared. */
  ownerId: string | null;
  queueId: string | null;
  shortcut: string;
  text: string;
  useCount: number;
  updatedAt: string;
  attachmentIds: string[];
}

/** What the users rows keep beyond the contract's User: disabled accounts, creation times, the admin audit. */
export interface AdminRecords {
  disabled: Set<string>;
  createdAt: Map<string, string>;
  /** Newest last; the API lists newest first. */
  audit: AdminAuditEntry[];
  /** Messaging channels admins connected (the mocks receive no callbacks and send nothing). */
  channels: ChannelConfig[];
}

const noAdminRecords = (): AdminRecords => ({ disabled: new Set(), createdAt: new Map(), audit: [], channels: [] });

/** The wrap_up_codes, wrap_up_code_queues and conversation_wrap_ups rows, and queues' wrap_up_required. */
export interface WrapUpRecords {
  codes: { id: string; name: string; allQueues: boolean; queueIds: string[]; retiredAt: string | null }[];
  requiredQueueIds: Set<string>;
  ended: { conversationId: string; codeId: string | null; summary: string | null; agentId: string; queueId: string; at: string }[];
}

/** An upload as the server keeps it: the contract's attachment, its bytes, its owner, its message once sent. */
export interface MockAttachment {
  attachment: Attachment;
  bytes: Uint8Array;
  /** Null for a canned response's file (or an upload for one not saved yet). */
  conversationId: string | null;
  /** The canned response holding the file, once saved with it. */
  cannedResponseId?: string | null;
  uploaderKind: 'agent' | 'customer';
  uploaderId: string;
  messageId: string | null;
}

/**
 * Mock file links look like the server's signed ones but carry `sig=mock` and never expire; the
 * mock download handler accepts exactly that.
 */
export const MOCK_LINK_SIGNATURE = 'mock';
const MOCK_LINK_EXPIRY = Date.UTC(2100, 0, 1) / 1000;
export function mockLinks(id: string): Pick<Attachment, 'url' | 'downloadUrl' | 'urlExpiresAt'> {
  const link = (variant: string) => `/api/attachments/${id}?variant=${variant}&exp=${MOCK_LINK_EXPIRY}&sig=${MOCK_LINK_SIGNATURE}`;
  return { url: link('display'), downloadUrl: link('original'), urlExpiresAt: new Date(MOCK_LINK_EXPIRY * 1000).toISOString() };
}

/** A 16 × 12 PNG for the demo's one attachment: a customer's photo of a receipt. */
const DEMO_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAABMElEQVR42gXBkQLAUAhA0X3OeDwej8dxHMdx/DiO48vvi3bOcQqXcAuP8AqfIIIKJrgQQgpLKKGFEY5TuZRbeZRX+RRRVDHFlVBSWUoprYxynMZl3MZjvMZniKGGGW6EkcYyymhjjON0Lud2Hud1PkccdcxxJ5x0llNOO+McZ3AFd/AEb/AFEmhggQcRZLCCCjqY4DiTK7mTJ3mTL5FEE0s8iSSTlVTSySTHubgW9+JZvItvIQtd2MIXscjFWtSiF7M4zuIq7uIp3uIrpNDCCi+iyGIVVXQxxXE2V3M3T/M2XyONNtZ4E002q6mmm2mOc7iGe3iGd/gGGXSwwYcYclhDDT3McJxwwQ0PvPCBgIKBQ0DCgoKGgePcXJt782zezbeRjW5s45vY5GZtatOb2fyym2CQxkcqogAAAABJRU5ErkJggg==';
const DEMO_PNG_SHA256 = '13a221f92d98b57d312cd023f588b3c7e11a99f953b8afe0b01aca81c6950590';

// Stable, valid UUIDs (the server answers 404 to ids that are not UUIDs), so links into the
// mock app survive a reload.
const id = (kind: number, n: number) =>
  `${kind}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The demo workspace as the server seeds it, with times relative to `now`. */
export function createDemoData(now = Date.now()): MockData {
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();

  const queues: Queue[] = QUEUES.map((q, i) => ({ id: id(1, i + 1), ...q }));
  const users: User[] = USERS.map((u, i) => ({
    id: id(2, i + 1),
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    // The server lists a user's queue ids sorted.
    queueIds: queues.filter((q) => (u.queues as readonly string[]).includes(q.name)).map((q) => q.id).sort(),
  }));
  const customers: Customer[] = CUSTOMERS.map(([name, email, phone, externalId], i) => ({
    id: id(3, i + 1),
    name,
    email,
    phone,
    verified: externalId !== null,
    externalId,
  }));
  const agents = users.filter((u) => u.role === 'agent');

  const conversations: ConversationRecord[] = [];
  const messages = new Map<string, Message[]>();
  let messageCount = 0;
  const message = (
    conversationId: string,
    m: Omit<Message, 'id' | 'conversationId' | 'clientMessageId' | 'attachments'> & { attachments?: Attachment[] },
  ): Message => ({
    id: id(5, ++messageCount),
    conversationId,
    clientMessageId: null,
    attachments: [],
    ...m,
  });

  for (const past of PAST_CONVERSATIONS) {
    const customer = customers[past.customer]!;
    const queue = queues.find((q) => q.name === past.queue)!;
    const agent = users.find((u) => u.username === past.agent)!;
    const arrived = now - past.daysAgo * DAY;
    const after = (minutes: number) => new Date(arrived + minutes * MINUTE).toISOString();
    const conversationId = id(4, conversations.length + 1);
    conversations.push({
      ...newConversationRecord({ id: conversationId, customer, queue, source: customer.email ?? '', arrivedAt: after(0) }),
      state: 'ended',
      agentId: agent.id,
      pickedAt: after(PAST_TIMING.pickedAfterMinutes),
      endedAt: after(PAST_TIMING.endedAfterMinutes),
      endedBy: 'agent',
    });
    messages.set(
      conversationId,
      past.thread.map((text, index) => {
        const fromCustomer = index % 2 === 0;
        return message(conversationId, {
          seq: index + 1,
          authorKind: fromCustomer ? 'customer' : 'agent',
          authorId: fromCustomer ? customer.id : agent.id,
          authorName: fromCustomer ? customer.name : agent.displayName,
          text,
          createdAt: after(PAST_TIMING.messageAfterMinutes(index)),
        });
      }),
    );
  }

  for (const w of WAITING) {
    const customer = customers[w.customer]!;
    const queue = queues[QUEUES.findIndex((q) => q.name === w.queue)]!;
    const conversationId = id(4, conversations.length + 1);
    conversations.push(newConversationRecord({ id: conversationId, customer, queue, source: customer.email ?? '', arrivedAt: at(w.minutesAgo * MINUTE) }));
    messages.set(conversationId, [
      message(conversationId, {
        seq: 1,
        authorKind: 'customer',
        authorId: customer.id,
        authorName: customer.name,
        text: w.text,
        createdAt: at(w.minutesAgo * MINUTE),
      }),
    ]);
  }

  // One sent attachment, so the UI shows one in mock mode: Maria's receipt in her first earlier chat.
  const attachments = new Map<string, MockAttachment>();
  const receiptMessage = messages.get(conversations[0]!.id)![0]!;
  const bytes = Uint8Array.from(atob(DEMO_PNG_BASE64), (c) => c.charCodeAt(0));
  const receipt: Attachment = {
    id: id(6, 1),
    fileName: 'receipt.png',
    fileType: 'png',
    mimeType: 'image/png',
    kind: 'image',
    sizeBytes: bytes.length,
    sha256: DEMO_PNG_SHA256,
    width: 16,
    height: 12,
    displayMimeType: 'image/png',
    ...mockLinks(id(6, 1)),
  };
  receiptMessage.attachments = [receipt];
  attachments.set(receipt.id, {
    attachment: receipt,
    bytes,
    conversationId: receiptMessage.conversationId,
    uploaderKind: 'customer',
    uploaderId: receiptMessage.authorId!,
    messageId: receiptMessage.id,
  });

  return {
    ...createEmptyData(),
    queues,
    users,
    passwords: new Map(users.map((u) => [u.id, MOCK_PASSWORD])),
    agentStates: new Map(users.map((u, i) => [u.id, initialAgentState(USERS[i]!.capacity, now)])),
    loggedInElsewhere: new Set(agents.map((a) => a.id)),
    customers,
    conversations,
    messages,
    attachments,
    cannedResponses: CANNED_RESPONSES.map((c, i) => ({
      id: id(7, i + 1),
      ownerId: null,
      queueId: c.queue === null ? null : queues[QUEUES.findIndex((q) => q.name === c.queue)]!.id,
      shortcut: c.shortcut,
      text: c.text,
      useCount: 0,
      updatedAt: at(DAY),
      attachmentIds: [],
    })),
    wrapUp: {
      codes: WRAP_UP_CODES.map((name, i) => ({ id: id(8, i + 1), name, allQueues: true, queueIds: [], retiredAt: null })),
      requiredQueueIds: new Set(),
      ended: [],
    },
    queuePrompts: new Map(),
    ratings: new Map(),
  };
}

/**
 * As the server starts every user: offline until a realtime connection says hello. The mocks have
 * no realtime connection, so logging in stands for it (see the login handler).
 */
export function initialAgentState(capacity: number, now = Date.now()): AgentState {
  const since = new Date(now).toISOString();
  return { presence: { state: 'offline', since, reason: null }, capacity, idleSince: since, missedOffers: 0 };
}

/** A workspace without users, where `GET /api/setup` says setup is needed. */
export function createEmptyData(): MockData {
  return {
    attachments: new Map(),
    settings: defaultSettings(),
    agentStates: new Map(),
    offers: [],
    readMarkers: new Map(),
    preferences: new Map(),
    devices: [],
    cannedResponses: [],
    admin: noAdminRecords(),
    wrapUp: { codes: [], requiredQueueIds: new Set(), ended: [] },
    queuePrompts: new Map(),
    ratings: new Map(),
    eventSeq: 0,
    events: [],
    queues: [],
    users: [],
    passwords: new Map(),
    customers: [],
    conversations: [],
    messages: new Map(),
    notes: new Map(),
    drafts: new Map(),
    transfers: [],
    loggedInElsewhere: new Set(),
    sessions: new Map(),
    customerTokens: new Map(),
    webchatStarts: new Map(),
    queueLimits: new Map(),
    heldUntil: new Map(),
    webchatIdentity: null,
  };
}

/** The live mock workspace. Replaced in place by `resetMockData`, so importers keep a valid reference. */
export const mockData: MockData = createDemoData();

/** Back to the freshly seeded demo (or an empty workspace); also forgets every session and chat token. */
export function resetMockData(options: { workspace?: 'demo' | 'empty'; now?: number } = {}): void {
  Object.assign(mockData, options.workspace === 'empty' ? createEmptyData() : createDemoData(options.now));
}

// Reads, joined like the server's SELECT: the conversation as the contract describes it.

export const findUser = (userId: string) => mockData.users.find((u) => u.id === userId) ?? null;

/** A user as conversations and events name them. */
export const personRef = (userId: string) => ({ id: userId, displayName: findUser(userId)?.displayName ?? 'Unknown agent' });

export const messagesOf = (conversationId: string): Message[] => mockData.messages.get(conversationId) ?? [];

export const notesOf = (conversationId: string): Note[] => mockData.notes.get(conversationId) ?? [];

/** A transfer joined with the names it shows, like the server's TRANSFER_SELECT. */
export function toTransfer(t: TransferRecord): Transfer {
  const queue = (queueId: string) => ({ id: queueId, name: mockData.queues.find((q) => q.id === queueId)?.name ?? 'Unknown queue' });
  return {
    id: t.id,
    from: personRef(t.fromAgentId),
    fromQueue: queue(t.fromQueueId),
    toQueue: t.toQueueId ? queue(t.toQueueId) : null,
    toAgent: t.toAgentId ? personRef(t.toAgentId) : null,
    note: t.note,
    at: t.at,
  };
}

/** A conversation's transfers, oldest first. */
export const transfersOf = (conversationId: string): TransferRecord[] =>
  mockData.transfers.filter((t) => t.conversationId === conversationId);

const withoutClientId = (m: Message | null): Message | null => (m ? { ...m, clientMessageId: null } : null);

export function toConversation(record: ConversationRecord): Conversation {
  const { customerId, queueId, agentId, reservedForId, offeredToId, offerExpiresAt, offerRound: _round, ...rest } = record;
  const customer = mockData.customers.find((c) => c.id === customerId);
  const queue = mockData.queues.find((q) => q.id === queueId);
  if (!customer || !queue) throw new Error(`mock conversation ${record.id} points at a missing customer or queue`);
  const thread = messagesOf(record.id);
  const last = thread.at(-1) ?? null;
  const lastWritten = thread.findLast((m) => m.authorKind !== 'system') ?? null;
  const lastTransfer = transfersOf(record.id).at(-1);
  return structuredClone({
    ...rest,
    customer,
    queue: { id: queue.id, name: queue.name, address: queue.address },
    agent: agentId ? personRef(agentId) : null,
    reservedFor: reservedForId ? personRef(reservedForId) : null,
    lastTransfer: lastTransfer ? toTransfer(lastTransfer) : null,
    offer:
      record.state === 'offered' && offeredToId && offerExpiresAt
        ? { agent: personRef(offeredToId), expiresAt: offerExpiresAt }
        : null,
    ...replyFieldsOf(thread),
    // As the server: conversations carry no author's client id (see messageFor).
    firstMessage: withoutClientId(thread.find((m) => m.authorKind === 'customer') ?? null),
    lastMessage: withoutClientId(lastWritten),
    lastSeq: last?.seq ?? 0,
    // The mocks have no inactivity sweeper.
    idleWarning: null,
    heldUntil: heldUntilOf(record.id),
  });
}

/** Until when a message left while its queue was closed waits (null: it does not). */
function heldUntilOf(conversationId: string): string | null {
  const until = mockData.heldUntil.get(conversationId);
  return until === undefined ? null : new Date(until).toISOString();
}

export const findConversation = (conversationId: string) =>
  mockData.conversations.find((c) => c.id === conversationId) ?? null;

/**
 * Appends a message with the conversation's next seq, gap-free like the server's. `attachmentIds`
 * name uploads the caller has checked are the author's unsent ones here; they are bound to it.
 */
export function appendMessage(
  conversationId: string,
  m: Pick<Message, 'clientMessageId' | 'authorKind' | 'authorId' | 'authorName' | 'text'> & { attachmentIds?: string[] },
): Message {
  const { attachmentIds = [], ...fields } = m;
  const thread = mockData.messages.get(conversationId) ?? [];
  mockData.messages.set(conversationId, thread);
  const message: Message = {
    id: crypto.randomUUID(),
    conversationId,
    seq: (thread.at(-1)?.seq ?? 0) + 1,
    createdAt: new Date().toISOString(),
    ...fields,
    attachments: [],
  };
  for (const attachmentId of attachmentIds) {
    const upload = mockData.attachments.get(attachmentId)!;
    upload.messageId = message.id;
    message.attachments.push(upload.attachment);
  }
  thread.push(message);
  return structuredClone(message);
}

export function appendNote(conversationId: string, n: Pick<Note, 'clientNoteId' | 'authorId' | 'authorName' | 'text'> & Partial<Pick<Note, 'mentions'>>): Note {
  const notes = mockData.notes.get(conversationId) ?? [];
  mockData.notes.set(conversationId, notes);
  const note: Note = { id: crypto.randomUUID(), conversationId, createdAt: new Date().toISOString(), mentions: [], ...n };
  notes.push(note);
  return structuredClone(note);
}
