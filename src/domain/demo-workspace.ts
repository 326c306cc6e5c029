/*
 * The demo workspace as plain data: its queues, users, customers, past threads and waiting chats.
 * The server's seed (src/server/db/seed.ts) writes it to the database and the mocks
 * (src/mocks/data.ts) build their records from it, so the two cannot tell different stories.
 * It lives in src/domain because that is the one place both may import (besides the contract,
 * which holds API shapes, not data).
 */

/** Support and Sales wait in the picklist; Billing offers each new conversation to an agent. */
export const QUEUES = [
  { name: 'Support', address: 'support@acme.example', routingMode: 'pick' },
  { name: 'Sales', address: 'sales@acme.example', routingMode: 'pick' },
  { name: 'Billing', address: 'billing@acme.example', routingMode: 'offer' },
] as const;

/** `capacity`: how many conversations an agent holds at once before offers stop. */
export const USERS = [
  { username: 'anna', displayName: 'Anna Lindqvist', role: 'agent', queues: ['Support', 'Billing'], capacity: 3 },
  { username: 'ben', displayName: 'Ben Okafor', role: 'agent', queues: ['Support', 'Sales', 'Billing'], capacity: 5 },
  { username: 'sara', displayName: 'Sara Moreau', role: 'supervisor', queues: [], capacity: 5 },
  { username: 'adam', displayName: 'Adam Novak', role: 'admin', queues: [], capacity: 5 },
] as const;

/**
 * Name, email, phone, and the shop's own customer id for those who came through its signed-in
 * pages (verified; see "Customer identity in the web chat"). Noah and Mateo only ever typed
 * their name and email into the web chat: unverified.
 */
export const CUSTOMERS = [
  ['Maria Garcia', 'maria.garcia@example.com', '+34 612 345 678', 'C-1001'],
  ['James Smith', 'james.smith@example.com', '+44 7700 900123', 'C-1002'],
  ['Aiko Tanaka', 'aiko.tanaka@example.com', null, 'C-1003'],
  ['Lukas Becker', 'lukas.becker@example.com', '+49 1512 3456789', 'C-1004'],
  ['Fatima Al-Sayed', 'fatima.alsayed@example.com', null, 'C-1005'],
  ['Olivia Brown', 'olivia.brown@example.com', '+1 202 555 0143', 'C-1006'],
  ['Noah Wilson', 'noah.wilson@example.com', null, null],
  ['Chloé Dubois', 'chloe.dubois@example.com', '+33 6 12 34 56 78', 'C-1008'],
  ['Mateo Rossi', 'mateo.rossi@example.com', null, null],
  ['Priya Patel', 'priya.patel@example.com', '+91 98765 43210', 'C-1010'],
  ['Erik Johansson', 'erik.johansson@example.com', null, 'C-1011'],
  ['Zanele Dlamini', 'zanele.dlamini@example.com', '+27 82 123 4567', 'C-1012'],
] as const;

const PAST_THREADS = [
  ['Hi, my order #4411 has not arrived yet.', 'Sorry about that! It left our warehouse yesterday and should arrive tomorrow.', 'Great, thanks!'],
  ['Can I change the delivery address?', 'Yes, I have updated it for you.', 'Perfect.'],
  ['Do you ship to Norway?', 'We do, delivery takes 3–5 working days.', 'Thanks for the quick answer.'],
  ['My invoice shows the wrong VAT number.', 'I have sent you a corrected invoice by email.', 'Received it, thank you.'],
] as const;

type QueueName = (typeof QUEUES)[number]['name'];
const AGENTS = USERS.filter((u) => u.role === 'agent');

/** An earlier, ended conversation: `customer` indexes CUSTOMERS, `agent` is the username who held it. */
export interface PastConversation {
  customer: number;
  queue: QueueName;
  agent: (typeof AGENTS)[number]['username'];
  daysAgo: number;
  /** Customer and agent take turns, the customer first. */
  thread: readonly string[];
}

/**
 * Two earlier, ended conversations per customer, spread over the last weeks: the first in Support,
 * the second in Sales, the agents taking turns, so History and customer history have something
 * to show from the first login.
 */
export const PAST_CONVERSATIONS: readonly PastConversation[] = CUSTOMERS.flatMap((_, i) =>
  [0, 1].map((k) => ({
    customer: i,
    queue: k === 0 ? 'Support' : 'Sales',
    agent: AGENTS[(i + k) % AGENTS.length]!.username,
    daysAgo: 2 + i * 2 + k * 9,
    thread: PAST_THREADS[(i + k) % PAST_THREADS.length]!,
  })),
);

/** Minutes after its arrival that an earlier conversation was picked and ended, and its message `index` was sent. */
export const PAST_TIMING = {
  pickedAfterMinutes: 1,
  endedAfterMinutes: 12,
  messageAfterMinutes: (index: number) => 2 + index * 3,
} as const;

export const WAITING = [
  { customer: 0, queue: 'Support', minutesAgo: 7, text: 'Hello, the app keeps logging me out on my phone.' },
  { customer: 3, queue: 'Support', minutesAgo: 4, text: 'I was charged twice for my subscription this month.' },
  { customer: 5, queue: 'Sales', minutesAgo: 2, text: 'Do you offer volume discounts for 50 licences?' },
] as const;


/** Shared canned responses (`queue`: only that queue's agents use it; null: everyone). */
export const CANNED_RESPONSES = [
  { shortcut: 'welcome', queue: null, text: 'Hi {{customer.firstName}}, this is {{agent.firstName}} from {{queue.name}}. How can I help you today?' },
  { shortcut: 'thanks', queue: null, text: 'Thank you for waiting, {{customer.firstName}}. I am looking into it now.' },
  { shortcut: 'bye', queue: null, text: 'Is there anything else I can do for you? If not, have a lovely day!' },
  { shortcut: 'refund', queue: 'Billing', text: 'Refunds reach your account 5–7 working days after we confirm them by email to {{customer.email}}.' },
] as const;
/** End reasons (wrap-up codes) agents may choose in every queue; none is required. */
export const WRAP_UP_CODES = ['Resolved', 'Follow-up needed', 'Not our topic'] as const;
