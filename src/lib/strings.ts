/**
 * Every sentence the user reads, in one place so the UI can be translated.
 * Functions take the values they interpolate. The sentences of the staff panel's pages after
 * login (agent, admin, settings, supervisor, preferences) are in staff-page-strings.ts: this file is part of every first load (login, web
 * chat), those pages are not.
 */
export const strings = {
  appName: 'Communication Panel',
  common: {
    retry: 'Retry',
    discard: 'Discard',
    cancel: 'Cancel',
    loading: 'Loading…',
    loadError: 'Could not load this. Check your connection and try again.',
    backToStart: 'Back to the start page',
  },
  connection: {
    online: 'Live',
    connecting: 'Connecting…',
    offline: 'Offline — reconnecting',
  },
  /** The installed app: its short name under the icon, the offline start, the update offer. */
  app: {
    shortName: 'Panel',
    description: 'Chat with customers, pick conversations and supervise queues.',
    offlineTitle: 'You are offline',
    offlineBody: 'The panel cannot reach the server. It opens by itself when the connection is back.',
    updateAvailable: 'A new version is available',
    reload: 'Reload',
  },
  login: {
    title: 'Log in',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    logout: 'Log out',
  },
  setup: {
    title: 'Create the first admin',
    intro: 'This workspace is empty. The account you create now administers it.',
    displayName: 'Your name',
    submit: 'Create admin and log in',
  },
  transfer: {
    action: 'Transfer',
    title: 'Transfer conversation',
    intro: (customer: string) => `${customer} waits for the receiver; they will see your note. The customer is told about the transfer.`,
    toQueue: 'To a queue',
    toAgent: 'To an agent',
    queue: 'Queue',
    agent: 'Agent',
    noAgents: 'No other agent is logged in right now.',
    note: 'Note for the receiver (optional)',
    submit: 'Transfer',
    banner: (from: string) => `Transferred by ${from}`,
    forYou: 'For you',
    transfers: 'Transfers',
    none: 'No transfers',
    describe: (from: string, to: string) => `${from} → ${to}`,
  },
  history: {
    tab: 'History',
    // Short enough for the list's width, on a phone too; the placeholder says what it searches.
    search: 'Search customers',
    searchPlaceholder: 'Name, email or phone',
    sort: 'Sort by',
    orders: {
      'ended:newest': 'Ended, newest first',
      'ended:oldest': 'Ended, oldest first',
      'arrived:newest': 'Arrived, newest first',
      'arrived:oldest': 'Arrived, oldest first',
    },
    empty: 'No ended conversations yet.',
    noMatch: (q: string) => `No ended conversation matches “${q}”.`,
    ended: (date: string) => `ended ${date}`,
  },
  attachment: {
    open: (name: string) => `Open ${name} full size`,
    download: (name: string) => `Download ${name}`,
    close: 'Close',
  },
  earlier: {
    divider: (date: string, queue: string) => `Earlier conversation · ${date} · ${queue}`,
    load: 'Load earlier conversations',
    none: 'Start of this customer’s history',
    current: 'This conversation',
    more: 'This earlier conversation has more messages; open it from Conversation history.',
  },
  thread: {
    label: 'Messages',
    loadEarlier: 'Load earlier messages',
    loadingEarlier: 'Loading earlier messages',
    start: 'Start of the conversation',
    newMessages: 'New messages',
    newMessagesBelow: 'New messages below',
    /** Read out by screen readers as a message arrives from the other side. */
    arrived: (name: string, text: string, files: number) => (text ? `${name}: ${text}` : `${name} sent ${files === 1 ? 'a file' : `${files} files`}`),
    today: 'Today',
    yesterday: 'Yesterday',
    sending: 'Sending…',
    failed: 'Not sent',
    empty: 'No messages yet.',
  },
  webchat: {
    title: 'Chat with us',
    intro: 'Tell us who you are and what you need; an agent will be with you shortly.',
    queue: 'Topic',
    name: 'Your name',
    email: 'Email',
    firstMessage: 'How can we help?',
    start: 'Start chat',
    starting: 'Starting…',
    waitingForAgent: 'Waiting for an agent…',
    agentJoined: (name: string) => `You are chatting with ${name}`,
    ended: 'The chat has ended. Thank you for contacting us.',
    newChat: 'Start a new chat',
    lost: 'This chat is no longer available.',
  },
  /** Verified and unverified customers (README "Customer identity in the web chat"). */
  notifications: {
    newMessage: (customer: string) => `New message from ${customer}`,
    attachmentOnly: 'Sent an attachment',
    offer: (customer: string) => `Conversation offered to you: ${customer}`,
    offerBody: (queue: string, text: string | undefined) => (text ? `${queue} · ${text}` : queue),
    waiting: (customer: string) => `New conversation waiting: ${customer}`,
    returned: (customer: string) => `Conversation back in the queue: ${customer}`,
  },
};
