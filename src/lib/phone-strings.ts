import { localize, S } from './i18n';
import en from '../locales/en/phone-strings.json';
/**
 * The sentences only the phone and touch layouts show (bottom navigation, swipe actions, pull to
 * load). Apart from staff-page-strings.ts so that the desktop's first load does not carry them:
 * only the parts loaded on first use import this file. Same rules as strings.ts.
 */
export const phoneStrings = /* @__PURE__ */ localize('phone', en, {
  more: S,
  moreLabel: S,
  history: S,
  signedInAs: (name: string, role: string) => ({ name, role }),
  back: S,
  rowActions: (customer: string) => ({ customer }),
  composerPlaceholder: S,
  swipeMore: S,
  swipeEnd: S,
  /** `messages`: older messages of this conversation are still to come; otherwise the earlier conversations. */
  pullToLoad: (messages = false) => ({ what: messages ? 'messages' : 'conversations' }),
  releaseToLoad: (messages = false) => ({ what: messages ? 'messages' : 'conversations' }),
});
