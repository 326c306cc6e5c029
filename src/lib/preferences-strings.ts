import { localize, S } from './i18n';
import en from '../locales/en/preferences-strings.json';
/** The preferences pages' sentences: a module of their own, so they load with those pages only (see staff-page-strings.ts). */
export const preferencesStrings = /* @__PURE__ */ localize('preferences', en, {
  title: S,
  intro: S,
  agentsOnly: S,
  notifications: S,
  notificationsHint: S,
  what: S,
  how: S,
  newMessages: S,
  newMessagesHint: S,
  newConversations: S,
  desktop: S,
  desktopHint: S,
  allowDesktop: S,
  permission: {
    granted: S,
    default: S,
    denied:
      S,
    unsupported: S,
  },
  sound: S,
  soundHint: S,
  testSound: S,
  soundBlocked:
    S,
  soundPlayed: S,
  language: {
    title: S,
    hint: S,
    label: S,
    /** Following the browser's languages; `name`: the one that gives now. */
    browser: (name: string) => ({ name }),
  },
  saveFailed: (message: string) => ({ message }),
  saving: S,
  devices: {
    title: S,
    hint: S,
    listLabel: S,
    thisDevice: S,
    unknownDevice: S,
    lastUsed: (when: string) => ({ when }),
    since: (when: string) => ({ when }),
    logOut: S,
    logOutDevice: (device: string) => ({ device }),
    confirmTitle: S,
    confirmBody: (device: string) => ({ device }),
    onlyThis: S,
    loadFailed: S,
    everywhere: S,
    everywhereTitle: S,
    everywhereBody: S,
  },
});
