import { localize, S } from './i18n';
import en from '../locales/en/sort-strings.json';
/** The Conversations list's sort choices: loaded with the sort select, on first use (see staff-page-strings.ts; same "conversationList." ids). */
export const sortStrings = /* @__PURE__ */ localize('conversationList', en, {
  sort: S,
  sorts: {
    'arrived-newest': S,
    'arrived-oldest': S,
    'last-customer-message': S,
    'waiting-longest': S,
    'unread-first': S,
    'customer-name': S,
  },
});
