import { localize, S } from './i18n';
import en from '../locales/en/search-result-strings.json';
/** The words of the panel's search results: apart from the box's, so the first load does not carry them. */
export const searchResultStrings = /* @__PURE__ */ localize('searchResult', en, {
  results: S,
  conversations: S,
  messages: S,
  searching: S,
  noMatches: (q: string) => ({ q }),
  needWord: S,
  more: S,
  /** A result's accessible name: what it is, and the text it shows. */
  conversationResult: (name: string, queue: string) => ({ name, queue }),
  messageResult: (author: string, customer: string, text: string) => ({ author, customer, text }),
  ended: S,
});
