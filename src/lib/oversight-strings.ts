import { localize, S } from './i18n';
import en from '../locales/en/oversight-strings.json';
/**
 * What supervisors and admins do in a conversation: its audit trail and reassigning it. A module of
 * its own, loaded with the conversation's menu and drawer, not with any first load.
 */
export const oversightStrings = /* @__PURE__ */ localize('oversight', en, {
  audit: {
    empty: S,
    hint: S,
    actors: { customer: S, system: S },
    entry: (when: string, who: string) => ({ when, who }),
  },
  reassign: {
    action: S,
    title: S,
    intro: (customer: string) => ({ customer }),
    submit: S,
  },
});
