import { localize, S } from './i18n';
import en from '../locales/en/drawer-strings.json';
/**
 * What the side panel (customer, details, history, notes) says inside it: a module of its own, so
 * it loads with the panel, not with the agent's page (see staff-page-strings.ts). Same ids
 * ("drawer.") as the panel's names there.
 */
export const drawerContentStrings = /* @__PURE__ */ localize('drawer', en, {
  close: S,
  label: S,
  unknown: S,
  name: S,
  email: S,
  phone: S,
  customerId: S,
  source: S,
  destination: S,
  channel: S,
  arrived: S,
  pickedBy: S,
  pickedAt: S,
  state: S,
  endedAt: S,
  endedBy: S,
  endedByWho: { customer: S, agent: S, system: S } as Record<string, string>,
  endReasons: { inactivity: S } as Record<string, string>,
  rating: S,
  ratingValue: (rating: number, comment: string | null) => ({ rating, comment, hasComment: comment ? 'yes' : 'no' }),
  notRated: S,
  notPicked: S,
  states: { queued: S, offered: S, picked: S, ended: S } as Record<string, string>,
  newestFirst: S,
  oldestFirst: S,
  noHistory: S,
  openTranscript: (date: string) => ({ date }),
  transcriptTitle: (date: string) => ({ date }),
  close2: S,
  newNote: S,
  saveNote: S,
  noNotes: S,
  notesHint: S,
  sortOrder: S,
});
