import { localize, S } from './i18n';
import en from '../locales/en/strings.json';
/**
 * Every sentence the user reads, in one place so the UI can be translated.
 * Functions take the values they interpolate. The sentences of the staff panel's pages after
 * login (agent, admin, settings, supervisor, preferences) are in staff-page-strings.ts: this file is part of every first load (login, web
 * chat), those pages are not.
 */
export const strings = /* @__PURE__ */ localize('', en, {
  appName: S,
  common: {
    retry: S,
    discard: S,
    cancel: S,
    loading: S,
    loadError: S,
    backToStart: S,
  },
  connection: {
    /** The connection chip's accessible name. */
    label: (state: string) => ({ state }),
    online: S,
    connecting: S,
    offline: S,
  },
  /** The installed app: its short name under the icon, the offline start, the update offer. */
  app: {
    shortName: S,
    description: S,
    offlineTitle: S,
    offlineBody: S,
    updateAvailable: S,
    reload: S,
  },
  login: {
    title: S,
    username: S,
    password: S,
    submit: S,
    logout: S,
  },
  setup: {
    title: S,
    intro: S,
    displayName: S,
    submit: S,
  },
  transfer: {
    action: S,
    title: S,
    intro: (customer: string) => ({ customer }),
    toQueue: S,
    toAgent: S,
    queue: S,
    agent: S,
    noAgents: S,
    note: S,
    submit: S,
    banner: (from: string) => ({ from }),
    forYou: S,
    transfers: S,
    none: S,
    describe: (from: string, to: string) => ({ from, to }),
  },
  history: {
    tab: S,
    // Short enough for the list's width, on a phone too; the placeholder says what it searches.
    search: S,
    searchPlaceholder: S,
    sort: S,
    orders: {
      'ended:newest': S,
      'ended:oldest': S,
      'arrived:newest': S,
      'arrived:oldest': S,
    },
    empty: S,
    noMatch: (q: string) => ({ q }),
    ended: (date: string) => ({ date }),
  },
  attachment: {
    open: (name: string) => ({ name }),
    download: (name: string) => ({ name }),
    close: S,
  },
  earlier: {
    divider: (date: string, queue: string) => ({ date, queue }),
    load: S,
    none: S,
    current: S,
    more: S,
  },
  thread: {
    label: S,
    loadEarlier: S,
    loadingEarlier: S,
    start: S,
    newMessages: S,
    newMessagesBelow: S,
    /** Read out by screen readers as a message arrives from the other side. */
    arrived: (name: string, text: string, files: number) => ({ name, text, files, hasText: text ? 'yes' : 'no' }),
    today: S,
    yesterday: S,
    /** A moment of yesterday: "Yesterday, 14:05". */
    yesterdayAt: (time: string) => ({ time }),
    sending: S,
    failed: S,
    empty: S,
  },
  webchat: {
    title: S,
    intro: S,
    queue: S,
    name: S,
    email: S,
    firstMessage: S,
    start: S,
    starting: S,
    /** A start sent while offline: it goes as soon as the network is back. */
    startWaitsForNetwork: S,
    waitingForAgent: S,
    agentJoined: (name: string) => ({ name }),
    ended: S,
    newChat: S,
    lost: S,
    emailOptional: S,
    /** The web chat's language menu. */
    language: S,
  },
  /** The client's own words for a failed call (the server's refusals are in errors.json, by code). */
  requestFailed: {
    network: S,
    status: (status: number) => ({ status }),
    tooLarge: S,
  },
  /** Waiting times, short: "45 s", "12 min", "3 h 5 min", "2 d". */
  duration: {
    seconds: (n: number) => ({ n }),
    minutes: (n: number) => ({ n }),
    hours: (n: number) => ({ n }),
    hoursMinutes: (h: number, min: number) => ({ h, min }),
    days: (n: number) => ({ n }),
  },
  /** Verified and unverified customers (README "Customer identity in the web chat"). */
  notifications: {
    newMessage: (customer: string) => ({ customer }),
    attachmentOnly: S,
    offer: (customer: string) => ({ customer }),
    offerBody: (queue: string, text: string | undefined) => ({ queue, text, hasText: text ? 'yes' : 'no' }),
    waiting: (customer: string) => ({ customer }),
    returned: (customer: string) => ({ customer }),
  },
});
