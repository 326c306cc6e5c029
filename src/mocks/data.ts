import type { User } from '../contract/auth';
import type { Conversation, Customer } from '../contract/conversations';
import type { Message } from '../contract/messages';
import type { Note } from '../contract/notes';
import type { Queue } from '../contract/queues';

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
  'customer' | 'queue' | 'agent' | 'firstMessage' | 'lastMessage' | 'lastSeq'
> & {
  customerId: string;
  queueId: string;
  agentId: string | null;
};

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
  /** Staff session token → user id. */
  sessions: Map<string, string>;
  /** Customer token → conversation id. */
  customerTokens: Map<string, string>;
}

// Stable, valid UUIDs (the server answers 404 to ids that are not UUIDs), so links into the
// mock app survive a reload.
const id = (kind: number, n: number) =>
  `${kind}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const QUEUES = [
  { name: 'Support', address: 'support@acme.example' },
  { name: 'Sales', address: 'sales@acme.example' },
] as const;

const USERS = [
  { username: 'anna', displayName: 'Anna Lindqvist', role: 'agent', queues: ['Support'] },
  { username: 'ben', displayName: 'Ben Okafor', role: 'agent', queues: ['Support', 'Sales'] },
  { username: 'sara', displayName: 'Sara Moreau', role: 'supervisor', queues: [] },
  { username: 'adam', displayName: 'Adam Novak', role: 'admin', queues: [] },
] as const;

const CUSTOMERS = [
  ['Maria Garcia', 'maria.garcia@example.com', '+34 612 345 678'],
  ['James Smith', 'james.smith@example.com', '+44 7700 900123'],
  ['Aiko Tanaka', 'aiko.tanaka@example.com', null],
  ['Lukas Becker', 'lukas.becker@example.com', '+49 1512 3456789'],
  ['Fatima Al-Sayed', 'fatima.alsayed@example.com', null],
  ['Olivia Brown', 'olivia.brown@example.com', '+1 202 555 0143'],
  ['Noah Wilson', 'noah.wilson@example.com', null],
  ['Chloé Dubois', 'chloe.dubois@example.com', '+33 6 12 34 56 78'],
  ['Mateo Rossi', 'mateo.rossi@example.com', null],
  ['Priya Patel', 'priya.patel@example.com', '+91 98765 43210'],
  ['Erik Johansson', 'erik.johansson@example.com', null],
  ['Zanele Dlamini', 'zanele.dlamini@example.com', '+27 82 123 4567'],
] as const;

const PAST_THREADS = [
  ['Hi, my order #4411 has not arrived yet.', 'Sorry about that! It left our warehouse yesterday and should arrive tomorrow.', 'Great, thanks!'],
  ['Can I change the delivery address?', 'Yes, I have updated it for you.', 'Perfect.'],
  ['Do you ship to Norway?', 'We do, delivery takes 3–5 working days.', 'Thanks for the quick answer.'],
  ['My invoice shows the wrong VAT number.', 'I have sent you a corrected invoice by email.', 'Received it, thank you.'],
] as const;

const WAITING = [
  { customer: 0, queue: 0, minutesAgo: 7, text: 'Hello, the app keeps logging me out on my phone.' },
  { customer: 3, queue: 0, minutesAgo: 4, text: 'I was charged twice for my subscription this month.' },
  { customer: 5, queue: 1, minutesAgo: 2, text: 'Do you offer volume discounts for 50 licences?' },
] as const;

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
  const customers: Customer[] = CUSTOMERS.map(([name, email, phone], i) => ({ id: id(3, i + 1), name, email, phone }));
  const agents = users.filter((u) => u.role === 'agent');

  const conversations: ConversationRecord[] = [];
  const messages = new Map<string, Message[]>();
  let messageCount = 0;
  const message = (conversationId: string, m: Omit<Message, 'id' | 'conversationId' | 'clientMessageId'>): Message => ({
    id: id(5, ++messageCount),
    conversationId,
    clientMessageId: null,
    ...m,
  });

  // Two earlier, ended conversations per customer, spread over the last weeks.
  customers.forEach((customer, i) => {
    for (let k = 0; k < 2; k++) {
      const queue = queues[k]!;
      const agent = agents[(i + k) % agents.length]!;
      const arrivedAgo = (2 + i * 2 + k * 9) * DAY;
      const conversationId = id(4, conversations.length + 1);
      conversations.push({
        id: conversationId,
        customerId: customer.id,
        queueId: queue.id,
        channel: 'webchat',
        source: customer.email ?? '',
        destination: queue.address,
        state: 'ended',
        arrivedAt: at(arrivedAgo),
        agentId: agent.id,
        pickedAt: at(arrivedAgo - MINUTE),
        endedAt: at(arrivedAgo - 12 * MINUTE),
        endedBy: 'agent',
      });
      const thread = PAST_THREADS[(i + k) % PAST_THREADS.length]!;
      messages.set(
        conversationId,
        thread.map((text, index) => {
          const fromCustomer = index % 2 === 0;
          return message(conversationId, {
            seq: index + 1,
            authorKind: fromCustomer ? 'customer' : 'agent',
            authorId: fromCustomer ? customer.id : agent.id,
            authorName: fromCustomer ? customer.name : agent.displayName,
            text,
            createdAt: at(arrivedAgo - (2 + index * 3) * MINUTE),
          });
        }),
      );
    }
  });

  for (const w of WAITING) {
    const customer = customers[w.customer]!;
    const queue = queues[w.queue]!;
    const conversationId = id(4, conversations.length + 1);
    conversations.push({
      id: conversationId,
      customerId: customer.id,
      queueId: queue.id,
      channel: 'webchat',
      source: customer.email ?? '',
      destination: queue.address,
      state: 'queued',
      arrivedAt: at(w.minutesAgo * MINUTE),
      agentId: null,
      pickedAt: null,
      endedAt: null,
      endedBy: null,
    });
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

  return {
    queues,
    users,
    passwords: new Map(users.map((u) => [u.id, MOCK_PASSWORD])),
    customers,
    conversations,
    messages,
    notes: new Map(),
    sessions: new Map(),
    customerTokens: new Map(),
  };
}

/** A workspace without users, where `GET /api/setup` says setup is needed. */
export function createEmptyData(): MockData {
  return {
    queues: [],
    users: [],
    passwords: new Map(),
    customers: [],
    conversations: [],
    messages: new Map(),
    notes: new Map(),
    sessions: new Map(),
    customerTokens: new Map(),
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

export const messagesOf = (conversationId: string): Message[] => mockData.messages.get(conversationId) ?? [];

export const notesOf = (conversationId: string): Note[] => mockData.notes.get(conversationId) ?? [];

export function toConversation(record: ConversationRecord): Conversation {
  const { customerId, queueId, agentId, ...rest } = record;
  const customer = mockData.customers.find((c) => c.id === customerId);
  const queue = mockData.queues.find((q) => q.id === queueId);
  if (!customer || !queue) throw new Error(`mock conversation ${record.id} points at a missing customer or queue`);
  const agent = agentId ? findUser(agentId) : null;
  const thread = messagesOf(record.id);
  const last = thread.at(-1) ?? null;
  return structuredClone({
    ...rest,
    customer,
    queue,
    agent: agentId ? { id: agentId, displayName: agent?.displayName ?? 'Unknown agent' } : null,
    firstMessage: thread.find((m) => m.authorKind === 'customer') ?? null,
    lastMessage: last,
    lastSeq: last?.seq ?? 0,
  });
}

export const findConversation = (conversationId: string) =>
  mockData.conversations.find((c) => c.id === conversationId) ?? null;

/** Appends a message with the conversation's next seq, gap-free like the server's. */
export function appendMessage(
  conversationId: string,
  m: Pick<Message, 'clientMessageId' | 'authorKind' | 'authorId' | 'authorName' | 'text'>,
): Message {
  const thread = mockData.messages.get(conversationId) ?? [];
  mockData.messages.set(conversationId, thread);
  const message: Message = {
    id: crypto.randomUUID(),
    conversationId,
    seq: (thread.at(-1)?.seq ?? 0) + 1,
    createdAt: new Date().toISOString(),
    ...m,
  };
  thread.push(message);
  return structuredClone(message);
}

export function appendNote(conversationId: string, n: Pick<Note, 'clientNoteId' | 'authorId' | 'authorName' | 'text'>): Note {
  const notes = mockData.notes.get(conversationId) ?? [];
  mockData.notes.set(conversationId, notes);
  const note: Note = { id: crypto.randomUUID(), conversationId, createdAt: new Date().toISOString(), ...n };
  notes.push(note);
  return structuredClone(note);
}
