import { localize, S } from './i18n';
import en from '../locales/en/staff-page-strings.json';
/**
 * The sentences of the staff panel's pages after login (the agent's page, admin, settings,
 * supervisor, preferences), apart from strings.ts so that the login page and the customers' web chat, which load
 * strings.ts at once, do not download them. Same rules as strings.ts.
 */
// Each area's own strings are separate modules (admin-, settings-, supervisor-, preferences-strings.ts),
// as are those of parts the agent's page loads on first use (drawer-, chat-pane-, offer-card-, sort-,
// presence-, forbidden-strings.ts), imported from there: re-exported here, their catalogs would ride
// along with this module, which is part of the agent's first load.

/**
 * The frame around every staff page (its navigation and 403 pages): small on purpose, because it is
 * part of the agent's first load, while each area's own strings load with that area.
 */
export const staffFrameStrings = /* @__PURE__ */ localize('staffFrame', en, {
  navLabel: S,
  conversations: S,
  supervisor: S,
  admin: S,
  cannedResponses: S,
  preferences: S,
  backToPanel: S,
  /** The role under the user's name in the top bar. */
  roles: { agent: S, supervisor: S, admin: S },
});

/** The side panel's names where other parts of the agent's page open it (its sections in row menus, its toggle). */
export const drawerStrings = /* @__PURE__ */ localize('drawer', en, {
  actions: S,
  more: (customer: string) => ({ customer }),
  /** The chat header's toggle: one name, its state in aria-pressed; the tooltip says what a click does. */
  toggle: S,
  show: S,
  hide: S,
  sections: {
    customer: S,
    details: S,
    history: S,
    notes: S,
    audit: S,
  },
  loadMore: S,
});

export const presenceStrings = /* @__PURE__ */ localize('presence', en, {
  label: (state: string) => ({ state }),
  menu: S,
  states: { available: S, busy: S, away: S, offline: S },
  load: (load: number, capacity: number) => ({ load, capacity }),
  loadLabel: (load: number, capacity: number) => ({ load, capacity }),
  loadTitle: (load: number, capacity: number) => ({ load, capacity }),
});

export const conversationListStrings = /* @__PURE__ */ localize('conversationList', en, {
  unread: (n: number) => ({ n }),
  lastMessageAt: (time: string) => ({ time }),
  loadingMore: S,
  /** A row's wait for my reply, with words as well as colour near and past the limit. */
  replyWait: (duration: string, urgency: 'ok' | 'near' | 'over') => ({ duration, urgency }),
  /** A wait's title, in words: where the customer waits (`queue` or for a `reply`) and how near its limit. */
  waitLabel: (kind: 'queue' | 'reply', duration: string, urgency: 'ok' | 'near' | 'over') => ({ kind, duration, urgency }),
  /** A Picklist row's wait in the queue, with words as well as colour near and past the limit. */
  queueWait: (duration: string, urgency: 'ok' | 'near' | 'over') => ({ duration, urgency }),
  queueUrgency: { near: S, over: S },
  /** The tab title: the total of unread customer messages first, when there are any. */
  title: (appName: string, unread: number) => ({ appName, unread }),
  /** The sidebar's tabs (Picklist, Conversations) as one region. */
  lists: S,
});

export const panelStrings = /* @__PURE__ */ localize('panel', en, {
  picklist: S,
  conversations: S,
  emptyPicklist: S,
  emptyMine: S,
  nothingSelected: S,
  pick: S,
  noMessagesYet: S,
  endChat: S,
  /** A Picklist row's pick button, naming whose conversation. */
  pickCustomer: (customer: string) => ({ customer }),
});

/** The agent panel's one search box (its results' words are in search-result-strings.ts, loaded with them). */
export const searchStrings = /* @__PURE__ */ localize('search', en, {
  label: S,
  placeholder: S,
});

export const offersStrings = /* @__PURE__ */ localize('offers', en, {
  list: S,
  newOffer: (customer: string) => ({ customer }),
  failed: (customer: string, message: string) => ({ customer, message }),
});
