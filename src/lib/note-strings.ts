import { localize, S } from './i18n';
import en from '../locales/en/note-strings.json';
/** Words of internal notes in the thread, @mentions and their notices (staff panel only). */
export const noteStrings = /* @__PURE__ */ localize('note', en, {
  label: S,
  /** The row's accessible name: what it is, who wrote it, when. */
  rowLabel: (author: string, time: string) => ({ author, time }),
  hidden: S,
  tab: (count: number) => ({ count }),
  tabLabel: (count: number) => ({ count }),
  mentionSuggestions: S,
  mentionHint: S,
  cannotSee: S,
  cannotMention: (name: string) => ({ name }),
  mentioned: (author: string, customer: string) => ({ author, customer }),
  openNote: S,
  desktopTitle: (author: string) => ({ author }),
  /** A note's list item name. */
  by: (author: string) => ({ author }),
  tooLong: (max: number) => ({ max }),
});
