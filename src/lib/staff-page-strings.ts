/**
 * The sentences of the staff panel's pages after login (the agent's page, admin, settings,
 * supervisor, preferences), apart from strings.ts so that the login page and the customers' web chat, which load
 * strings.ts at once, do not download them. Same rules as strings.ts.
 */
// Each area's own strings are separate modules, so a page's first load carries only its own.
export { settingsStrings } from './settings-strings';
export { preferencesStrings } from './preferences-strings';
export { supervisorStrings } from './supervisor-strings';
export { adminStrings } from './admin-strings';

/**
 * The frame around every staff page (its navigation and 403 pages): small on purpose, because it is
 * part of the agent's first load, while each area's own strings load with that area.
 */
export const staffFrameStrings = {
  navLabel: 'Pages',
  conversations: 'Conversations',
  supervisor: 'Supervisor',
  admin: 'Admin',
  cannedResponses: 'Canned responses',
  preferences: 'Preferences',
  backToPanel: 'Back to the panel',
  forbidden: {
    supervision: {
      title: '403 — only supervisors and admins can watch queues and agents',
      body: 'This page is for supervisors. Ask an admin of your workspace if you need it.',
    },
    admin: {
      title: '403 — only admins can manage the workspace',
      body: 'Ask an admin of your workspace if a queue, a user or a setting needs changing.',
    },
  },
};

export const drawerStrings = {
  actions: 'Conversation actions',
  more: (customer: string) => `More actions for ${customer}`,
  close: 'Close side panel',
  label: 'Conversation side panel',
  /** The chat header's toggle: one name, its state in aria-pressed; the tooltip says what a click does. */
  toggle: 'Side panel',
  show: 'Show the side panel',
  hide: 'Hide the side panel',
  sections: {
    customer: 'Customer details',
    details: 'Conversation details',
    history: 'Conversation history',
    notes: 'Internal notes',
    audit: 'Audit trail',
  },
  unknown: 'Not known',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  customerId: 'Customer ID',
  source: 'Source',
  destination: 'Destination',
  channel: 'Channel',
  arrived: 'Arrived',
  pickedBy: 'Picked by',
  pickedAt: 'Picked at',
  state: 'State',
  endedAt: 'Ended at',
  endedBy: 'Ended by',
  notPicked: 'Not picked yet',
  states: { queued: 'Waiting in queue', offered: 'Offered', picked: 'In progress', ended: 'Ended' } as Record<string, string>,
  newestFirst: 'Newest first',
  oldestFirst: 'Oldest first',
  noHistory: 'No earlier conversations with this customer.',
  loadMore: 'Load more',
  openTranscript: (date: string) => `Open transcript of ${date}`,
  transcriptTitle: (date: string) => `Conversation of ${date}`,
  close2: 'Close',
  newNote: 'New note',
  saveNote: 'Save',
  noNotes: 'No internal notes yet. Notes are never shown to the customer.',
  notesHint: 'Only agents and supervisors see notes.',
};

export const presenceStrings = {
  label: (state: string) => `Presence: ${state}`,
  menu: 'Set your presence',
  states: { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' },
  hints: {
    available: 'Receive offers of new conversations',
    busy: 'Keep your conversations, get no offers',
    away: 'Step away, get no offers',
  },
  load: (load: number, capacity: number) => `${load}/${capacity}`,
  loadLabel: (load: number, capacity: number) => `${load} of ${capacity} conversations`,
  loadTitle: (load: number, capacity: number) =>
    `Your load: ${load} of at most ${capacity} conversations (those you hold, and an offer waiting for your answer).`,
  full: 'Full: no offers until a conversation ends.',
  missedOffers: (count: number | undefined) =>
    `You were set to Away because ${count === undefined ? 'offers' : count === 1 ? 'an offer' : `${count} offers`} expired without an answer. Set yourself to Available when you are ready for new conversations.`,
  lostConnection: (seconds: number | undefined) =>
    `You were set to Offline because your connection was lost${seconds ? ` for more than ${seconds} seconds` : ''}. Your conversations went back to their queues.`,
  backToAvailable: 'Set to Available',
  dismiss: 'Dismiss',
};

export const conversationListStrings = {
  sort: 'Sort conversations',
  sorts: {
    'arrived-newest': 'Newest arrival first',
    'arrived-oldest': 'Oldest arrival first',
    'last-customer-message': 'Latest customer message',
    'waiting-longest': 'Waiting longest for my reply',
    'unread-first': 'Unread first',
    'customer-name': 'Customer name (A–Z)',
  },
  unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  lastMessageAt: (time: string) => `Last message at ${time}`,
  loadingMore: 'Loading more conversations…',
  /** A row's wait for my reply, with words as well as colour near and past the limit. */
  replyWait: (duration: string, urgency: 'ok' | 'near' | 'over') =>
    urgency === 'over' ? `Overdue · ${duration}` : urgency === 'near' ? `Reply soon · ${duration}` : `waiting ${duration}`,
  /** A wait's title, in words: where the customer waits (`queue` or for a `reply`) and how near its limit. */
  waitLabel: (kind: 'queue' | 'reply', duration: string, urgency: 'ok' | 'near' | 'over') => {
    const [where, limit] = kind === 'queue' ? ['in the queue', 'queue waiting limit'] : ['for a reply', 'reply time limit'];
    return urgency === 'ok' ? `Waiting ${duration} ${where}` : `Waiting ${duration} ${where}, ${urgency === 'over' ? 'over' : 'nearing'} the ${limit}`;
  },
  /** A Picklist row's wait in the queue, with words as well as colour near and past the limit. */
  queueWait: (duration: string, urgency: 'ok' | 'near' | 'over') =>
    urgency === 'ok' ? `waiting ${duration}` : `${conversationListStrings.queueUrgency[urgency]}${duration}`,
  queueUrgency: { near: 'Waiting long · ', over: 'Over limit · ' },
  /** The tab title: the total of unread customer messages first, when there are any. */
  title: (appName: string, unread: number) => (unread > 0 ? `(${unread}) ${appName}` : appName),
};

export const panelStrings = {
  picklist: 'Picklist',
  conversations: 'Conversations',
  emptyPicklist: 'No conversations are waiting in your queues.',
  emptyMine: 'You have no open conversations. Pick one from the Picklist.',
  nothingSelected: 'Select a conversation on the left, or pick one from the Picklist.',
  pick: 'Pick',
  picking: 'Picking…',
  noMessagesYet: 'No messages yet',
  readOnly: 'You are viewing this conversation read-only.',
  pickToReply: 'Pick this conversation to reply.',
  ended: 'This conversation has ended.',
  endChat: 'End chat',
  endConfirmTitle: 'End this chat?',
  endConfirmBody: (customer: string) => `${customer} will be told that the chat has ended. You cannot write in it afterwards.`,
  endConfirm: 'End chat',
  ending: 'Ending…',
  notFound: 'This conversation does not exist or you may not see it.',
  heldBy: (name: string) => `Held by ${name}`,
};

/** The agent panel's one search box (its results' words are in search-result-strings.ts, loaded with them). */
export const searchStrings = {
  label: 'Search conversations and messages',
  placeholder: 'Search names, emails, phones, messages',
};

export const offersStrings = {
  region: (customer: string) => `Offer: ${customer}`,
  list: 'Offers for you',
  heading: 'Offered to you',
  accept: 'Accept',
  reject: 'Reject',
  secondsLeft: (s: number) => (s === 1 ? '1 second left' : `${s} seconds left`),
  timeLeft: 'Time left to answer',
  expiring: 'Time is up…',
  newOffer: (customer: string) => `New offer: ${customer}`,
  failed: (customer: string, message: string) => `${customer}: ${message}`,
};
